package org.tocsin.crawler.politeness;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;

/**
 * The pace of one host: requests are granted no closer than the host's minimum interval, and not
 * before a pause (429, rate-limit reset) ends. Grants are timers, never blocking waits.
 */
public final class HostQueue {

  private final String host;
  private long intervalMillis;
  private long floorMillis;
  private final Clock clock;
  private long nextFetchMillis;

  HostQueue(String host, long intervalMillis, Clock clock) {
    this.host = host;
    this.intervalMillis = intervalMillis;
    this.floorMillis = intervalMillis;
    this.clock = clock;
  }

  /** The host this queue paces. */
  public String host() {
    return host;
  }

  /** Completes when the next request to this host may be sent, and books that slot. */
  public Future<Void> acquire(Vertx vertx) {
    long now = clock.millis();
    long at;
    synchronized (this) {
      at = Math.max(now, nextFetchMillis);
      nextFetchMillis = at + intervalMillis;
    }
    long wait = at - now;
    if (wait <= 0) {
      return Future.succeededFuture();
    }
    Promise<Void> p = Promise.promise();
    vertx.setTimer(wait, id -> p.complete());
    return p.future();
  }

  /**
   * Changes the minimum interval (a robots.txt Crawl-delay); applies from the next grant. It never
   * goes below the interval a source using this host asked for ({@link #atLeast}).
   */
  public synchronized void interval(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException("interval must be >= 0 [got " + millis + "]");
    }
    intervalMillis = Math.max(floorMillis, millis);
  }

  /** Keeps grants at least {@code millis} apart from now on (a source's own interval). */
  public synchronized void atLeast(long millis) {
    floorMillis = Math.max(floorMillis, millis);
    intervalMillis = Math.max(intervalMillis, floorMillis);
  }

  /** The current minimum interval between two grants, in milliseconds. */
  public synchronized long intervalMillis() {
    return intervalMillis;
  }

  /** Holds every request to this host until {@code until} (never shortens an existing pause). */
  public synchronized void pauseUntil(Instant until) {
    nextFetchMillis = Math.max(nextFetchMillis, until.toEpochMilli());
  }

  /** When the next request may be sent. */
  public synchronized Instant nextFetchTime() {
    return Instant.ofEpochMilli(Math.max(nextFetchMillis, clock.millis()));
  }
}
