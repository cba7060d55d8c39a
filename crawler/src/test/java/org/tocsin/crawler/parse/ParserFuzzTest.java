package org.tocsin.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tocsin.core.evidence.Capture;
import org.tocsin.core.evidence.CaptureParser;
import org.tocsin.core.evidence.ParseResult;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.json.PostJsonlParser;
import org.tocsin.testkit.RealPosts;
import org.tocsin.testkit.fixtures.Fixtures;

/**
 * Randomized mutation of the real fixtures through every parser and the Post JSON reader: only
 * {@link PostFormatException} may escape, every warning names something, and no input may take long
 * ({@code tests.maxMillis} per input). Reproduce a failure with {@code -Dtests.seed=N}. The default
 * run is a few hundred cases per parser; {@link #longRun} ({@code @Tag("slow")}, skipped by
 * default) runs {@code tests.longIterations} per fixture: {@code bench/run-parser-fuzz.sh}.
 */
class ParserFuzzTest {
  private static final long SEED =
      Long.getLong("tests.seed", new Random().nextLong()); // printed in every assertion message
  private static final int ITERATIONS = Integer.getInteger("tests.iterations", 40);
  private static final int LONG_ITERATIONS = Integer.getInteger("tests.longIterations", 2_000);
  private static final long MAX_MILLIS = Long.getLong("tests.maxMillis", 5_000);

  /** Fixture folders per format, and a capture URL the parser accepts. */
  private static final Map<String, List<String>> INPUTS =
      Map.of(
          "mastodon-statuses",
          List.of("https://localhost:3000/api/v1/timelines/public", "mastodon/"),
          "jetstream-event",
          List.of("wss://jetstream.example/subscribe", "bluesky/"),
          "telegram-html",
          List.of("https://t.me/s/channel", "telegram/"),
          "reddit-listing",
          List.of("https://oauth.reddit.com/r/all/new", "reddit/"),
          "rss",
          List.of("https://example.org/feed", "feeds/"),
          "4chan-thread",
          List.of("https://a.4cdn.org/po/thread/570368.json", "4chan/"),
          PostJsonlParser.FORMAT,
          List.of("file:///import.jsonl", "(RealPosts)"));

  /** Every crawler parser and the Post JSON reader. */
  private static List<CaptureParser> parsers() {
    List<CaptureParser> all = new ArrayList<>(CrawlerParsers.all());
    all.add(new PostJsonlParser());
    return all;
  }

