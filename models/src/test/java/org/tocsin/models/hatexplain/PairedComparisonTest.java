package org.tocsin.models.hatexplain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The paired statistics on synthetic posts where the answer is known. */
class PairedComparisonTest {
  static final int N = 300;

  /** Gold labels 0, 1, 2 in turn. */
  static int[] gold() {
    int[] g = new int[N];
    for (int i = 0; i < N; i++) {
      g[i] = i % 3;
    }
    return g;
  }

  /**
   * A model right on the posts {@code right} says, with noisy scores drawn per post from the seed
   * (two models of one seed score a post alike when both are right or both wrong on it).
   */
  static double[][] model(int[] gold, boolean[] right, long seed) {
    double[][] p = new double[gold.length][];
    for (int i = 0; i < gold.length; i++) {
      Random r = new Random(seed * 7919 + i);
      int shift = 1 + r.nextInt(2);
      int top = right[i] ? gold[i] : (gold[i] + shift) % 3;
      double[] v = new double[3];
      double rest = 0.4 * r.nextDouble();
      for (int k = 0; k < 3; k++) {
        v[k] = k == top ? 1 - rest : rest / 2;
      }
      p[i] = v;
    }
    return p;
  }

  static boolean[] rightOn(int every, int offset) {
    boolean[] b = new boolean[N];
    for (int i = 0; i < N; i++) {
      b[i] = i % every != offset;
    }
    return b;
  }

  @Test
  void identicalPredictionsGiveZeroIntervalsAndPOne() {
    int[] g = gold();
    double[][] a = model(g, rightOn(3, 0), 1);
    double[][] same = new double[N][];
    for (int i = 0; i < N; i++) {
      same[i] = a[i].clone();
    }
    List<PairedComparison.Difference> d = PairedComparison.bootstrap(a, same, g, 500, 7);
    assertThat(d)
        .extracting(PairedComparison.Difference::metric)
        .containsExactlyElementsOf(PairedComparison.METRICS);
    for (PairedComparison.Difference x : d) {
      assertThat(x.observed()).isZero();
      assertThat(x.low()).isZero();
      assertThat(x.high()).isZero();
      assertThat(x.pAtMostZero()).isEqualTo(1.0);
      assertThat(x.positive()).isFalse();
    }
    PairedComparison.McNemar m = PairedComparison.mcnemar(a, same, g);
    assertThat(m.aOnly()).isZero();
    assertThat(m.bOnly()).isZero();
    assertThat(m.both() + m.neither()).isEqualTo(N);
    assertThat(m.exactP()).isEqualTo(1.0);
    assertThat(m.midP()).isEqualTo(1.0);
    assertThat(m.oneSidedExactP()).isEqualTo(1.0);
  }

  @Test
  void aModelRightOnStrictlyMorePostsHasAPositiveInterval() {
    int[] g = gold();
    // B is wrong on every 4th post and on every 5th; A only on every 5th: A is right on a strict
    // superset of B's posts (60 more), with the same scores where both are right or both wrong.
    boolean[] bRight = new boolean[N];
    boolean[] aRight = new boolean[N];
    for (int i = 0; i < N; i++) {
      aRight[i] = i % 5 != 0;
      bRight[i] = aRight[i] && i % 4 != 0;
    }
    double[][] a = model(g, aRight, 3);
    double[][] b = model(g, bRight, 3);
    List<PairedComparison.Difference> d = PairedComparison.bootstrap(a, b, g, 2000, 11);
    PairedComparison.Difference acc = d.get(0);
    assertThat(acc.observed()).isCloseTo(60.0 / N, offset(1e-12));
    assertThat(acc.low()).isPositive();
    assertThat(acc.low()).isLessThan(acc.observed());
    assertThat(acc.high()).isGreaterThan(acc.observed());
    assertThat(acc.pAtMostZero()).isZero();
    assertThat(acc.positive()).isTrue();
    assertThat(d.get(1).low()).isPositive();
    PairedComparison.McNemar m = PairedComparison.mcnemar(a, b, g);
    assertThat(m.aOnly()).isEqualTo(60);
    assertThat(m.bOnly()).isZero();
    // All 60 discordant posts go A's way: P = 2 * 0.5^60 two-sided, 0.5^60 one-sided.
    assertThat(m.exactP()).isCloseTo(2 * Math.pow(0.5, 60), withinPercentage(1e-6));
    assertThat(m.midP()).isCloseTo(Math.pow(0.5, 60), withinPercentage(1e-6));
    assertThat(m.oneSidedExactP()).isCloseTo(Math.pow(0.5, 60), withinPercentage(1e-6));
    // Swapping the models flips the signs.
    PairedComparison.Difference swapped = PairedComparison.bootstrap(b, a, g, 2000, 11).get(0);
    assertThat(swapped.high()).isNegative();
    assertThat(swapped.pAtMostZero()).isEqualTo(1.0);
    assertThat(swapped.observed()).isEqualTo(-acc.observed());
  }

