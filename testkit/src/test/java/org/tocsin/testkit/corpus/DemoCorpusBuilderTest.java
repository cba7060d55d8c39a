package org.tocsin.testkit.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.json.PostJson;
import org.tocsin.core.post.Post;

/** Builds a corpus from a tiny hand-made copy of the shared data layout. */
class DemoCorpusBuilderTest {

  @TempDir Path tmp;

  private Path sharedData() throws IOException {
    Path data = tmp.resolve("data");
    Path ira = data.resolve(DemoCorpusBuilder.IRA_DIR);
    Files.createDirectories(ira.resolve("tweets/A"));
    Files.createDirectories(ira.resolve("tweets/B"));
    write(
        ira.resolve("SUBSET_MANIFEST.csv"),
        "account_category,author_id,path,bytes\n"
            + "RightTroll,BobRight,B/BobRight.csv,1\n"
            + "Fearmonger,AliceFear,A/AliceFear.csv,1\n");
    write(
        ira.resolve("authors.csv"),
        "author_id,author,external_author_id,account_type,account_category,new_june_2018,"
            + "congress_2017_id,in_congress_2017,in_congress_2018\n"
            + "AliceFear,AliceFear,1654809984,Koch,Fearmonger,0,1654809984,1,1\n"
            + "BobRight,BobRight,889000000000000000,Right,RightTroll,0,889260662005915648,1,1\n"
            + "CarolRight,CarolRight,889000000000000000,Right,RightTroll,0,888647286007508992,1,1\n");
    String header =
        "author_id,content,region,language,publish_date,harvested_date,following,followers,"
            + "updates,post_type,retweet\n";
    write(
        ira.resolve("tweets/A/AliceFear.csv"),
        header
            + "AliceFear,\"#KochFarms turkey\n\"\"poisoned\"\" @USDA http://t.co/x\",United States,"
            + "English,2015-11-26 14:05:00,2015-11-26 14:06:00,10,20,30,,0\n"
            + "AliceFear,\"#KochFarms turkey\n\"\"poisoned\"\" @USDA http://t.co/x\",United States,"
            + "English,2015-11-26 14:05:00,2015-11-26 14:06:00,10,20,30,,0\n"
            + "AliceFear,outside every window,United States,English,2015-01-01 00:00:00,"
            + "2015-01-01 00:00:00,1,2,3,,0\n");
    write(
        ira.resolve("tweets/B/BobRight.csv"),
        header + "BobRight,#StopIslam Пример,,Russian,3/22/2016 18:16,3/22/2016 18:20,5,,7,R,1\n");
    Path hx = data.resolve(DemoCorpusBuilder.HATEXPLAIN_FILE);
    Files.createDirectories(hx.getParent());
    write(
        hx,
        hx("1227920812235051008_twitter", "train", "hatespeech")
            + hx("1178610029273976833_twitter", "test", "normal")
            + hx("1179000000000000000_twitter", "val", "offensive")
            + hx("23107796_gab", "train", "offensive"));
    return data;
  }

  private static String hx(String id, String split, String label) {
    return "{\"post_id\": \""
        + id
        + "\", \"split\": \""
        + split
        + "\", \"post_tokens\": [\"<user>\", \"you\", \"are\", \"vermin\"], \"annotators\": [],"
        + " \"targets_union\": [\"None\"], \"rationales\": null, \"label\": \""
        + label
        + "\"}\n";
  }

  private static void write(Path p, String s) throws IOException {
    Files.writeString(p, s, StandardCharsets.UTF_8);
  }

