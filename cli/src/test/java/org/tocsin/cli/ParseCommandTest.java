package org.tocsin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.json.Json;
import org.tocsin.core.json.PostJson;
import org.tocsin.core.post.Post;
import org.tocsin.testkit.fixtures.Fixtures;

/** {@code tocsin parse} on saved files of every platform (issue 16, item 5). */
class ParseCommandTest {
  @TempDir Path dir;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return Main.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  private Path saved(String fixture) throws Exception {
    Path f = dir.resolve(Path.of(fixture).getFileName().toString());
    Files.write(f, Fixtures.bytes(fixture));
    return f;
  }

  private List<Post> posts() {
    return out.toString().lines().map(ParseCommandTest::read).toList();
  }

  private static Post read(String line) {
    try {
      return PostJson.read(line);
    } catch (Exception e) {
      throw new AssertionError("not Post JSON: " + line, e);
    }
  }

  @Test
  void everyPlatformParsesFromASavedFile() throws Exception {
    String[][] cases = {
      {"mastodon", "mastodon/mastodon_py/public_timeline/02_GET_api_v1_timelines_public.body.json"},
      {"bluesky", "bluesky/jetstream_v1_production_capture_2026-07-04/expected_v1.jsonl"},
      {"telegram", "telegram/any2feed_telegram_preview/full.html"},
      {
        "reddit",
        "reddit/asyncpraw/subreddit_new/01_GET_r_askreddit_new_limit_100_raw_json_1.body.json"
      },
      {"rss", "feeds/rome/geo-rss-issue-27.rss"},
      {"atom", "feeds/rome/usgs-gov-earthquakes-all-hour-atom.xml"},
    };
    for (String[] c : cases) {
      assertThat(run("parse", "--platform", c[0], saved(c[1]).toString()))
          .as(c[0] + ": " + err)
          .isZero();
      assertThat(posts()).as(c[0]).isNotEmpty();
    }
    Path thread = saved("4chan/4chan-API_docs_examples/threads_example_0.json");
    assertThat(
            run(
                "parse",
                "--platform",
                "4chan",
                "--url",
                "https://a.4cdn.org/po/thread/570368.json",
                thread.toString()))
        .as(err.toString())
        .isZero();
    assertThat(posts()).extracting(Post::id).contains("po/570368");
  }

  @Test
  void mastodonTakesTheInstanceFromUrlOrFromItsLocalStatuses() throws Exception {
    Path timeline =
        saved("mastodon/mastodon_py/public_timeline/02_GET_api_v1_timelines_public.body.json");
    assertThat(run("parse", "--platform", "mastodon", timeline.toString())).isZero();
    assertThat(posts())
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p.id()).startsWith("localhost:3000/"));
    assertThat(
            run(
                "parse",
                "--platform",
                "mastodon",
                "--url",
                "https://mastodon.example/api/v1/timelines/public",
                timeline.toString()))
        .isZero();
    assertThat(posts())
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p.id()).startsWith("mastodon.example/"));
  }

  @Test
  void aFileThatYieldsNothingExitsOneAndSaysWhy() throws Exception {
    Path thread = saved("4chan/4chan-API_docs_examples/threads_example_0.json");
    assertThat(run("parse", "--platform", "4chan", thread.toString())).isEqualTo(1);
    assertThat(err.toString())
        .contains("names no board")
        .contains(thread + ": nothing recognised as 4chan");
    assertThat(out.toString()).isEmpty();

    Path noise = dir.resolve("noise.bin");
    byte[] b = new byte[4096];
    new Random(16).nextBytes(b);
    b[0] = 'x';
    Files.write(noise, b);
    assertThat(run("parse", "--platform", "mastodon", noise.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("neither JSON nor a server-sent-events stream");

    assertThat(run("parse", "--platform", "4chan", "--url", "not a url", thread.toString()))
        .isEqualTo(2);
  }

  @Test
  void aBadItemIsReportedAndTheOthersWritten() throws Exception {
    String fixture =
        "reddit/asyncpraw/subreddit_new/01_GET_r_askreddit_new_limit_100_raw_json_1.body.json";
    ObjectNode root = (ObjectNode) Json.mapper().readTree(Fixtures.bytes(fixture));
    ((ObjectNode) root.path("data").path("children").get(3).get("data")).put("created_utc", "soon");
    Path page = dir.resolve("page.json");
    Files.write(page, Json.mapper().writeValueAsBytes(root));
    assertThat(run("parse", "--platform", "reddit", page.toString())).isZero();
    assertThat(posts()).hasSize(99);
    assertThat(err.toString()).contains("children[3]").contains("soon").contains("1 warnings");
    assertThat(run("parse", "--platform", "reddit", "--strict", page.toString())).isEqualTo(1);
  }
}
