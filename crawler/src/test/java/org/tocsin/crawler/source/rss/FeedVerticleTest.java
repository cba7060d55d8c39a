package org.tocsin.crawler.source.rss;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tocsin.crawler.outbound.OutboundGuard;
import org.tocsin.crawler.politeness.Politeness;
import org.tocsin.crawler.source.ConnectorTestBase;
import org.tocsin.crawler.source.MemorySink;
import org.tocsin.crawler.source.Pacing;
import org.tocsin.testkit.fixtures.Fixtures;

class FeedVerticleTest extends ConnectorTestBase {
  /** The fake platforms of this test are on loopback: allowed explicitly. */
  private static final OutboundGuard LOOPBACK =
      OutboundGuard.allowing(List.of("127.0.0.0/8", "::1"));

  @Test
  void conditionalGetStoresTheFeedOnceAndThenGets304() throws Exception {
    String lastModified = "Mon, 18 Jan 2021 00:44:40 GMT";
    serve(
        "/feed.xml",
        Map.of(
            "content-type", "application/rss+xml",
            "etag", "\"v1\"",
            "last-modified", lastModified),
        Fixtures.bytes("feeds/rome/geo-rss-issue-27.rss"));
    MemorySink sink = new MemorySink();
    FeedConfig cfg =
        new FeedConfig(
            "rss:geo", fake.baseUrl() + "/feed.xml", new Pacing(1, 0, 100, 5, 50), fetch());
    FeedVerticle v =
        new FeedVerticle(
            cfg,
            sink,
            cursors(),
            Politeness.shared(Clock.systemUTC(), LOOPBACK),
            new Random(1),
            Clock.systemUTC());
    await(vertx.deployVerticle(v));
    await(fake.requested("/feed.xml", 3));

    assertThat(sink.stored()).hasSize(1);
    assertThat(ids(sink.stored())).isNotEmpty().doesNotHaveDuplicates();
    assertThat(fake.requestHeaders().get(0)).doesNotContainKey("if-none-match");
    assertThat(fake.requestHeaders().get(1))
        .containsEntry("if-none-match", "\"v1\"")
        .containsEntry("if-modified-since", lastModified);
    assertThat(v.status().errors()).isZero();
  }
}
