package org.tocsin.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tocsin.core.evidence.Capture;
import org.tocsin.core.evidence.CaptureParser;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.testkit.fixtures.Fixtures;

/**
 * Randomized mutation of the real fixtures through every parser: only {@link PostFormatException}
 * may escape, and no input may hang a parser. Reproduce a failure with {@code -Dtests.seed=N}.
 */
class ParserFuzzTest {
  private static final long SEED =
      Long.getLong("tests.seed", new Random().nextLong()); // printed in every assertion message
  private static final int ITERATIONS = Integer.getInteger("tests.iterations", 40);

  /** Fixture folders per format, and a capture URL the parser accepts. */
  private static final Map<String, List<String>> INPUTS =
      Map.of(
          "mastodon-statuses",
              List.of("https://localhost:3000/api/v1/timelines/public", "mastodon/"),
          "jetstream-event", List.of("wss://jetstream.example/subscribe", "bluesky/"),
          "telegram-html", List.of("https://t.me/s/channel", "telegram/"),
          "reddit-listing", List.of("https://oauth.reddit.com/r/all/new", "reddit/"),
          "rss", List.of("https://example.org/feed", "feeds/"),
          "4chan-thread", List.of("https://a.4cdn.org/po/thread/570368.json", "4chan/"));

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
    assertThat(CrawlerParsers.all()).hasSize(INPUTS.size());
    Random random = new Random(SEED);
    assertTimeoutPreemptively(
        Duration.ofMinutes(3),
        () -> {
          for (CaptureParser parser : CrawlerParsers.all()) {
            List<String> in = INPUTS.get(parser.format());
            List<String> files =
                Fixtures.pathsUnder(in.get(1)).stream()
                    .filter(p -> !p.endsWith(".headers.json"))
                    .toList();
            for (String file : files) {
              byte[] original = Fixtures.bytes(file);
              for (int i = 0; i < ITERATIONS; i++) {
                check(parser, in.get(0), mutate(original, random), file + " mutation " + i);
              }
            }
          }
        },
        "a parser hung [seed " + SEED + "]");
  }

  @Test
  void everyParserOnEveryFixtureOfEveryFormat() {
    for (CaptureParser parser : CrawlerParsers.all()) {
      for (String file : Fixtures.paths()) {
        check(parser, INPUTS.get(parser.format()).get(0), Fixtures.bytes(file), file);
      }
    }
  }

  private static void check(CaptureParser parser, String url, byte[] body, String what) {
    Capture c = Captures.of(parser.format(), url, body);
    try {
      parser.parse(c);
      if (parser instanceof DeletionParser d) {
        d.deletions(c);
      }
    } catch (PostFormatException e) {
      assertThat(e.getMessage()).as("message of %s [seed %d]", what, SEED).isNotBlank();
    } catch (RuntimeException | Error e) {
      fail(parser.format() + " threw " + e + " on " + what + " [seed " + SEED + "]", e);
    }
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
