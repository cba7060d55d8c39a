package org.tocsin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.json.Json;
import org.tocsin.core.json.PostJson;
import org.tocsin.testkit.RealPosts;
import org.tocsin.testkit.TestNodes;

/** The CLI's exit codes and messages. */
class MainTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void importReportsBadLinesAndExitsZeroUnlessStrict() throws Exception {
    Path file = dir.resolve("in.jsonl");
    Files.write(
        file,
        List.of(
            PostJson.write(RealPosts.sample().get(0)),
            "{broken",
            PostJson.write(RealPosts.sample().get(1))),
        StandardCharsets.UTF_8);
    assertThat(run("import", "--data", dir.resolve("d").toString(), file.toString())).isZero();
    assertThat(err.toString()).contains(file + ":2: skipped: not valid JSON");
    assertThat(out.toString()).contains("2 posts stored").contains("1 lines rejected");

    assertThat(run("import", "--strict", "--data", dir.resolve("d").toString(), file.toString()))
        .isEqualTo(1);
  }

  @Test
  void verifySaysOkOnAnImportedLedger() throws Exception {
    Path file = TestNodes.writeJsonl(dir.resolve("in.jsonl"), RealPosts.sample().subList(0, 20));
    assertThat(run("import", "--data", dir.resolve("d").toString(), file.toString())).isZero();
    assertThat(run("verify", "--data", dir.resolve("d").toString())).isZero();
    assertThat(out.toString())
        .containsPattern("ledger checked: [0-9]+ records")
        .contains("tree heads signed by key")
        .contains("ledger OK");
  }

  @Test
  void verifyFindsAFlippedByteAndExitsOne() throws Exception {
    Path file = TestNodes.writeJsonl(dir.resolve("in.jsonl"), RealPosts.sample().subList(0, 20));
    assertThat(run("import", "--data", dir.resolve("d").toString(), file.toString())).isZero();
    Path ledger = dir.resolve("d").resolve("ledger").resolve("ledger.tlg");
    byte[] bytes = Files.readAllBytes(ledger);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(ledger, bytes);
    byte[] tampered = Files.readAllBytes(ledger);

    assertThat(run("verify", "--data", dir.resolve("d").toString())).isEqualTo(1);
    assertThat(out.toString()).contains("ledger FAULT:").contains("seq");
    // verification is read-only: the tampered file is left exactly as found
    assertThat(Files.readAllBytes(ledger)).isEqualTo(tampered);
  }

  @Test
  void campaignsFindsTheIraCampaignsInTheDemoCorpus() throws Exception {
    Path corpus = dir.resolve("demo.jsonl.gz");
    try (var in = DemoCommand.class.getResourceAsStream(DemoCommand.CORPUS)) {
      Files.copy(in, corpus);
    }
    Path result = dir.resolve("campaigns.json");
    assertThat(run("campaigns", "--input", corpus.toString(), "--out", result.toString())).isZero();
    var json = org.tocsin.core.json.Json.mapper().readTree(result.toFile());
    assertThat(json.get("campaigns").size()).isPositive();
    assertThat(json.at("/parameters/minRepeat").asInt()).isEqualTo(2);
    var first = json.get("campaigns").get(0);
    assertThat(first.fieldNames())
        .toIterable()
        .startsWith("id", "accounts", "posts", "signals", "strength", "harm", "edges");
    assertThat(first.get("posts").get(0).has("platform")).isTrue();
    // every account in a campaign is an IRA account of the corpus (HateXplain authors never
    // coordinate)
    first.get("accounts").forEach(a -> assertThat(a.asText()).doesNotStartWith("hatexplain-anon-"));
    assertThat(
            run(
                "campaigns",
                "--input",
                corpus.toString(),
                "--out",
                result.toString(),
                "--window",
                "soon"))
        .isEqualTo(2);
    assertThat(
            run(
                "campaigns",
                "--input",
                corpus.toString(),
                "--out",
                result.toString(),
                "--signals",
                "hashtags,url",
                "--text-window",
                "1h",
                "--min-association",
                "0"))
        .isZero();
    json = org.tocsin.core.json.Json.mapper().readTree(result.toFile());
    assertThat(json.at("/parameters/signals").toString()).isEqualTo("[\"url\",\"hashtags\"]");
    assertThat(json.at("/parameters/text/window").asText()).isEqualTo("3600s");
    assertThat(json.at("/parameters/minAssociation").asDouble()).isZero();
    assertThat(
            run(
                "campaigns",
                "--input",
                corpus.toString(),
                "--out",
                result.toString(),
                "--signals",
                "text,gossip"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("unknown signal [got gossip]");
  }

  @Test
  void parseTurnsRecordedPayloadsIntoPostJsonl() throws Exception {
    Path timeline = dir.resolve("timeline.json");
    Files.write(
        timeline,
        org.tocsin.testkit.fixtures.Fixtures.bytes(
            "mastodon/mastodon_py/public_timeline_anonymous/02_GET_api_v1_timelines_public.body.json"));
    Path jetstream = dir.resolve("jetstream.jsonl");
    Files.write(
        jetstream,
        org.tocsin.testkit.fixtures.Fixtures.bytes(
            "bluesky/jetstream_v1_production_capture_2026-07-04/expected_v1.jsonl"));
    assertThat(run("parse", "--platform", "mastodon", timeline.toString())).isZero();
    assertThat(run("parse", "--platform", "bluesky", jetstream.toString())).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSizeGreaterThan(10);
    for (String l : lines) {
      org.tocsin.core.post.Post p = PostJson.read(l); // every line is valid Post JSON
      assertThat(p.platform()).isIn("mastodon", "bluesky");
    }
    assertThat(err.toString()).contains("upstream deletion of bluesky/");

    Path garbage = dir.resolve("garbage.json");
    Files.writeString(garbage, "{\"not\": \"a timeline\"");
    assertThat(run("parse", "--platform", "mastodon", "--strict", garbage.toString())).isEqualTo(1);
    assertThat(err.toString()).contains(garbage + ": skipped:");
    assertThat(run("parse", "--platform", "myspace", garbage.toString())).isEqualTo(2);
  }

  @Test
  void keysCreatePrintsTheTokenAloneOnTheLastLineAndStoresOnlyItsHash() throws Exception {
    Path d = dir.resolve("d");
    assertThat(
            run(
                "keys",
                "create",
                "--data",
                d.toString(),
                "--role",
                "prosecutor",
                "--name",
                "ICC OTP"))
        .isZero();
    List<String> lines = out.toString().lines().toList();
    String token = lines.get(lines.size() - 1);
    assertThat(token).matches("tk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
    String stored = Files.readString(d.resolve("api-keys.json"));
    assertThat(stored).contains("prosecutor").doesNotContain(token.substring(16));
    assertThat(org.tocsin.node.keys.ApiKeyStore.open(d).authenticate(token)).isPresent();
    String id = token.substring(3, 15);
    assertThat(run("keys", "list", "--data", d.toString())).isZero();
    assertThat(out.toString()).contains(id + "  prosecutor  active");
    assertThat(run("keys", "revoke", "--data", d.toString(), id)).isZero();
    assertThat(org.tocsin.node.keys.ApiKeyStore.open(d).authenticate(token)).isEmpty();
    assertThat(run("keys", "revoke", "--data", d.toString(), id)).isEqualTo(1);
    assertThat(run("keys", "create", "--data", d.toString(), "--role", "god", "--name", "x"))
        .isEqualTo(2);
  }

  @Test
  void exportWritesABundleThatVerifiesOfflineAndATamperIsLocated() throws Exception {
    Path d = dir.resolve("d");
    Path file = TestNodes.writeJsonl(dir.resolve("in.jsonl"), RealPosts.sample().subList(0, 60));
    assertThat(run("import", "--data", d.toString(), file.toString())).isZero();
    Path bag = dir.resolve("bag");
    assertThat(
            run(
                "export",
                "--data",
                d.toString(),
                "--query",
                "label:hate OR label:offensive",
                "--reason",
                "ICC OTP request 2026-17",
                "--out",
                bag.toString()))
        .as(err.toString())
        .isZero();
    assertThat(out.toString()).contains("exported").contains("bag sha256");
    assertThat(bag.resolve("data").resolve("VERIFY.md")).exists();
    assertThat(run("verify-bundle", bag.toString())).as(out.toString()).isZero();
    assertThat(out.toString()).contains("OK");
    assertThat(run("keys", "show", "--data", d.toString())).isZero();
    assertThat(out.toString()).contains("-----BEGIN PUBLIC KEY-----");
    // the export is in the custody log, and the ledger still verifies with the key
    assertThat(run("verify", "--data", d.toString())).isZero();

    Path posts = bag.resolve("data").resolve("posts.jsonl");
    Files.writeString(
        posts, Files.readString(posts).replaceFirst("\"text\":\"", "\"text\":\"EDITED "));
    assertThat(run("verify-bundle", bag.toString())).isEqualTo(1);
    assertThat(out.toString()).contains("FAULT").contains("posts.jsonl");
    assertThat(
            run(
                "export",
                "--data",
                d.toString(),
                "--ids",
                "nope",
                "--reason",
                "x",
                "--out",
                dir.resolve("b2").toString()))
        .isEqualTo(2);
  }

  @Test
  void attributionAndTheCampaignDossierOfANodesCampaign() throws Exception {
    // four accounts post the same link with the same words in three rounds, seconds apart
    StringBuilder jsonl = new StringBuilder();
    int id = 0;
    for (int round = 0; round < 3; round++) {
      for (int a = 0; a < 4; a++) {
        jsonl.append(
            String.format(
                Locale.ROOT,
                "{\"platform\":\"test\",\"id\":\"%d\",\"url\":\"https://test.example/%d\","
                    + "\"author\":{\"id\":\"sock-%d\",\"handle\":\"sock%d\"},"
                    + "\"createdAt\":\"2026-12-01T%02d:00:%02dZ\",\"text\":\"drive them out of"
                    + " our towns before it is too late\",\"links\":[\"https://flyer.example/%d\"]}%n",
                id,
                id,
                a,
                a,
                10 + round,
                a * 5,
                round));
        id++;
      }
    }
    Path file = dir.resolve("socks.jsonl");
    Files.writeString(file, jsonl);
    Path d = dir.resolve("d");
    assertThat(run("import", "--data", d.toString(), file.toString())).isZero();
    out.getBuffer().setLength(0);
    assertThat(run("attribution", "--data", d.toString())).as(err.toString()).isZero();
    String listing = out.toString();
    assertThat(listing).startsWith("1 campaigns").contains("strong").contains("4 accounts");
    String campaign = listing.lines().skip(1).findFirst().orElseThrow().split(" ")[0];
    assertThat(campaign).startsWith("cmp-");

    out.getBuffer().setLength(0);
    assertThat(run("attribution", "--data", d.toString(), campaign)).isZero();
    assertThat(out.toString())
        .contains("grade: strong")
        .contains("url: ")
        .contains("what it cannot show:");
    out.getBuffer().setLength(0);
    assertThat(run("attribution", "--data", d.toString(), campaign, "--json")).isZero();
    assertThat(Json.mapper().readTree(out.toString()).get("campaign").asText()).isEqualTo(campaign);
    assertThat(run("attribution", "--data", d.toString(), "cmp-0000000000000000")).isEqualTo(2);
    assertThat(err.toString()).contains("no batch campaign cmp-0000000000000000");
    assertThat(run("attribution", "--data", d.toString(), "x".repeat(65))).isEqualTo(2);

    Path bag = dir.resolve("dossier");
    out.getBuffer().setLength(0);
    assertThat(
            run(
                "export",
                "--data",
                d.toString(),
                "--campaign",
                campaign,
                "--reason",
                "case 18",
                "--out",
                bag.toString()))
        .as(err.toString())
        .isZero();
    assertThat(out.toString()).contains("campaign dossier").contains("exported 12 captures");
    Path docs = bag.resolve("data").resolve("documents");
    assertThat(
            Json.mapper().readTree(docs.resolve("attribution.json").toFile()).get("grade").asText())
        .isEqualTo("strong");
    assertThat(Json.mapper().readTree(docs.resolve("edges.json").toFile()).size()).isEqualTo(6);
    assertThat(Json.mapper().readTree(docs.resolve("campaign.json").toFile()).get("id").asText())
        .isEqualTo(campaign);
    assertThat(run("verify-bundle", bag.toString())).as(out.toString()).isZero();
    Files.writeString(docs.resolve("attribution.json"), "{\"grade\":\"weak\"}");
    assertThat(run("verify-bundle", bag.toString())).isEqualTo(1);
    assertThat(out.toString()).contains("FAULT").contains("attribution.json");
    assertThat(
            run(
                "export",
                "--data",
                d.toString(),
                "--campaign",
                "cmp-0000000000000000",
                "--reason",
                "x",
                "--out",
                dir.resolve("b3").toString()))
        .isEqualTo(2);
  }

  @Test
  void reindexRebuildsTheIndexFromTheLedger() throws Exception {
    Path d = dir.resolve("d");
    Path file = TestNodes.writeJsonl(dir.resolve("in.jsonl"), RealPosts.sample().subList(0, 30));
    assertThat(run("import", "--data", d.toString(), file.toString())).isZero();
    assertThat(run("reindex", "--data", d.toString())).as(err.toString()).isZero();
    assertThat(out.toString()).contains("rebuilt the index from").contains(": 30 posts");
    assertThat(d.resolve("index.rebuild")).doesNotExist();
    assertThat(d.resolve("index.complete")).doesNotExist();
    assertThat(d.resolve("index.old")).doesNotExist();
    assertThat(run("reindex", "--data", dir.resolve("none").toString())).isEqualTo(2);
  }

  @Test
  void scoreWritesOneScorePerLineInOrder() throws Exception {
    Path in = dir.resolve("texts.txt");
    Files.write(
        in,
        List.of(
            "we must exterminate the rohingya vermin tonight",
            PostJson.write(RealPosts.sample().get(0)),
            "{broken",
            "the rohingya refugee crisis needs aid"),
        StandardCharsets.UTF_8);
    assertThat(run("score", in.toString())).isEqualTo(1); // one line was not a post
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(4);
    var first = org.tocsin.core.json.Json.mapper().readTree(lines.get(0));
    var last = org.tocsin.core.json.Json.mapper().readTree(lines.get(3));
    assertThat(first.get("model").asText()).isEqualTo("tocsin-hate-3way");
    assertThat(first.get("incitement").asDouble()).isGreaterThan(last.get("incitement").asDouble());
    assertThat(first.at("/factors/content/evidence").toString()).contains("exterminate");
    assertThat(lines.get(2)).contains("\"error\"");
    assertThat(err.toString()).contains("line 3:");
    assertThat(err.toString())
        .containsPattern(
            "tocsin score: 3 posts scored in [0-9.]+ s, [0-9,]+ posts/s on \\d+ threads")
        .contains("(1 bad lines)");
  }

  @Test
  void scoreKeepsOrderAndErrorLinesAcrossParallelBatches() throws Exception {
    // 2,500 lines: the 300 real sample posts over and over, with a bad line every 250; more than
    // two batches of ScoreCommand.BATCH, each spread over every core
    List<org.tocsin.core.post.Post> sample = RealPosts.sample();
    List<String> lines = new java.util.ArrayList<>();
    List<org.tocsin.core.post.Post> posts = new java.util.ArrayList<>();
    for (int i = 0; i < 2_500; i++) {
      if (i % 250 == 249) {
        lines.add("{not json " + i);
        posts.add(null);
      } else {
        org.tocsin.core.post.Post p = sample.get(i % sample.size());
        lines.add(PostJson.write(p));
        posts.add(p);
      }
    }
    Path in = dir.resolve("many.jsonl");
    Files.write(in, lines, StandardCharsets.UTF_8);
    assertThat(run("score", in.toString())).isEqualTo(1);
    List<String> got = out.toString().lines().toList();
    assertThat(got).hasSize(2_500);
    org.tocsin.core.score.PostScorer one =
        // tocsin score runs the encoder stage unless --no-encoder
        org.tocsin.node.TocsinNode.scorer(org.tocsin.node.config.TocsinConfig.defaults(), true);
    for (int i = 0; i < got.size(); i++) {
      if (posts.get(i) == null) {
        assertThat(got.get(i)).contains("\"line\":" + (i + 1)).contains("\"error\"");
      } else if (i % 97 == 0) { // every 97th line scored again, alone, must match
        assertThat(got.get(i))
            .isEqualTo(org.tocsin.core.json.ScoreJson.write(one.score(posts.get(i))));
      }
    }
    assertThat(err.toString()).contains("tocsin score: 2,490 posts scored in");
  }

  /** A real post's envelope with another text and language. */
  private static org.tocsin.core.post.Post inLanguage(String text, String lang) {
    org.tocsin.core.post.Post p = RealPosts.sample().get(0);
    return new org.tocsin.core.post.Post(
        p.platform(),
        p.id(),
        p.url(),
        p.author(),
        p.createdAt(),
        text,
        lang,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void scoreRoutesEachPostToItsLanguagesModel() throws Exception {
    Path in = dir.resolve("posts.jsonl");
    Files.write(
        in,
        List.of(
            PostJson.write(
                inLanguage("Du bist so ein dummer Idiot, halt endlich die Fresse", "de")),
            PostJson.write(inLanguage("انت واحد كلب وحقير", "ar")),
            PostJson.write(inLanguage("ደደብ ፋሽስት ነህ", "am")),
            PostJson.write(inLanguage("Tu es un idiot", "fr")),
            PostJson.write(inLanguage("you are a stupid idiot", null)),
            PostJson.write(inLanguage("မင်းကခွေးကောင်ပဲ", "my"))),
        StandardCharsets.UTF_8);
    assertThat(run("score", in.toString())).as(err.toString()).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(6);
    var mapper = org.tocsin.core.json.Json.mapper();
    var de = mapper.readTree(lines.get(0));
    assertThat(de.get("model").asText()).isEqualTo("hate-de");
    assertThat(de.get("version").asText()).isEqualTo("1");
    assertThat(de.get("offensive").asDouble()).isGreaterThan(0.5);
    assertThat(de.at("/explanation/tokens/0/token").asText()).isEqualTo("dummer");
    assertThat(mapper.readTree(lines.get(1)).get("model").asText()).isEqualTo("hate-ar");
    assertThat(mapper.readTree(lines.get(2)).get("model").asText()).isEqualTo("hate-am");
    var fr = mapper.readTree(lines.get(3));
    // French has no classifier but a lexicon of its own: the lexicon alone, not the English model
    assertThat(fr.get("model").asText()).isEqualTo("tocsin-lexicon-baseline");
    assertThat(fr.at("/explanation/notes/0").asText()).contains("fr lexicon");
    assertThat(mapper.readTree(lines.get(4)).get("model").asText()).isEqualTo("tocsin-hate-3way");
    var my = mapper.readTree(lines.get(5));
    assertThat(my.get("model").asText()).isEqualTo("hate-my");
    assertThat(my.get("offensive").asDouble()).isGreaterThan(0.5);
  }

  @Test
  void usageErrorsExitTwoWithAOneLineMessage() {
    assertThat(run()).isEqualTo(2);
    assertThat(run("frobnicate")).isEqualTo(2);
    assertThat(run("import", "--data", dir.toString())).isEqualTo(2);
    assertThat(run("import", "--data", dir.toString(), dir.resolve("missing.jsonl").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("not a readable file");
    assertThat(run("serve", "--data", dir.toString(), "--port", "70000")).isEqualTo(2);
    assertThat(run("verify", "--data", dir.resolve("nothing-here").toString())).isEqualTo(2);
  }

  @Test
  void helpOnEveryCommandExitsZero() {
    for (String cmd :
        new String[] {"demo", "serve", "import", "verify", "campaigns", "parse", "keys"}) {
      assertThat(run(cmd, "--help")).as(cmd).isZero();
    }
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("demo").contains("serve").contains("import");
  }

  @Test
  void runtimeFailureExitsOneWithTheReason() throws Exception {
    Path config = dir.resolve("bad.json");
    Files.writeString(config, "{\"ingest\": {\"batchSise\": 10}}");
    Path file = TestNodes.writeJsonl(dir.resolve("in.jsonl"), RealPosts.sample().subList(0, 1));
    assertThat(
            run(
                "import",
                "--data",
                dir.resolve("d").toString(),
                "--config",
                config.toString(),
                file.toString()))
        .isEqualTo(1);
    assertThat(err.toString()).contains("unknown configuration key [got ingest.batchSise]");
  }
}
