package org.tocsin.crawler.politeness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tocsin.testkit.fixtures.Fixtures;

class RateLimitsTest {
  private static final Instant NOW = Instant.parse("2026-08-01T13:50:00Z");

  @Test
  void mastodonResetIsAnIsoTime() {
    var r =
        Fixtures.recording(
            "mastodon/mastodon_py/pagination_link_header/12_GET_api_v1_accounts_117020565966271181_statuses_limit_5_max_id_117020581008555092");
    RateLimits.Budget b = RateLimits.parse(r.headers(), NOW);
    assertThat(b.remaining()).isEqualTo(299.0);
    assertThat(b.reset()).isEqualTo(Instant.parse("2026-08-01T13:55:00.418662Z"));
    assertThat(b.exhausted()).isFalse();
  }

  @Test
  void redditSendsFloatStringsAndSecondsOrNothing() {
    var r =
        Fixtures.recording("reddit/asyncpraw/front_new_paginated/01_GET_new_limit_100_raw_json_1");
    RateLimits.Budget b = RateLimits.parse(r.headers(), NOW);
    assertThat(b.remaining()).isEqualTo(222.0);
    assertThat(b.reset()).isEqualTo(NOW.plusSeconds(204));
    assertThat(
            RateLimits.parse(
                Map.of("X-Ratelimit-Remaining", "0.0", "X-Ratelimit-Reset", "1.5"), NOW))
        .isEqualTo(new RateLimits.Budget(0.0, NOW.plusMillis(1500)));
    assertThat(RateLimits.parse(Map.of("x-ratelimit-remaining", "lots"), NOW))
        .isEqualTo(new RateLimits.Budget(null, null));
  }

  @Test
  void retryAfterSecondsOrHttpDate() {
    assertThat(RateLimits.retryAfter("120", NOW)).isEqualTo(NOW.plusSeconds(120));
    assertThat(RateLimits.retryAfter("Sat, 01 Aug 2026 14:00:00 GMT", NOW))
        .isEqualTo(Instant.parse("2026-08-01T14:00:00Z"));
    assertThat(RateLimits.retryAfter("soon", NOW)).isNull();
    assertThat(RateLimits.retryAfter("-5", NOW)).isNull();
  }

  @Test
  void exhaustedBudgetPausesTheHostUpToTheCap() {
    Politeness p =
        new Politeness(
            0,
            java.time.Duration.ofSeconds(30),
            java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
    Instant next =
        p.onResponse(
            "m.example",
            200,
            Map.of("x-ratelimit-remaining", "0", "x-ratelimit-reset", "2026-08-01T13:50:10Z"));
    assertThat(next).isEqualTo(NOW.plusSeconds(10));
    Instant capped = p.onResponse("r.example", 429, Map.of("Retry-After", "86400"));
    assertThat(capped).isEqualTo(NOW.plusSeconds(30));
  }

  @Test
  void backoffGrowsWithJitterAndIsReproducible() {
    Backoff a = new Backoff(100, 10_000, new Random(7));
    Backoff b = new Backoff(100, 10_000, new Random(7));
    for (int i = 0; i < 12; i++) {
      long d = a.delayMillis(i);
      long ceiling = Math.min(10_000, 100L << i);
      assertThat(d).isBetween(ceiling / 2, ceiling).isEqualTo(b.delayMillis(i));
    }
  }
}
