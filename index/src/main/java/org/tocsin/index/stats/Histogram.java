package org.tocsin.index.stats;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Counts of matching posts per time bucket, optionally split by the values of a facet.
 *
 * @param interval the width of a bucket
 * @param from the start of the first bucket (the requested start, rounded down to the interval)
 * @param to the end of the last bucket (the requested end, rounded up to the interval)
 * @param totalHits how many posts match; the buckets sum to it
 * @param buckets every bucket from {@code from} to {@code to}, empty ones included, in time order
 * @param splitBy the facet the series split by, or {@code null}
 * @param series one series per value of {@code splitBy}, the largest first, at most {@link
 *     #MAX_SERIES}; empty without a split. A post with several values counts in each of their
 *     series, so series may sum to more than the buckets
 * @param omittedSeries how many values of {@code splitBy} were left out beyond {@link #MAX_SERIES}
 * @param tookMicros how long the counting took, in microseconds
 */
public record Histogram(
    Interval interval,
    Instant from,
    Instant to,
    long totalHits,
    List<Bucket> buckets,
    Facet splitBy,
    List<Series> series,
    int omittedSeries,
    long tookMicros) {

  /** The most buckets one histogram may have. */
  public static final int MAX_BUCKETS = 10_000;

  /** The most series one split histogram returns. */
  public static final int MAX_SERIES = 20;

  /** Freezes the lists. */
  public Histogram {
    Objects.requireNonNull(interval, "interval");
    buckets = List.copyOf(buckets);
    series = List.copyOf(series);
  }

  /**
   * One time bucket.
   *
   * @param start the start of the bucket (inclusive); it ends one interval later (exclusive)
   * @param count how many matching posts were written in it
   */
  public record Bucket(Instant start, long count) {}

  /**
   * The buckets of the posts that carry one value of the split facet.
   *
   * @param value the facet value
   * @param total how many matching posts carry it
   * @param counts one count per bucket of the histogram, in the same order
   */
  public record Series(String value, long total, List<Long> counts) {

    /** Freezes the counts. */
    public Series {
      counts = List.copyOf(counts);
    }
  }
}
