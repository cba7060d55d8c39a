package org.tocsin.crawler.source.reddit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tocsin.crawler.outbound.OutboundGuard;
import org.tocsin.crawler.politeness.Politeness;
import org.tocsin.crawler.source.ConnectorTestBase;
import org.tocsin.crawler.source.MemorySink;
import org.tocsin.crawler.source.Pacing;
import org.tocsin.testkit.fake.Fault;

class RedditListingVerticleTest extends ConnectorTestBase {
  /** The fake platforms of this test are on loopback: allowed explicitly. */
  private static final OutboundGuard LOOPBACK =
      OutboundGuard.allowing(List.of("127.0.0.0/8", "::1"));

  private static final String DIR = "reddit/asyncpraw/subreddit_stream_submissions_before_cursor/";
  private static final String NEW = "/r/all/new.json?limit=100&raw_json=1";
  private static final String EMPTY =
      "{\"kind\":\"Listing\",\"data\":{\"after\":null,\"before\":null,\"children\":[]}}";

  @Test
  void backfillsWithAfterThenFollowsWithBeforeThroughA429() throws Exception {
    serve(NEW, DIR + "01_GET_r_all_new_limit_100_raw_json_1");
    serve(
        NEW + "&before=t3_kzj68i", DIR + "02_GET_r_all_new_before_t3_kzj68i_limit_100_raw_json_1");
    fallback("application/json", EMPTY);
    fake.fault(NEW + "&before=t3_kzj68i", new Fault.TooManyRequests(1));
    MemorySink sink = new MemorySink();
    RedditConfig cfg =
        new RedditConfig(
            "reddit:all", fake.baseUrl(), "all", 100, 3, new Pacing(1, 0, 100, 5, 50), fetch());
    RedditListingVerticle v =
        new RedditListingVerticle(
            cfg,
            sink,
            cursors(),
            Politeness.shared(Clock.systemUTC(), LOOPBACK),
            new Random(1),
            Clock.systemUTC());
    await(vertx.deployVerticle(v));
    await(fake.requested(NEW + "&before=t3_kzj68x", 1), v::status);

    assertThat(fake.requests())
        .containsSubsequence(
            NEW,
            NEW + "&after=t3_kzj64n",
            NEW + "&before=t3_kzj68i",
            NEW + "&before=t3_kzj68i",
            NEW + "&before=t3_kzj68x");
    assertThat(ids(sink.stored())).hasSize(107).doesNotHaveDuplicates();
    assertThat(sink.stored().get(0).headers()).containsEntry("x-ratelimit-remaining", "347.0");
    assertThat(v.status().errors()).isEqualTo(1);
    assertThat(v.status().lastError()).startsWith("http_429");
  }
}
