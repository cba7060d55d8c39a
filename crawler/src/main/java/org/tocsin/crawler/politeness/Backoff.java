package org.tocsin.crawler.politeness;

import java.util.Objects;
import java.util.Random;

/**
 * Exponential backoff with "equal jitter": attempt {@code n} waits between half and all of {@code
 * min(max, base * 2^n)}. The {@link Random} is injected so that tests are reproducible.
 */
public final class Backoff {

  private final long baseMillis;
  private final long maxMillis;
  private final Random random;

  /**
   * Creates a backoff policy.
   *
   * @throws IllegalArgumentException if {@code baseMillis < 1} or {@code maxMillis < baseMillis}
   */
  public Backoff(long baseMillis, long maxMillis, Random random) {
    if (baseMillis < 1 || maxMillis < baseMillis) {
      throw new IllegalArgumentException(
          "backoff needs 1 <= base <= max [got base " + baseMillis + ", max " + maxMillis + "]");
    }
    this.baseMillis = baseMillis;
    this.maxMillis = maxMillis;
    this.random = Objects.requireNonNull(random, "random");
  }

  /** The delay before retry number {@code attempt} (0 for the first retry), in milliseconds. */
  public synchronized long delayMillis(int attempt) {
    int shift = Math.max(0, Math.min(attempt, 30));
    long ceiling = Math.min(maxMillis, baseMillis << shift);
    long half = ceiling / 2;
    return half + (long) (random.nextDouble() * (ceiling - half + 1));
  }
}
