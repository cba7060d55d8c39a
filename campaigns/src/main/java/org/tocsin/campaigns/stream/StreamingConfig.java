package org.tocsin.campaigns.stream;

import java.time.Duration;
import java.util.Objects;
import org.tocsin.campaigns.CampaignConfig;

/**
 * Parameters of {@link StreamingDetector}: the detection parameters of the batch detector plus the
 * bounds on what the stream keeps.
 *
 * @param detection signals, co-share window, minimum repetitions, edge-weight quantile, text
 *     similarity and the other parameters shared with batch detection
 * @param maxWindowPosts most posts kept in the sliding window; the oldest are evicted first, also
 *     before they leave the co-share window
 * @param retention how long an account, and the edges and campaign membership it has, are kept
 *     after its last post or co-share
 * @param maxAccounts most accounts kept; the least recently seen are evicted first
 * @param thresholdEvery how many posts between recomputations of the edge-weight quantile
 */
public record StreamingConfig(
    CampaignConfig detection,
    int maxWindowPosts,
    Duration retention,
    int maxAccounts,
    int thresholdEvery) {

  /** Default bound on the sliding window. */
  public static final int DEFAULT_MAX_WINDOW_POSTS = 100_000;

  /** Default account retention. */
  public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);

  /** Default bound on the accounts kept. */
  public static final int DEFAULT_MAX_ACCOUNTS = 200_000;

  /** Default number of posts between quantile recomputations. */
  public static final int DEFAULT_THRESHOLD_EVERY = 1024;

  /** Checks every value. */
  public StreamingConfig {
    Objects.requireNonNull(detection, "detection");
    Objects.requireNonNull(retention, "retention");
    if (maxWindowPosts < 2) {
      throw new IllegalArgumentException(
          "maxWindowPosts must be at least 2 [got " + maxWindowPosts + "]");
    }
    if (retention.compareTo(detection.window()) < 0) {
      throw new IllegalArgumentException(
          "retention must be at least the window "
              + detection.window()
              + " [got "
              + retention
              + "]");
    }
    if (maxAccounts < detection.minAccounts()) {
      throw new IllegalArgumentException(
          "maxAccounts must be at least minAccounts [got " + maxAccounts + "]");
    }
    if (thresholdEvery < 1) {
      throw new IllegalArgumentException(
          "thresholdEvery must be positive [got " + thresholdEvery + "]");
    }
  }

  /** The defaults around {@code detection}. */
  public static StreamingConfig of(CampaignConfig detection) {
    return new StreamingConfig(
        detection,
        DEFAULT_MAX_WINDOW_POSTS,
        DEFAULT_RETENTION,
        DEFAULT_MAX_ACCOUNTS,
        DEFAULT_THRESHOLD_EVERY);
  }

  /**
   * The defaults around {@link CampaignConfig#defaults()}: the batch detector's window, minimum
   * repetitions, quantile and association filter. The stream has no slow-drip text window ({@code
   * text.window}) and no burst signal; it ignores both.
   */
  public static StreamingConfig defaults() {
    return of(CampaignConfig.defaults());
  }

  /** This configuration with other memory bounds. */
  public StreamingConfig withBounds(int maxPosts, Duration keep, int accounts) {
    return new StreamingConfig(detection, maxPosts, keep, accounts, thresholdEvery);
  }
}
