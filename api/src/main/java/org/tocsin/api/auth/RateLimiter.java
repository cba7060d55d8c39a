package org.tocsin.api.auth;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-key token buckets: each key may make {@code perMinute} requests a minute, in bursts of up to
 * that many. Thread-safe.
 */
public final class RateLimiter {
  private final double perNano;
  private final double capacity;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  private static final class Bucket {
    double tokens;
    long last;

    Bucket(double tokens, long last) {
      this.tokens = tokens;
      this.last = last;
    }
  }

  /** Creates a limiter admitting {@code perMinute} requests a minute per key. */
  public RateLimiter(int perMinute) {
    if (perMinute < 1) {
      throw new IllegalArgumentException("perMinute must be >= 1 [got " + perMinute + "]");
    }
    this.capacity = perMinute;
    this.perNano = perMinute / 60e9;
  }

  /**
   * Takes one token for a key.
   *
   * @return 0 if the request may go ahead, else the seconds to wait before the next token
   */
  public long tryAcquire(String keyId, long nowNanos) {
    Bucket b = buckets.computeIfAbsent(keyId, k -> new Bucket(capacity, nowNanos));
    synchronized (b) {
      b.tokens = Math.min(capacity, b.tokens + (nowNanos - b.last) * perNano);
      b.last = nowNanos;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
      }
      return (long) Math.ceil((1 - b.tokens) / perNano / 1e9);
    }
  }
}
