package org.tocsin.models.hatexplain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Paired significance of the difference between two three-way classifiers scored on the same posts:
 * a paired percentile bootstrap of the differences in accuracy, macro-F1 and macro AUROC
 * (one-vs-rest, as {@link Evaluation} computes them), and McNemar's exact test on per-post
 * correctness.
 *
 * <p>The bootstrap resamples post indices with replacement and scores both models on the same
 * resample, so that what the two get right or wrong together cancels; a seeded {@link Random} makes
 * it repeat exactly. The one-sided value it gives is the share of resamples in which A is not
 * better than B (difference {@code <= 0}): a bootstrap estimate of how often the ordering flips,
 * read like a one-sided p-value.
 */
public final class PairedComparison {
  /** The seed the recorded runs use. */
  public static final long SEED = 20261202L;

  /** The metrics compared, in the order of {@link #bootstrap}'s result. */
  public static final List<String> METRICS = List.of("accuracy", "macroF1", "macroAuroc");

  private PairedComparison() {}

  /**
   * The bootstrap distribution of one metric's difference A − B.
   *
   * @param metric one of {@link #METRICS}
   * @param a A's value on all the posts
   * @param b B's value on all the posts
   * @param low the 2.5th percentile of the resampled differences
   * @param high the 97.5th percentile
   * @param pAtMostZero the share of resamples with a difference {@code <= 0}
   * @param rounds how many resamples
   */
  public record Difference(
      String metric, double a, double b, double low, double high, double pAtMostZero, int rounds) {

    /** A − B on all the posts. */
    public double observed() {
      return a - b;
    }

    /** Whether the 95 % interval lies above zero. */
    public boolean positive() {
      return low > 0;
    }

    /** One line. */
    public String describe() {
      return String.format(
          Locale.ROOT,
          "%s %.4f - %.4f = %+.4f, 95%% CI [%+.4f, %+.4f], P(diff <= 0) = %.4f (%d resamples)",
          metric,
          a,
          b,
          observed(),
          low,
          high,
          pAtMostZero,
          rounds);
    }
  }

  /**
   * McNemar's test on per-post correctness (arg-max against gold).
   *
   * @param aOnly posts A gets right and B wrong
   * @param bOnly posts B gets right and A wrong
   * @param both posts both get right
   * @param neither posts both get wrong
   * @param exactP two-sided exact binomial p-value on the discordant posts (1 when there are none)
   * @param midP two-sided mid-p-value (Fagerland et al. 2013): the exact one minus the probability
   *     of the observed split
   * @param oneSidedExactP exact p-value of "A right more often than B": P(X >= aOnly), X ~
   *     Bin(aOnly + bOnly, 1/2)
   */
  public record McNemar(
      int aOnly,
      int bOnly,
      int both,
      int neither,
      double exactP,
      double midP,
      double oneSidedExactP) {

    /** One line. */
    public String describe() {
      return String.format(
          Locale.ROOT,
          "McNemar: A only right %d, B only right %d (both %d, neither %d): exact p = %.4g,"
              + " mid-p = %.4g (two-sided), one-sided exact p = %.4g",
          aOnly,
          bOnly,
          both,
          neither,
          exactP,
          midP,
          oneSidedExactP);
    }
  }

