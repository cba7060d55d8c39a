package org.tocsin.models.incitement;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Percentile bootstrap intervals for precision, recall, F1 (at a fixed threshold) and PR-AUC of a
 * scored split: the posts are resampled with replacement, {@code rounds} times, with a fixed seed,
 * so the intervals repeat exactly. With a few dozen positives they are wide; they say how much of a
 * difference between two scorers could be chance.
 */
public final class Bootstrap {
  /** The seed every run uses. */
  public static final long SEED = 20261202L;

  private Bootstrap() {}

  /** A 95 % interval per metric: {low, high}. */
  public record Intervals(
      int rounds, double[] precision, double[] recall, double[] f1, double[] averagePrecision) {

    /** One line per metric. */
    public String describe() {
      return String.format(
          Locale.ROOT,
          "95%% bootstrap intervals (%d resamples of test): precision %.3f-%.3f, recall"
              + " %.3f-%.3f, F1 %.3f-%.3f, PR-AUC %.3f-%.3f%n",
          rounds,
          precision[0],
          precision[1],
          recall[0],
          recall[1],
          f1[0],
          f1[1],
          averagePrecision[0],
          averagePrecision[1]);
    }
  }

  /**
   * Resamples {@code scored} {@code rounds} times.
   *
   * @throws IllegalArgumentException if {@code rounds < 10} or the list is empty
   */
  public static Intervals run(
      List<IncitementEvaluation.Scored> scored, double threshold, int rounds) {
    if (rounds < 10 || scored.isEmpty()) {
      throw new IllegalArgumentException(
          "need at least 10 rounds and one post [got " + rounds + ", " + scored.size() + "]");
    }
    Random random = new Random(SEED);
    int n = scored.size();
    double[][] m = new double[4][rounds];
    double[] s = new double[n];
    boolean[] g = new boolean[n];
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < n; i++) {
        IncitementEvaluation.Scored x = scored.get(random.nextInt(n));
        s[i] = x.incitement();
        g[i] = x.post().incitement();
      }
      RankingMetrics metrics = new RankingMetrics(s, g);
      RankingMetrics.AtThreshold a = metrics.at(threshold);
      m[0][r] = a.precision();
      m[1][r] = a.recall();
      m[2][r] = a.f1();
      m[3][r] = metrics.averagePrecision();
    }
    return new Intervals(rounds, interval(m[0]), interval(m[1]), interval(m[2]), interval(m[3]));
  }

  private static double[] interval(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int lo = (int) Math.floor(0.025 * (v.length - 1));
    int hi = (int) Math.ceil(0.975 * (v.length - 1));
    return new double[] {v[lo], v[hi]};
  }
}