  @Test
  void evenlySplitDisagreementIsNotSignificant() {
    int[] g = gold();
    // A wrong on posts 0, 6, 12 ...; B on 3, 9, 15 ...: 50 discordant posts each way.
    boolean[] aRight = new boolean[N];
    boolean[] bRight = new boolean[N];
    for (int i = 0; i < N; i++) {
      aRight[i] = i % 6 != 0;
      bRight[i] = i % 6 != 3;
    }
    double[][] a = model(g, aRight, 5);
    double[][] b = model(g, bRight, 6);
    PairedComparison.McNemar m = PairedComparison.mcnemar(a, b, g);
    assertThat(m.aOnly()).isEqualTo(50);
    assertThat(m.bOnly()).isEqualTo(50);
    assertThat(m.exactP()).isEqualTo(1.0);
    assertThat(m.midP()).isCloseTo(1.0, offset(1e-9));
    PairedComparison.Difference acc = PairedComparison.bootstrap(a, b, g, 2000, 13).get(0);
    assertThat(acc.observed()).isZero();
    assertThat(acc.low()).isNegative();
    assertThat(acc.high()).isPositive();
    assertThat(acc.pAtMostZero()).isBetween(0.4, 0.7);
  }

  @Test
  void mcnemarMatchesTheBinomialByHand() {
    // 3 discordant posts for A, 1 for B: n = 4, P(X <= 1) = 5/16.
    boolean[] a = {true, true, true, false, true, false};
    boolean[] b = {false, false, false, true, true, false};
    PairedComparison.McNemar m = PairedComparison.mcnemar(a, b);
    assertThat(m.aOnly()).isEqualTo(3);
    assertThat(m.bOnly()).isEqualTo(1);
    assertThat(m.both()).isEqualTo(1);
    assertThat(m.neither()).isEqualTo(1);
    assertThat(m.exactP()).isCloseTo(10.0 / 16, offset(1e-12));
    assertThat(m.midP()).isCloseTo(10.0 / 16 - 4.0 / 16, offset(1e-12));
    assertThat(m.oneSidedExactP()).isCloseTo(5.0 / 16, offset(1e-12));
    assertThat(PairedComparison.binomialHalf(2000, 1000)).isCloseTo(0.017839, offset(1e-6));
  }

  @Test
  void repeatsWithTheSameSeed() {
    int[] g = gold();
    double[][] a = model(g, rightOn(3, 0), 1);
    double[][] b = model(g, rightOn(4, 1), 2);
    assertThat(PairedComparison.bootstrap(a, b, g, 300, 9))
        .isEqualTo(PairedComparison.bootstrap(a, b, g, 300, 9));
  }

  @Test
  void rejectsMismatchedInput() {
    int[] g = gold();
    double[][] a = model(g, rightOn(3, 0), 1);
    double[][] shorter = java.util.Arrays.copyOf(a, N - 1);
    assertThatThrownBy(() -> PairedComparison.bootstrap(a, shorter, g, 100, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[got 300, 299 and 300]");
    assertThatThrownBy(() -> PairedComparison.bootstrap(a, a, g, 5, 1))
        .hasMessageContaining("[got 5]");
    int[] bad = g.clone();
    bad[7] = 3;
    assertThatThrownBy(() -> PairedComparison.mcnemar(a, a, bad))
        .hasMessageContaining("post 7: gold class outside 0..2 [got 3]");
    assertThatThrownBy(() -> PairedComparison.mcnemar(new boolean[2], new boolean[3]))
        .hasMessageContaining("[got 2 and 3]");
    int[] oneClass = new int[N];
    assertThatThrownBy(() -> PairedComparison.bootstrap(a, a, oneClass, 100, 1))
        .hasMessageContaining("needs a gold post and a non-gold post");
  }
}
