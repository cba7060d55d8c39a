package org.tocsin.crawler.source.mastodon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.evidence.Capture;
import org.tocsin.core.post.Post;
import org.tocsin.crawler.fetch.FetchConfig;
import org.tocsin.crawler.outbound.OutboundGuard;
import org.tocsin.crawler.parse.mastodon.MastodonStatusParser;
import org.tocsin.crawler.politeness.Politeness;
import org.tocsin.crawler.source.FileCursorStore;
import org.tocsin.crawler.source.MemorySink;
import org.tocsin.crawler.source.SourceStatus;
import org.tocsin.testkit.fake.FakePlatform;
import org.tocsin.testkit.fake.Fault;
import org.tocsin.testkit.fixtures.Fixtures;

@ExtendWith(VertxExtension.class)
class MastodonTimelineVerticleTest {
  /** The fake platforms of this test are on loopback: allowed explicitly. */
  private static final OutboundGuard LOOPBACK =
      OutboundGuard.allowing(List.of("127.0.0.0/8", "::1"));

  private static final String DIR = "mastodon/mastodon_py/pagination_link_header/";
  private static final String PATH = "/api/v1/accounts/117020565966271181/statuses";
  private static final String PAGE1 = PATH + "?limit=5";
  private static final String PAGE2 = PATH + "?limit=5&max_id=117020581008555092";
  private static final String FORWARD = PATH + "?limit=5&min_id=117020581038622236";
  private static final String UA = "Tocsin-test/0.1 (+https://tocsin.example; ops@tocsin.example)";

  private Vertx vertx;
  private FakePlatform fake;
  @TempDir Path dir;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    fake =
        FakePlatform.create(vertx)
            .replay(
                Fixtures.recording(
                    DIR + "11_GET_api_v1_accounts_117020565966271181_statuses_limit_5"))
            .replay(
                Fixtures.recording(
                    DIR
                        + "12_GET_api_v1_accounts_117020565966271181_statuses_limit_5_max_id_117020581008555092"))
            .fallback(
                200,
                Map.of("content-type", "application/json; charset=utf-8"),
                "[]".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    await(fake.start());
  }

  @AfterEach
  void stop() throws Exception {
    await(fake.close());
  }

  private MastodonConfig config(int maxBodyBytes, long maxPauseMillis) {
    return new MastodonConfig(
        "mastodon:test",
        fake.baseUrl(),
        PATH,
        5,
        20,
        10,
        0,
        maxPauseMillis,
        5,
        50,
        new FetchConfig(UA, maxBodyBytes, 2_000, 5_000));
  }

  private MastodonTimelineVerticle deploy(MastodonConfig cfg, MemorySink sink) throws Exception {
    MastodonTimelineVerticle v =
        new MastodonTimelineVerticle(
            cfg,
            sink,
            new FileCursorStore(vertx, dir),
            Politeness.shared(Clock.systemUTC(), LOOPBACK),
            new Random(42),
            Clock.systemUTC());
    await(vertx.deployVerticle(v));
    return v;
  }

  private static List<String> postIds(List<Capture> captures) throws Exception {
    List<String> ids = new ArrayList<>();
    MastodonStatusParser parser = new MastodonStatusParser();
    for (Capture c : captures) {
      for (Post p : parser.parse(c)) {
        ids.add(p.id());
      }
    }
    return ids;
  }

  @Test
  void paginationWalkCollectsEveryPostExactlyOnceThenPollsForNewOnes() throws Exception {
    MemorySink sink = new MemorySink();
    MastodonTimelineVerticle v = deploy(config(1 << 20, 1_000), sink);
    await(fake.requested(FORWARD, 2));
    assertThat(postIds(sink.stored())).hasSize(10).doesNotHaveDuplicates();
    assertThat(fake.count(PAGE1)).isEqualTo(1);
    assertThat(fake.count(PAGE2)).isEqualTo(1);
    assertThat(fake.requestHeaders())
        .allSatisfy(h -> assertThat(h).containsEntry("user-agent", UA));
    Capture first = sink.stored().get(0);
    assertThat(first.headers()).containsKey("x-ratelimit-remaining");
    assertThat(first.url()).isEqualTo(fake.baseUrl() + PAGE1);
    SourceStatus s = v.status();
    assertThat(s.state()).isEqualTo(SourceStatus.State.RUNNING);
    assertThat(s.lastSuccess()).isNotNull();
    assertThat(s.postsPerMinute()).isEqualTo(10.0);
    assertThat(s.errors()).isZero();
  }

