package org.tocsin.models.hatexplain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The meta-model fits what its features determine, and its penalty shrinks it to the prior. */
class StackedLogitTest {

  /** Rows whose first feature is the class (plus noise) and whose second is noise. */
  private static double[][][] data(int n, long seed) {
    Random r = new Random(seed);
    double[][] x = new double[n][];
    double[][] t = new double[n][3];
    for (int i = 0; i < n; i++) {
      int c = i % 3;
      x[i] = new double[] {c * 10 + r.nextGaussian(), r.nextGaussian()};
      t[i][c] = 1;
    }
    return new double[][][] {x, t};
  }

  @Test
  void learnsAClassThatItsFeatureDetermines() {
    double[][][] d = data(300, 1);
    StackedLogit m = StackedLogit.fit(d[0], d[1], 0, 0.1, 30, 42);
    int right = 0;
    for (int i = 0; i < 300; i++) {
      double[] p = m.predict(d[0][i]);
      assertThat(p[0] + p[1] + p[2]).isCloseTo(1, offset(1e-9));
      right += Evaluation.argMax(p) == i % 3 ? 1 : 0;
    }
    assertThat(right).isGreaterThanOrEqualTo(297);
  }

  @Test
  void aStrongPenaltyGivesNearlyThePrior() {
    double[][][] d = data(300, 2);
    StackedLogit loose = StackedLogit.fit(d[0], d[1], 0, 0.1, 30, 42);
    StackedLogit tight = StackedLogit.fit(d[0], d[1], 10, 0.1, 30, 42);
    double[] pl = loose.predict(d[0][0]);
    double[] pt = tight.predict(d[0][0]);
    assertThat(pl[0]).isGreaterThan(0.9);
    assertThat(pt[0]).isLessThan(pl[0]).isCloseTo(1.0 / 3, offset(0.15));
  }

  @Test
  void foldsAreStratified() {
    int[] gold = new int[1000];
    for (int i = 0; i < gold.length; i++) {
      gold[i] = i < 500 ? 0 : i < 800 ? 1 : 2;
    }
    int[] fold = StackHateClassifiers.folds(gold, 5, 7);
    int[][] counts = new int[5][3];
    for (int i = 0; i < gold.length; i++) {
      counts[fold[i]][gold[i]]++;
    }
    for (int[] c : counts) {
      assertThat(c).containsExactly(100, 60, 40);
    }
  }
}
