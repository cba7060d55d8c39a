package org.tocsin.index.stats;

import java.time.Duration;

/** The width of a histogram bucket; buckets start on whole UTC hours or days. */
public enum Interval {
  /** One hour. */
  HOUR(Duration.ofHours(1)),
  /** One UTC day, from midnight to midnight. */
  DAY(Duration.ofDays(1));

  private final long millis;

  Interval(Duration width) {
    this.millis = width.toMillis();
  }

  /** The width in milliseconds. */
  public long millis() {
    return millis;
  }
}