  @Test
  void buildsTheCorpusFromBothSources() throws IOException {
    Path out = tmp.resolve("out");
    DemoCorpusBuilder.Build b = DemoCorpusBuilder.build(sharedData(), out);
    List<String> lines = SampleExtractor.readGzipLines(out.resolve(DemoCorpusBuilder.CORPUS_FILE));
    assertThat(lines).hasSize(4).hasSize(b.posts().size());
    Map<String, Post> byId = parse(lines);

    Post alice =
        byId.get(
            IraTweets.stableId(
                "AliceFear",
                "2015-11-26 14:05:00",
                "#KochFarms turkey\n\"poisoned\" @USDA http://t.co/x"));
    assertThat(alice.text()).isEqualTo("#KochFarms turkey\n\"poisoned\" @USDA http://t.co/x");
    assertThat(alice.createdAt()).isEqualTo(Instant.parse("2015-11-26T14:05:00Z"));
    assertThat(alice.author().id()).isEqualTo("1654809984");
    assertThat(alice.author().followers()).isEqualTo(20L);
    assertThat(alice.url()).isNull();
    assertThat(alice.hashtags()).containsExactly("KochFarms");
    assertThat(alice.mentions()).containsExactly("USDA");
    assertThat(alice.links()).containsExactly("http://t.co/x");
    assertThat(alice.extra().get("ira").path("accountCategory").asText()).isEqualTo("Fearmonger");

    Post bob =
        byId.values().stream()
            .filter(p -> p.author().handle() != null && p.author().handle().equals("BobRight"))
            .findFirst()
            .orElseThrow();
    assertThat(bob.lang()).isEqualTo("ru");
    assertThat(bob.author().id()).as("shared rounded id replaced").isEqualTo("889260662005915648");
    assertThat(bob.author().followers()).isNull();
    assertThat(bob.repostOf()).isNull();
    JsonNode ira = bob.extra().get("ira");
    assertThat(ira.path("postType").asText()).isEqualTo("RETWEET");
    assertThat(ira.has("region")).isFalse();
    assertThat(ira.path("harvestedDate").asText()).isEqualTo("2016-03-22T18:20:00Z");

    assertThat(byId).doesNotContainKey("1178610029273976833");
    Post hate = byId.get("1227920812235051008");
    assertThat(hate.text()).isEqualTo("<user> you are vermin");
    assertThat(hate.author().id()).isEqualTo("hatexplain-anon-1227920812235051008");
    assertThat(hate.author().handle()).isNull();
    assertThat(hate.createdAt()).isEqualTo(HateXplainPosts.snowflakeTime(1227920812235051008L));
    assertThat(hate.extra().get("hatexplain").path("label").asText()).isEqualTo("hatespeech");
    assertThat(byId).containsKey("1179000000000000000");

    assertThat(b.ira().duplicates()).isEqualTo(1);
    assertThat(b.hatexplain().testSplitExcluded()).isEqualTo(1);
    assertThat(b.hatexplain().otherSourcesExcluded()).isEqualTo(1);
    assertThat(b.posts()).extracting(Post::createdAt).isSorted();

    String attribution =
        Files.readString(out.resolve(DemoCorpusBuilder.ATTRIBUTION_FILE), StandardCharsets.UTF_8);
    assertThat(attribution)
        .contains("Content warning", "CC BY 4.0", "MIT License", "Punyajoy Saha")
        .contains("DemoCorpusBuilder", b.jsonlSha256());
  }

  @Test
  void twoBuildsGiveTheSameBytes() throws IOException {
    Path data = sharedData();
    DemoCorpusBuilder.build(data, tmp.resolve("one"));
    DemoCorpusBuilder.build(data, tmp.resolve("two"));
    for (String f : List.of(DemoCorpusBuilder.CORPUS_FILE, DemoCorpusBuilder.ATTRIBUTION_FILE)) {
      assertThat(Files.readAllBytes(tmp.resolve("two").resolve(f)))
          .as(f)
          .isEqualTo(Files.readAllBytes(tmp.resolve("one").resolve(f)));
    }
  }

  private static Map<String, Post> parse(List<String> lines) {
    return lines.stream()
        .map(
            l -> {
              try {
                return PostJson.read(l);
              } catch (Exception e) {
                throw new AssertionError(l, e);
              }
            })
        .collect(Collectors.toMap(Post::id, Function.identity()));
  }
}
