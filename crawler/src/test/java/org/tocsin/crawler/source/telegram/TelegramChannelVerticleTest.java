package org.tocsin.crawler.source.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
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
import org.tocsin.crawler.parse.telegram.TelegramPageParser;
import org.tocsin.crawler.politeness.Politeness;
import org.tocsin.crawler.source.FileCursorStore;
import org.tocsin.crawler.source.MemorySink;
import org.tocsin.crawler.source.Pacing;
import org.tocsin.testkit.fake.FakePlatform;
import org.tocsin.testkit.fake.Fault;
import org.tocsin.testkit.fixtures.Fixtures;
import org.tocsin.testkit.fixtures.Recording;

@ExtendWith(VertxExtension.class)
class TelegramChannelVerticleTest {
  /** The fake platforms of this test are on loopback: allowed explicitly. */
  private static final OutboundGuard LOOPBACK =
      OutboundGuard.allowing(List.of("127.0.0.0/8", "::1"));

  private static final String PAGE = "/s/topwar_official";
  private static final String UA = "Tocsin/0.1 (+https://tocsin.example; ops@tocsin.example)";
  private static final byte[] EMPTY =
      "<html><body><section class=\"tgme_channel_history\"></section></body></html>"
          .getBytes(StandardCharsets.UTF_8);

  private Vertx vertx;
  private FakePlatform fake;
  @TempDir Path dir;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    fake =
        FakePlatform.create(vertx)
            .replay(
                new Recording(
                    "GET",
                    "https://t.me" + PAGE,
                    200,
                    Map.of("content-type", "text/html; charset=utf-8"),
                    Fixtures.bytes("telegram/any2feed_telegram_preview/full.html")))
            .fallback(200, Map.of("content-type", "text/html; charset=utf-8"), EMPTY);
    await(fake.start());
  }

  @AfterEach
  void stop() throws Exception {
    await(fake.close());
  }

  private void robots(String body) {
    fake.replay(
        new Recording(
            "GET",
            "https://t.me/robots.txt",
            200,
            Map.of("content-type", "text/plain"),
            body.getBytes(StandardCharsets.UTF_8)));
  }

  private TelegramChannelVerticle deploy(MemorySink sink, long robotsTtl) throws Exception {
    TelegramConfig cfg =
        new TelegramConfig(
            "telegram:topwar",
            fake.baseUrl(),
            "topwar_official",
            5,
            50,
            robotsTtl,
            new Pacing(60_000, 0, 100, 5, 50),
            new FetchConfig(UA, 1 << 20, 2_000, 5_000));
    TelegramChannelVerticle v =
        new TelegramChannelVerticle(
            cfg,
            sink,
            new FileCursorStore(vertx, dir),
            Politeness.shared(Clock.systemUTC(), LOOPBACK),
            new Random(3),
            Clock.systemUTC());
    await(vertx.deployVerticle(v));
    return v;
  }

  private static List<String> ids(List<Capture> captures) throws Exception {
    List<String> out = new ArrayList<>();
    for (Capture c : captures) {
      for (Post p : new TelegramPageParser().parse(c)) {
        out.add(p.id());
      }
    }
    return out;
  }

  @Test
  void backfillsWithBeforeThenPollsWithAfter() throws Exception {
    robots("User-agent: *\nDisallow: /c/\nCrawl-delay: 0.01\n");
    MemorySink sink = new MemorySink();
    TelegramChannelVerticle v = deploy(sink, 60_000);
    try {
      await(fake.requested(PAGE + "?after=71008", 1));
    } catch (Exception e) {
      throw new AssertionError(v.status() + " " + fake.requests(), e);
    }
    assertThat(fake.requests())
        .containsSubsequence("/robots.txt", PAGE, PAGE + "?before=70989", PAGE + "?after=71008");
    assertThat(fake.count("/robots.txt")).isEqualTo(1);
    assertThat(ids(sink.stored())).hasSize(12).doesNotHaveDuplicates();
    assertThat(sink.stored().get(0).platform()).isEqualTo(TelegramPageParser.FORMAT);
    assertThat(v.status().errors()).isZero();
    assertThat(fake.requestHeaders())
        .allSatisfy(h -> assertThat(h.get("user-agent")).isEqualTo(UA));
  }

  @Test
  void aDisallowingRobotsTxtStopsEveryPageFetch() throws Exception {
    robots("User-agent: Tocsin\nDisallow: /s/\n\nUser-agent: *\nAllow: /\n");
    MemorySink sink = new MemorySink();
    TelegramChannelVerticle v = deploy(sink, 1);
    await(fake.requested("/robots.txt", 3));
    assertThat(fake.count(PAGE)).isZero();
    assertThat(sink.calls()).isZero();
    assertThat(v.status().lastError()).startsWith("robots_denied").contains("[got ");
  }

  @Test
  void anUnreachableRobotsTxtFailsClosedUntilItCanBeRead() throws Exception {
    robots("User-agent: *\nAllow: /\n");
    fake.fault("/robots.txt", new Fault.ServerError(503));
    MemorySink sink = new MemorySink();
    TelegramChannelVerticle v = deploy(sink, 60_000);
    await(fake.requested(PAGE, 1));
    assertThat(fake.requests()).startsWith("/robots.txt", "/robots.txt", PAGE);
    assertThat(v.status().lastError()).startsWith("robots_unreachable");
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
