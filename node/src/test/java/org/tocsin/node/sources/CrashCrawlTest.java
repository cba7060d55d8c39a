package org.tocsin.node.sources;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.evidence.Capture;
import org.tocsin.core.post.Post;
import org.tocsin.core.post.PostKey;
import org.tocsin.crawler.parse.bluesky.JetstreamEventParser;
import org.tocsin.evidence.RecordType;
import org.tocsin.evidence.VerifyReport;
import org.tocsin.node.CaptureParsers;
import org.tocsin.node.TocsinNode;
import org.tocsin.node.config.TocsinConfig;
import org.tocsin.testkit.fake.FakePlatform;
import org.tocsin.testkit.fake.JetstreamReplay;
import org.tocsin.testkit.fixtures.Fixtures;

/**
 * Kills a crawling node with SIGKILL mid-crawl and restarts it on the same data directory: the fake
 * Jetstream (in this JVM, so it outlives the kill) replays the real recorded events in time order,
 * breaking each connection after a few events so that the crawl takes several reconnects. After the
 * restart finished the crawl, the ledger holds every event of the fake exactly once, the index
 * every post exactly once, and the chain verifies.
 */
class CrashCrawlTest {
  private static final String UA = "Tocsin/0.1 (+https://tocsin.example; ops@tocsin.example)";

  @TempDir Path dir;

  @Test
  void everyPostExactlyOnceAfterKillDashNineMidCrawl() throws Exception {
    List<String> lines =
        new ArrayList<>(
            Fixtures.text("bluesky/jetstream_v1_production_capture_2026-07-04/expected_v1.jsonl")
                .lines()
                .filter(l -> !l.isBlank())
                .toList());
    // Jetstream sends events in time_us order; the recording is off by microseconds here and there
    lines.sort(Comparator.comparingLong(l -> new JsonObject(l).getLong("time_us")));
    JetstreamReplay replay = JetstreamReplay.of(lines);
    for (int i = 0; i < 40; i++) {
      replay.dropAfter(12);
    }
    Vertx fakeVertx = Vertx.vertx();
    FakePlatform fake = FakePlatform.create(fakeVertx).webSocket("/subscribe", replay);
    fake.start().await();
    Path config = dir.resolve("tocsin.json");
    JsonObject source =
        new JsonObject()
            .put("type", "jetstream")
            .put("name", "bluesky")
            .put("url", "ws://127.0.0.1:" + fake.actualPort() + "/subscribe")
            .put("rewindMillis", 0)
            .put("cursorSaveIntervalMillis", 50)
            .put("backoffBaseMillis", 100)
            .put("backoffMaxMillis", 200);
    Files.writeString(
        config,
        new JsonObject()
            .put(
                "crawler",
                new JsonObject()
                    .put(
                        "defaults",
                        new JsonObject().put("fetch", new JsonObject().put("userAgent", UA)))
                    .put("sources", new JsonArray().add(source)))
            // the fake platform is on loopback
            .put(
                "security",
                new JsonObject()
                    .put("outboundAllow", new JsonArray().add("127.0.0.0/8").add("::1")))
            .encode());
    Path data = dir.resolve("data");
    try {
      long acked = crawlAndKill(data, config);
      int expected = replay.matching(query(replay.connections().get(0)));
      assertThat(acked).as("killed mid-crawl").isLessThan(expected);

      try (TocsinNode node = TocsinNode.open(data, TocsinConfig.load(config))) {
        Vertx vertx = Vertx.vertx();
        SourceManager sources = SourceManager.start(vertx, node).await();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (captures(node).size() < expected && System.nanoTime() < deadline) {
          Promise<Void> tick = Promise.promise();
          vertx.setTimer(100, id -> tick.complete());
          tick.future().await();
        }
        sources.stop().await();
        vertx.close().await();

        VerifyReport report = node.ledger().verify();
        assertThat(report.ok()).as("verify: %s", report.firstProblem()).isTrue();
        List<Capture> stored = captures(node);
        Set<String> bodies = new HashSet<>();
        stored.forEach(c -> bodies.add(new String(c.body(), StandardCharsets.UTF_8)));
        assertThat(bodies).as("every event of the fake").hasSize(expected);
        assertThat(stored).as("each stored once").hasSize(expected);

        node.indexer().catchUp();
        node.indexer().publish(); // a throttled reopen may leave the last batch unseen
        Set<PostKey> want = new HashSet<>();
        JetstreamEventParser parser = new JetstreamEventParser();
        for (String line : lines) {
          for (Post p : parser.parse(capture(line))) {
            want.add(new PostKey(p.platform(), p.id()));
          }
        }
        Set<PostKey> got = new HashSet<>();
        CaptureParsers parsers = CaptureParsers.standard();
        for (Capture c : stored) {
          for (Post p : parsers.parse(c)) {
            got.add(new PostKey(p.platform(), p.id()));
          }
        }
        assertThat(got).as("posts in the ledger").isEqualTo(want);
        for (PostKey k : want) {
          assertThat(node.index().get(k)).as("post %s in the index", k).isPresent();
        }
        assertThat(node.index().count()).as("each post indexed once").isEqualTo(want.size());
      }
    } finally {
      fakeVertx.close().await();
    }
  }

  /** Runs the child until some captures were acknowledged, kills it; returns its last ack. */
  private long crawlAndKill(Path data, Path config) throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                CrashCrawlChild.class.getName(),
                data.toString(),
                config.toString())
            .redirectError(dir.resolve("child.err").toFile())
            .start();
    long acked = 0;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("ACK ")) {
          acked = Long.parseLong(line.substring(4));
          if (acked >= 30) {
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no cursor saved at stop
            break;
          }
        }
      }
    }
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(acked)
        .as("child stderr: %s", Files.readString(dir.resolve("child.err")))
        .isGreaterThanOrEqualTo(30);
    return acked;
  }

  private static String query(String uri) {
    int q = uri.indexOf('?');
    return q < 0 ? "" : uri.substring(q);
  }

  private static List<Capture> captures(TocsinNode node) throws java.io.IOException {
    List<Capture> out = new ArrayList<>();
    node.ledger()
        .scan(
            1,
            rec -> {
              if (rec.type() == RecordType.CAPTURE) {
                out.add(node.ledger().readCapture(rec.seq()));
              }
              return true;
            });
    return out;
  }

  private static Capture capture(String line) {
    Instant now = Instant.now();
    return new Capture(
        "bluesky",
        JetstreamEventParser.FORMAT,
        "GET",
        "ws://fake/subscribe",
        101,
        Map.of(),
        "application/json",
        now,
        now,
        line.getBytes(StandardCharsets.UTF_8));
  }
}