  /** The real inputs of a format: its fixture files, or real Post JSON lines. */
  private static Map<String, byte[]> inputs(String format) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    if (format.equals(PostJsonlParser.FORMAT)) {
      List<String> lines = RealPosts.sampleLines();
      for (int i = 0; i < Math.min(20, lines.size()); i++) {
        out.put("posts-sample.jsonl:" + (i + 1), lines.get(i).getBytes(StandardCharsets.UTF_8));
      }
      return out;
    }
    for (String file : Fixtures.pathsUnder(INPUTS.get(format).get(1))) {
      if (!file.endsWith(".headers.json")) {
        out.put(file, Fixtures.bytes(file));
      }
    }
    return out;
  }

  private static final String[] TOKENS = {
    "{",
    "}",
    "[",
    "]",
    "\"",
    ":",
    ",",
    "<",
    ">",
    "</",
    "&#",
    "&amp;",
    "null",
    "-1",
    "1e999",
    "\u0000",
    "\uFFFF",
    "\\u0000",
    "\n",
    "<![CDATA[",
    "<!DOCTYPE x>",
    "\"time_us\":",
    "data-post=\"a/1\""
  };

  @Test
  void mutatedFixturesOnlyEverFailAsFormatErrors() {
    assertThat(CrawlerParsers.all()).hasSize(INPUTS.size() - 1);
    mutateAll(ITERATIONS, Duration.ofMinutes(3));
  }

  @Test
  @Tag("slow")
  void longRun() {
    mutateAll(LONG_ITERATIONS, Duration.ofHours(6));
  }

  @Test
  void randomBytesAndNestingBombsOnlyEverFailAsFormatErrors() {
    Random random = new Random(SEED);
    List<String> bombs =
        List.of(
            "[".repeat(200_000),
            "{\"a\":".repeat(100_000),
            "<a>".repeat(200_000),
            "<rss><channel>" + "<item>".repeat(200_000),
            "data: " + "[".repeat(100_000) + "\n\n",
            "<html><body>"
                + "<div class=\"tgme_widget_message\" data-post=\"a/1\">".repeat(50_000));
    for (CaptureParser parser : parsers()) {
      String url = INPUTS.get(parser.format()).get(0);
      for (int i = 0; i < ITERATIONS; i++) {
        byte[] b = new byte[random.nextInt(4096)];
        random.nextBytes(b);
        check(parser, url, b, "random bytes " + i);
        check(parser, url, tokenSoup(random), "token soup " + i);
      }
      for (int i = 0; i < bombs.size(); i++) {
        check(parser, url, bombs.get(i).getBytes(StandardCharsets.UTF_8), "bomb " + i);
      }
    }
  }

  @Test
  void everyParserOnEveryFixtureOfEveryFormat() {
    for (CaptureParser parser : parsers()) {
      for (String file : Fixtures.paths()) {
        check(parser, INPUTS.get(parser.format()).get(0), Fixtures.bytes(file), file);
      }
    }
  }

  private static void mutateAll(int iterations, Duration limit) {
    Random random = new Random(SEED);
    assertTimeoutPreemptively(
        limit,
        () -> {
          for (CaptureParser parser : parsers()) {
            String url = INPUTS.get(parser.format()).get(0);
            for (Map.Entry<String, byte[]> in : inputs(parser.format()).entrySet()) {
              for (int i = 0; i < iterations; i++) {
                check(parser, url, mutate(in.getValue(), random), in.getKey() + " mutation " + i);
              }
            }
          }
        },
        "a parser hung [seed " + SEED + "]");
  }

  private static void check(CaptureParser parser, String url, byte[] body, String what) {
    Capture c = Captures.of(parser.format(), url, body);
    long t0 = System.nanoTime();
    try {
      ParseResult r = parser.parseResult(c);
      assertThat(r.warnings())
          .as("warnings of %s [seed %d]", what, SEED)
          .allSatisfy(w -> assertThat(w).isNotBlank());
      if (parser instanceof DeletionParser d) {
        d.deletions(c);
      }
    } catch (PostFormatException e) {
      assertThat(e.getMessage()).as("message of %s [seed %d]", what, SEED).isNotBlank();
    } catch (RuntimeException | Error e) {
      fail(parser.format() + " threw " + e + " on " + what + " [seed " + SEED + "]", e);
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(ms)
        .as("%s took %d ms on %s [seed %d]", parser.format(), ms, what, SEED)
        .isLessThanOrEqualTo(MAX_MILLIS);
  }

  private static byte[] tokenSoup(Random r) {
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(200);
    for (int i = 0; i < n; i++) {
      sb.append(TOKENS[r.nextInt(TOKENS.length)]);
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] mutate(byte[] in, Random r) {
    byte[] b = in.clone();
    int edits = 1 + r.nextInt(8);
    for (int e = 0; e < edits && b.length > 0; e++) {
      int at = r.nextInt(b.length);
      switch (r.nextInt(5)) {
        case 0 -> b[at] = (byte) r.nextInt(256);
        case 1 -> b = java.util.Arrays.copyOf(b, at);
        case 2 ->
            b = splice(b, at, TOKENS[r.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
        case 3 -> b = splice(b, at, java.util.Arrays.copyOfRange(b, r.nextInt(b.length), b.length));
        default -> {
          int end = Math.min(b.length, at + 1 + r.nextInt(64));
          byte[] out = new byte[b.length - (end - at)];
          System.arraycopy(b, 0, out, 0, at);
          System.arraycopy(b, end, out, at, b.length - end);
          b = out;
        }
      }
      if (b.length > 4 * 1024 * 1024) {
        b = java.util.Arrays.copyOf(b, 4 * 1024 * 1024);
      }
    }
    return b;
  }

  private static byte[] splice(byte[] b, int at, byte[] insert) {
    byte[] out = new byte[b.length + insert.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(b, at, out, at + insert.length, b.length - at);
    return out;
  }
}
