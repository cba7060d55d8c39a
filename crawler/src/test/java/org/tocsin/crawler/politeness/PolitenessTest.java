package org.tocsin.crawler.politeness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One politeness per node: the views of two sources share each host's pace and pauses. */
class PolitenessTest {
  private static final Instant NOW = Instant.parse("2026-12-02T05:00:00Z");
  private final Politeness node = Politeness.shared(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void twoSourcesOnOneHostShareItsQueueAndTheStricterInterval() {
    Politeness fast = node.pace(100, Duration.ofHours(1));
    Politeness slow = node.pace(2_000, Duration.ofHours(1));
    HostQueue a = fast.queue("mastodon.example");
    HostQueue b = slow.queue("mastodon.example");
    assertThat(a).isSameAs(b);
    assertThat(a.intervalMillis()).isEqualTo(2_000);
    // a robots.txt Crawl-delay read by the fast source cannot speed the slow one up
    a.interval(500);
    assertThat(b.intervalMillis()).isEqualTo(2_000);
    a.interval(5_000);
    assertThat(b.intervalMillis()).isEqualTo(5_000);
    // another host keeps its own pace
    assertThat(fast.queue("other.example").intervalMillis()).isEqualTo(100);
  }

  @Test
  void a429SeenByOneSourcePausesTheHostForTheOtherEachWithinItsOwnCap() {
    Politeness a = node.pace(0, Duration.ofMinutes(10));
    Politeness b = node.pace(0, Duration.ofHours(1));
    Instant next = a.onResponse("reddit.example", 429, Map.of("Retry-After", "120"));
    assertThat(next).isEqualTo(NOW.plusSeconds(120));
    assertThat(b.queue("reddit.example").nextFetchTime()).isEqualTo(NOW.plusSeconds(120));
    // the cap is the asking source's: a 2-hour Retry-After pauses for 10 min or 1 h
    assertThat(a.onResponse("x.example", 429, Map.of("Retry-After", "7200")))
        .isEqualTo(NOW.plus(Duration.ofMinutes(10)));
    assertThat(b.onResponse("x.example", 429, Map.of("Retry-After", "7200")))
        .isEqualTo(NOW.plus(Duration.ofHours(1)));
    // separate instances (two nodes) share nothing
    assertThat(
            Politeness.shared(Clock.fixed(NOW, ZoneOffset.UTC))
                .queue("reddit.example")
                .nextFetchTime())
        .isEqualTo(NOW);
  }

  @Test
  void aHostRuleAppliesToEveryViewAndNeverSpeedsAQueueUp() {
    node.interval("a.4cdn.example", 1_000);
    assertThat(node.pace(0, Duration.ofHours(1)).queue("a.4cdn.example").intervalMillis())
        .isEqualTo(1_000);
    node.interval("a.4cdn.example", 10);
    assertThat(node.queue("a.4cdn.example").intervalMillis()).isEqualTo(1_000);
  }
}
