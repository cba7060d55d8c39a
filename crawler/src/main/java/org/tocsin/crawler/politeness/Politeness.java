package org.tocsin.crawler.politeness;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.tocsin.crawler.outbound.OutboundGuard;

/**
 * The host queues of one crawler node, and how a response's rate-limit headers pause a host. Pauses
 * asked for by a server are capped ({@code maxPause}) so that a hostile or broken header cannot
 * stop a source for days; the cap is visible in the source's {@code nextAttempt}.
 *
 * <p>One instance is shared by every source of a node; each source works through its own {@link
 * #pace view} with its own minimum interval and pause cap over the same host queues. Two sources on
 * one host therefore share its pace (the strictest interval of the two) and every pause the host
 * asked for (429, {@code Retry-After}, spent rate-limit budget).
 *
 * <p>It also holds the node's {@link OutboundGuard}, which decides which hosts may be contacted at
 * all; every fetcher and stream of a source asks it before connecting. Without one given, only
 * public addresses may be contacted.
 */
public final class Politeness {

  private final Map<String, HostQueue> queues;
  private final Map<String, Long> intervals;
  private final long defaultIntervalMillis;
  private final Duration maxPause;
  private final Clock clock;
  private final OutboundGuard outbound;

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
    this.outbound = OutboundGuard.denyPrivate();
    this.queues = new ConcurrentHashMap<>();
    this.intervals = new ConcurrentHashMap<>();
  }

  /**
   * The politeness of a whole node, which every source works through by its own {@link #pace}: no
   * interval of its own, and pauses capped at six hours.
   */
  public static Politeness shared(Clock clock) {
    return new Politeness(0, Duration.ofHours(6), clock);
  }

  /**
   * As {@link #shared(Clock)}, with the node's outbound guard (its admin allow-list) in place of
   * the default that admits public addresses only.
   */
  public static Politeness shared(Clock clock, OutboundGuard outbound) {
    Politeness base = shared(clock);
    return new Politeness(
        base,
        base.defaultIntervalMillis,
        base.maxPause,
        Objects.requireNonNull(outbound, "outbound"));
  }

  private Politeness(Politeness shared, long intervalMillis, Duration maxPause) {
    this(shared, intervalMillis, maxPause, shared.outbound);
  }

  private Politeness(
      Politeness shared, long intervalMillis, Duration maxPause, OutboundGuard outbound) {
    this.defaultIntervalMillis = intervalMillis;
    this.maxPause = maxPause;
    this.outbound = outbound;
    this.clock = shared.clock;
    this.queues = shared.queues;
    this.intervals = shared.intervals;
  }

  /**
   * A view for one source over the same host queues: its requests keep at least {@code
   * intervalMillis} apart on every host it uses (a host used by several sources keeps the largest
   * of their intervals), and a server may pause it for at most {@code maxPause}.
   */
  public Politeness pace(long intervalMillis, Duration maxPause) {
    if (intervalMillis < 0) {
      throw new IllegalArgumentException("interval must be >= 0 [got " + intervalMillis + "]");
    }
    return new Politeness(this, intervalMillis, Objects.requireNonNull(maxPause, "maxPause"));
  }

  /** Which hosts may be contacted at all. */
  public OutboundGuard outbound() {
    return outbound;
  }

  /**
   * Sets a host's own minimum interval (for example 1000 ms for 4chan's 1 request/s rule), for
   * every view; a queue already made is slowed to it, never sped up.
   */
  public Politeness interval(String host, long millis) {
    intervals.merge(host, millis, Math::max);
    HostQueue q = queues.get(host);
    if (q != null) {
      q.atLeast(millis);
    }
    return this;
  }

  /**
   * The queue of a host, created on first use, and kept at least this view's interval apart (and
   * the host's own interval, if one was set).
   */
  public HostQueue queue(String host) {
    HostQueue q =
        queues.computeIfAbsent(
            host,
            h ->
                new HostQueue(
                    h, Math.max(intervals.getOrDefault(h, 0L), defaultIntervalMillis), clock));
    q.atLeast(defaultIntervalMillis);
    return q;
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
