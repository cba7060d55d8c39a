package org.tocsin.index;

/**
 * An inclusive range of a score in [0, 1].
 *
 * @param min the least score accepted, in [0, 1]
 * @param max the greatest score accepted, in [{@code min}, 1]
 */
public record ScoreRange(double min, double max) {

  /** Every score. */
  public static final ScoreRange ALL = new ScoreRange(0, 1);

  /**
   * Checks the bounds.
   *
   * @throws IllegalArgumentException if a bound lies outside [0, 1] or {@code min > max}
   */
  public ScoreRange {
    if (!(min >= 0 && min <= 1) || !(max >= 0 && max <= 1)) {
      throw new IllegalArgumentException(
          "score bounds must lie in [0, 1] [got " + min + " TO " + max + "]");
    }
    if (min > max) {
      throw new IllegalArgumentException(
          "score range min must not exceed max [got " + min + " TO " + max + "]");
    }
  }

  /** Scores of at least {@code min}. */
  public static ScoreRange atLeast(double min) {
    return new ScoreRange(min, 1);
  }

  /** Scores of at most {@code max}. */
  public static ScoreRange atMost(double max) {
    return new ScoreRange(0, max);
  }
}
