package org.tocsin.node.alerts;

/**
 * A volume-change condition (Graylog's aggregation with a threshold): the posts that match the
 * rule's other conditions are counted in windows of {@code windowSeconds} by capture time, aligned
 * to the epoch (UTC); the rule alerts when the current window holds at least {@code minPosts} posts
 * and at least {@code factor} times the mean of the {@code baselineWindows} windows before it.
 *
 * @param windowSeconds the window length, 1 s to a day
 * @param baselineWindows how many earlier windows make the baseline, 1 to 168
 * @param factor how many times the baseline's mean the current window must reach, 1 to 1000
 * @param minPosts the fewest posts in the current window that can alert
 */
public record VolumeChange(int windowSeconds, int baselineWindows, double factor, long minPosts) {
  /** The baseline when none is given: six windows. */
  public static final int DEFAULT_BASELINE_WINDOWS = 6;

  /** Checks the bounds. */
  public VolumeChange {
    if (windowSeconds < 1 || windowSeconds > 86_400) {
      throw new IllegalArgumentException(
          "volumeChange.windowSeconds must be in 1..86400 [got " + windowSeconds + "]");
    }
    if (baselineWindows < 1 || baselineWindows > 168) {
      throw new IllegalArgumentException(
          "volumeChange.baselineWindows must be in 1..168 [got " + baselineWindows + "]");
    }
    if (!(factor >= 1 && factor <= 1000)) {
      throw new IllegalArgumentException(
          "volumeChange.factor must lie in [1, 1000] [got " + factor + "]");
    }
    if (minPosts < 1 || minPosts > 1_000_000) {
      throw new IllegalArgumentException(
          "volumeChange.minPosts must be in 1..1000000 [got " + minPosts + "]");
    }
  }
}
