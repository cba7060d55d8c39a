package org.tocsin.crawler.source;

/**
 * How often a polling source asks and how it waits after failures. Read from the flat keys of a
 * source entry ({@code pollIntervalMillis}, {@code intervalMillis}, {@code maxPauseMillis}, {@code
 * backoffBaseMillis}, {@code backoffMaxMillis}).
 *
 * @param pollIntervalMillis the wait between polls once caught up
 * @param intervalMillis the minimum time between two requests to one host
 * @param maxPauseMillis the longest pause a Retry-After or rate-limit reset may impose
 * @param backoffBaseMillis the first retry delay after a failure
 * @param backoffMaxMillis the longest retry delay
 */
public record Pacing(
    long pollIntervalMillis,
    long intervalMillis,
    long maxPauseMillis,
    long backoffBaseMillis,
    long backoffMaxMillis) {

  /** Default cap on server-requested pauses: 15 min. */
  public static final long DEFAULT_MAX_PAUSE_MILLIS = 15 * 60_000;

  /** Default first retry delay: 1 s. */
  public static final long DEFAULT_BACKOFF_BASE_MILLIS = 1_000;

  /** Default longest retry delay: 10 min. */
  public static final long DEFAULT_BACKOFF_MAX_MILLIS = 10 * 60_000;

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if a value is out of range
   */
  public Pacing {
    if (pollIntervalMillis < 1
        || intervalMillis < 0
        || maxPauseMillis < 0
        || backoffBaseMillis < 1
        || backoffMaxMillis < backoffBaseMillis) {
      throw new IllegalArgumentException(
          "need pollIntervalMillis >= 1, intervalMillis >= 0, maxPauseMillis >= 0,"
              + " 1 <= backoffBaseMillis <= backoffMaxMillis [got "
              + pollIntervalMillis
              + ", "
              + intervalMillis
              + ", "
              + maxPauseMillis
              + ", "
              + backoffBaseMillis
              + ", "
              + backoffMaxMillis
              + "]");
    }
  }

  /** A platform's defaults: its poll interval and per-host pace, and the shared failure policy. */
  public static Pacing of(long pollIntervalMillis, long intervalMillis) {
    return new Pacing(
        pollIntervalMillis,
        intervalMillis,
        DEFAULT_MAX_PAUSE_MILLIS,
        DEFAULT_BACKOFF_BASE_MILLIS,
        DEFAULT_BACKOFF_MAX_MILLIS);
  }

  /** The longest wait any failure may cause. */
  public long maxDelayMillis() {
    return Math.max(backoffMaxMillis, maxPauseMillis);
  }
}