  /**
   * Bootstraps the differences A − B in accuracy, macro-F1 and macro AUROC.
   *
   * @param a A's probabilities, {@code a[i][k]} for post i and class k
   * @param b B's probabilities on the same posts, in the same order
   * @param gold the gold class of each post
   * @param rounds how many resamples (at least 10)
   * @param seed the seed of the resampling
   * @return one {@link Difference} per entry of {@link #METRICS}, in that order
   * @throws IllegalArgumentException if the arrays do not describe the same posts, or rounds < 10
   * @throws IllegalStateException if a resample lacks a class, so that its AUROC is undefined
   */
  public static List<Difference> bootstrap(
      double[][] a, double[][] b, int[] gold, int rounds, long seed) {
    int classes = check(a, b, gold);
    if (rounds < 10) {
      throw new IllegalArgumentException("need at least 10 resamples [got " + rounds + "]");
    }
    Evaluation ea = Evaluation.of(a, gold);
    Evaluation eb = Evaluation.of(b, gold);
    double[] full = {
      ea.accuracy(), eb.accuracy(), ea.macroF1(), eb.macroF1(), ea.macroAuroc(), eb.macroAuroc()
    };
    for (double v : full) {
      if (Double.isNaN(v)) {
        throw new IllegalArgumentException(
            "every one of the " + classes + " classes needs a gold post and a non-gold post");
      }
    }
    int n = gold.length;
    Random random = new Random(seed);
    double[][] diffs = new double[METRICS.size()][rounds];
    double[][] ra = new double[n][];
    double[][] rb = new double[n][];
    int[] rg = new int[n];
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < n; i++) {
        int j = random.nextInt(n);
        ra[i] = a[j];
        rb[i] = b[j];
        rg[i] = gold[j];
      }
      Evaluation x = Evaluation.of(ra, rg);
      Evaluation y = Evaluation.of(rb, rg);
      if (Double.isNaN(x.macroAuroc()) || Double.isNaN(y.macroAuroc())) {
        throw new IllegalStateException(
            "resample " + r + " lacks a class: too few posts of some class for a bootstrap");
      }
      diffs[0][r] = x.accuracy() - y.accuracy();
      diffs[1][r] = x.macroF1() - y.macroF1();
      diffs[2][r] = x.macroAuroc() - y.macroAuroc();
    }
    List<Difference> out = new ArrayList<>();
    for (int m = 0; m < METRICS.size(); m++) {
      double[] d = diffs[m].clone();
      Arrays.sort(d);
      int atMostZero = 0;
      for (double v : d) {
        atMostZero += v <= 0 ? 1 : 0;
      }
      out.add(
          new Difference(
              METRICS.get(m),
              full[2 * m],
              full[2 * m + 1],
              d[(int) Math.floor(0.025 * (rounds - 1))],
              d[(int) Math.ceil(0.975 * (rounds - 1))],
              (double) atMostZero / rounds,
              rounds));
    }
    return out;
  }

  /**
   * McNemar's exact test of A's and B's per-post correctness.
   *
   * @throws IllegalArgumentException if the arrays do not describe the same posts
   */
  public static McNemar mcnemar(double[][] a, double[][] b, int[] gold) {
    check(a, b, gold);
    boolean[] ra = new boolean[gold.length];
    boolean[] rb = new boolean[gold.length];
    for (int i = 0; i < gold.length; i++) {
      ra[i] = Evaluation.argMax(a[i]) == gold[i];
      rb[i] = Evaluation.argMax(b[i]) == gold[i];
    }
    return mcnemar(ra, rb);
  }

  /**
   * McNemar's exact test of two per-post correctness vectors.
   *
   * @throws IllegalArgumentException if their lengths differ
   */
  public static McNemar mcnemar(boolean[] aRight, boolean[] bRight) {
    if (aRight.length != bRight.length) {
      throw new IllegalArgumentException(
          "A and B must be judged on the same posts [got "
              + aRight.length
              + " and "
              + bRight.length
              + "]");
    }
    int aOnly = 0;
    int bOnly = 0;
    int both = 0;
    int neither = 0;
    for (int i = 0; i < aRight.length; i++) {
      if (aRight[i] && bRight[i]) {
        both++;
      } else if (aRight[i]) {
        aOnly++;
      } else if (bRight[i]) {
        bOnly++;
      } else {
        neither++;
      }
    }
    int n = aOnly + bOnly;
    int k = Math.min(aOnly, bOnly);
    double lower = 0;
    for (int j = 0; j <= k; j++) {
      lower += binomialHalf(n, j);
    }
    double exact = Math.min(1, 2 * lower);
    double mid = Math.min(1, 2 * lower - binomialHalf(n, k));
    double upper = 0;
    for (int j = aOnly; j <= n; j++) {
      upper += binomialHalf(n, j);
    }
    return new McNemar(aOnly, bOnly, both, neither, exact, mid, Math.min(1, upper));
  }

  /** P(X = k) for X ~ Bin(n, 1/2), through log-factorials (exact to ~1e-12 relative). */
  static double binomialHalf(int n, int k) {
    if (k < 0 || k > n) {
      return 0;
    }
    return Math.exp(logFactorial(n) - logFactorial(k) - logFactorial(n - k) - n * Math.log(2));
  }

  private static double logFactorial(int n) {
    double s = 0;
    for (int i = 2; i <= n; i++) {
      s += Math.log(i);
    }
    return s;
  }

  private static int check(double[][] a, double[][] b, int[] gold) {
    if (gold.length == 0) {
      throw new IllegalArgumentException("no posts to compare");
    }
    if (a.length != gold.length || b.length != gold.length) {
      throw new IllegalArgumentException(
          "A, B and gold must cover the same posts [got "
              + a.length
              + ", "
              + b.length
              + " and "
              + gold.length
              + "]");
    }
    int classes = a[0].length;
    for (int i = 0; i < gold.length; i++) {
      if (a[i].length != classes || b[i].length != classes) {
        throw new IllegalArgumentException(
            "post "
                + i
                + ": expected "
                + classes
                + " probabilities from each model [got "
                + a[i].length
                + " and "
                + b[i].length
                + "]");
      }
      if (gold[i] < 0 || gold[i] >= classes) {
        throw new IllegalArgumentException(
            "post " + i + ": gold class outside 0.." + (classes - 1) + " [got " + gold[i] + "]");
      }
    }
    return classes;
  }
}
