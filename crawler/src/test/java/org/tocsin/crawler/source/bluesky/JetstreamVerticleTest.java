package org.tocsin.crawler.source.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.evidence.Capture;
import org.tocsin.crawler.fetch.FetchConfig;
import org.tocsin.crawler.outbound.OutboundGuard;
import org.tocsin.crawler.parse.bluesky.JetstreamEventParser;
import org.tocsin.crawler.source.FileCursorStore;
import org.tocsin.crawler.source.MemorySink;
import org.tocsin.crawler.source.SourceStatus;
import org.tocsin.testkit.fake.FakePlatform;
import org.tocsin.testkit.fake.JetstreamReplay;
import org.tocsin.testkit.fixtures.Fixtures;

@ExtendWith(VertxExtension.class)
class JetstreamVerticleTest {
  private static final String EVENTS =
      "bluesky/jetstream_v1_production_capture_2026-07-04/expected_v1.jsonl";
  private static final String WANTED =
      "?wantedCollections=app.bsky.feed.post&wantedCollections=app.bsky.feed.repost";
  private static final String UA = "Tocsin-test/0.1 (+https://tocsin.example; ops@tocsin.example)";

  private Vertx vertx;
  private FakePlatform fake;
  private List<String> lines;
  @TempDir Path dir;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    lines = Fixtures.text(EVENTS).lines().toList();
    fake = FakePlatform.create(vertx);
    await(fake.start());
  }

  @AfterEach
  void stop() throws Exception {
    await(fake.close());
  }

  private JetstreamConfig config() {
    return new JetstreamConfig(
        "bluesky:test",
        "ws://127.0.0.1:" + fake.actualPort() + "/subscribe",
        JetstreamConfig.DEFAULT_WANTED_COLLECTIONS,
        List.of(),
        5_000,
        20,
        8,
        1 << 20,
        0,
        5,
        50,
        new FetchConfig(UA, 1 << 20, 2_000, 5_000));
  }

  private JetstreamVerticle deploy(MemorySink sink) throws Exception {
    JetstreamVerticle v =
        new JetstreamVerticle(
            config(),
            sink,
            new FileCursorStore(vertx, dir),
            new Random(7),
            Clock.systemUTC(),
            // the fake Jetstream is on loopback: allowed explicitly
            OutboundGuard.allowing(List.of("127.0.0.0/8", "::1")));
    await(vertx.deployVerticle(v));
    return v;
  }

  private static List<String> bodies(List<Capture> captures) {
    List<String> out = new ArrayList<>();
    for (Capture c : captures) {
      assertThat(c.platform()).isEqualTo(JetstreamEventParser.FORMAT);
      out.add(new String(c.body(), StandardCharsets.UTF_8));
    }
    return out;
  }

  private List<String> expected(List<String> from) {
    return from.stream()
        .filter(
            l ->
                !l.contains("\"collection\"")
                    || l.matches(".*\"collection\":\"app\\.bsky\\.feed\\.(post|repost)\".*"))
        .toList();
  }

  @Test
  void aDropMidStreamReconnectsRewoundAndStoresEveryEventExactlyOnce() throws Exception {
    JetstreamReplay replay = JetstreamReplay.of(lines).dropAfter(20);
    fake.webSocket("/subscribe", replay);
    int n = replay.matching(WANTED);
    MemorySink sink = new MemorySink();
    JetstreamVerticle v = deploy(sink);
    await(sink.awaitStored(n));
    await(vertx.undeploy(v.deploymentID()));

    assertThat(bodies(sink.stored())).containsExactlyInAnyOrderElementsOf(expected(lines));
    assertThat(v.duplicatesDropped()).isEqualTo(20);
    assertThat(replay.connections()).hasSize(2);
    assertThat(replay.connections().get(0)).isEqualTo("/subscribe" + WANTED);
    assertThat(replay.connections().get(1)).matches(".*&cursor=[0-9]+$");
    assertThat(sink.stored().get(0).headers()).isNotNull();
    SourceStatus s = v.status();
    assertThat(s.errors()).as(s.toString()).isEqualTo(1);
    assertThat(s.lastError()).startsWith("ws_closed");
    assertThat(s.postsPerMinute()).isPositive();
  }

  @Test
  void aSinkFailureHoldsTheCursorAndTheEventIsStoredOnReconnect() throws Exception {
    JetstreamReplay replay = JetstreamReplay.of(lines);
    fake.webSocket("/subscribe", replay);
    int n = replay.matching(WANTED);
    MemorySink sink = new MemorySink(call -> call == 10);
    JetstreamVerticle v = deploy(sink);
    await(sink.awaitStored(n));
    await(vertx.undeploy(v.deploymentID()));

    assertThat(bodies(sink.stored())).containsExactlyInAnyOrderElementsOf(expected(lines));
    assertThat(replay.connections()).as(v.status().toString()).hasSize(2);
    assertThat(v.status().lastError()).startsWith("sink_failed");
  }

  @Test
  void aRestartResumesFromTheSavedCursorWithoutDuplicates() throws Exception {
    List<String> firstPart = lines.subList(0, 100);
    fake.webSocket("/subscribe", JetstreamReplay.of(firstPart));
    MemorySink first = new MemorySink();
    JetstreamVerticle v1 = deploy(first);
    await(first.awaitStored(expected(firstPart).size()));
    await(vertx.undeploy(v1.deploymentID()));
    JsonObject cursor = await(new FileCursorStore(vertx, dir).load("bluesky:test"));
    assertThat(cursor.getLong("timeUs")).isPositive();
    assertThat(cursor.getJsonArray("recent")).hasSize(expected(firstPart).size());

    JetstreamReplay all = JetstreamReplay.of(lines);
    fake.webSocket("/subscribe", all);
    MemorySink second = new MemorySink();
    JetstreamVerticle v2 = deploy(second);
    int rest = expected(lines).size() - expected(firstPart).size();
    await(second.awaitStored(rest));
    await(vertx.undeploy(v2.deploymentID()));

    List<String> both = new ArrayList<>(bodies(first.stored()));
    both.addAll(bodies(second.stored()));
    assertThat(both).containsExactlyInAnyOrderElementsOf(expected(lines));
    assertThat(all.connections().get(0))
        .endsWith("&cursor=" + (cursor.getLong("timeUs") - 5_000_000));
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
