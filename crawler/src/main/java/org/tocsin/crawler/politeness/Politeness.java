package org.tocsin.crawler.politeness;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The host queues of one crawler node, and how a response's rate-limit headers pause a host. Pauses
 * asked for by a server are capped ({@code maxPause}) so that a hostile or broken header cannot
 * stop a source for days; the cap is visible in the source's {@code nextAttempt}.
 */
public final class Politeness {

  private final Map<String, HostQueue> queues = new ConcurrentHashMap<>();
  private final Map<String, Long> intervals = new ConcurrentHashMap<>();
  private final long defaultIntervalMillis;
  private final Duration maxPause;
  private final Clock clock;

  /**
   * Creates the politeness state.
   *
   * @param defaultIntervalMillis the minimum time between two requests to a host not set otherwise
   * @param maxPause the longest pause a Retry-After or rate-limit reset may impose
   * @param clock the clock (the system clock outside tests)
   */
  public Politeness(long defaultIntervalMillis, Duration maxPause, Clock clock) {
    if (defaultIntervalMillis < 0) {
      throw new IllegalArgumentException(
          "interval must be >= 0 [got " + defaultIntervalMillis + "]");
    }
    this.defaultIntervalMillis = defaultIntervalMillis;
    this.maxPause = Objects.requireNonNull(maxPause, "maxPause");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Sets a host's own minimum interval (for example 1000 ms for 4chan's 1 request/s rule). */
  public Politeness interval(String host, long millis) {
    intervals.put(host, millis);
    return this;
  }

  /** The queue of a host, created on first use. */
  public HostQueue queue(String host) {
    return queues.computeIfAbsent(
        host, h -> new HostQueue(h, intervals.getOrDefault(h, defaultIntervalMillis), clock));
  }

  /**
   * Applies a response's limits to its host: {@code Retry-After} on 429/503, and a pause until the
   * {@code X-RateLimit-Reset} when the remaining budget is spent. Returns when the host may be
   * asked again.
   */
  public Instant onResponse(String host, int status, Map<String, String> headers) {
    Instant now = clock.instant();
    Instant limit = now.plus(maxPause);
    HostQueue q = queue(host);
    if (status == 429 || status == 503) {
      Instant after = RateLimits.retryAfter(header(headers, "retry-after"), now);
      if (after == null && status == 429) {
        after = now.plusSeconds(60);
      }
      if (after != null) {
        q.pauseUntil(after.isAfter(limit) ? limit : after);
      }
    }
    RateLimits.Budget b = RateLimits.parse(headers, now);
    if (b.exhausted() && b.reset() != null) {
      q.pauseUntil(b.reset().isAfter(limit) ? limit : b.reset());
    }
    return q.nextFetchTime();
  }

  private static String header(Map<String, String> headers, String name) {
    for (Map.Entry<String, String> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }
}