  @Test
  void tooManyRequestsIsHonouredWithinTheConfiguredCap() throws Exception {
    fake.fault(PAGE2, new Fault.TooManyRequests(3600));
    MemorySink sink = new MemorySink();
    MastodonTimelineVerticle v = deploy(config(1 << 20, 150), sink);
    await(fake.requested(FORWARD, 1));
    assertThat(fake.count(PAGE2)).isEqualTo(2);
    assertThat(postIds(sink.stored())).hasSize(10).doesNotHaveDuplicates();
    assertThat(v.status().errors()).isEqualTo(1);
    assertThat(v.status().lastError()).startsWith("http_429");
  }

  @Test
  void serverErrorsAreRetried() throws Exception {
    fake.fault(PAGE1, new Fault.ServerError(503)).fault(PAGE1, new Fault.ServerError(500));
    MemorySink sink = new MemorySink();
    MastodonTimelineVerticle v = deploy(config(1 << 20, 100), sink);
    await(fake.requested(FORWARD, 1));
    assertThat(fake.count(PAGE1)).isEqualTo(3);
    assertThat(postIds(sink.stored())).hasSize(10).doesNotHaveDuplicates();
    assertThat(v.status().errors()).isEqualTo(2);
  }

  @Test
  void truncatedJsonIsAParseErrorAndTheConnectorKeepsRunning() throws Exception {
    fake.fault(PAGE2, new Fault.Truncated(300));
    MemorySink sink = new MemorySink();
    MastodonTimelineVerticle v = deploy(config(1 << 20, 100), sink);
    await(fake.requested(FORWARD, 1));
    assertThat(v.status().lastError()).startsWith("parse_error");
    assertThat(v.status().errors()).isEqualTo(1);
    // The truncated capture is kept as evidence; the page is fetched again and nothing is lost.
    assertThat(sink.stored().stream().filter(c -> c.body().length == 300)).hasSize(1);
    assertThat(postIds(sink.stored().stream().filter(c -> c.body().length != 300).toList()))
        .hasSize(10)
        .doesNotHaveDuplicates();
  }

  @Test
  void oversizedBodiesAndClosedConnectionsAreBoundedAndRetried() throws Exception {
    fake.fault(PAGE1, new Fault.Oversized(4 << 20)).fault(PAGE1, new Fault.CloseConnection());
    MemorySink sink = new MemorySink();
    MastodonTimelineVerticle v = deploy(config(64 * 1024, 100), sink);
    await(fake.requested(FORWARD, 1));
    assertThat(v.status().errors()).isEqualTo(2);
    assertThat(postIds(sink.stored())).hasSize(10).doesNotHaveDuplicates();
  }

  @Test
  void cursorDoesNotMoveWhileTheSinkFails() throws Exception {
    MemorySink sink = new MemorySink(n -> true);
    FileCursorStore store = new FileCursorStore(vertx, dir);
    MastodonTimelineVerticle v = deploy(config(1 << 20, 100), sink);
    await(fake.requested(PAGE1, 3));
    assertThat(fake.count(PAGE2)).isZero();
    assertThat(await(store.load("mastodon:test"))).isEqualTo(new JsonObject());
    assertThat(v.status().lastError()).startsWith("sink_failed");
    assertThat(v.status().state()).isEqualTo(SourceStatus.State.BACKING_OFF);
  }

  @Test
  void resumeFromAPersistedCursorGivesNoDuplicates() throws Exception {
    MemorySink first = new MemorySink(n -> n >= 2); // page 1 acknowledged, page 2 never
    MastodonTimelineVerticle v1 = deploy(config(1 << 20, 100), first);
    await(fake.requested(PAGE2, 2));
    await(vertx.undeploy(v1.deploymentID()));
    JsonObject cursor = await(new FileCursorStore(vertx, dir).load("mastodon:test"));
    assertThat(cursor.getString("backfillMaxId")).isEqualTo("117020581008555092");

    MemorySink second = new MemorySink();
    deploy(config(1 << 20, 100), second);
    await(fake.requested(FORWARD, 1));
    List<String> all = new ArrayList<>(postIds(first.stored()));
    all.addAll(postIds(second.stored()));
    assertThat(all).hasSize(10).doesNotHaveDuplicates();
    assertThat(fake.count(PAGE1)).isEqualTo(1);
  }

  @Test
  void aUserAgentThatNamesNoOperatorFailsAtStart() {
    assertThatThrownBy(
            () ->
                MastodonConfig.fromJson(
                    new JsonObject()
                        .put("baseUrl", "https://m.example")
                        .put("fetch", new JsonObject().put("userAgent", "curl/8"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[got 'curl/8']");
    assertThatThrownBy(
            () -> MastodonConfig.fromJson(new JsonObject().put("baseUrl", "https://m.example")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userAgent");
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
