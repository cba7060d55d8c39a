package org.tocsin.models.incitement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankingMetricsTest {
  // Scores 0.9 (pos), 0.8 (neg), 0.7 (pos), 0.7 (neg), 0.2 (pos), 0 (neg).
  private final RankingMetrics m =
      new RankingMetrics(
          new double[] {0.9, 0.8, 0.7, 0.7, 0.2, 0},
          new boolean[] {true, false, true, false, true, false});

  @Test
  void precisionRecallAndF1AtAThreshold() {
    RankingMetrics.AtThreshold a = m.at(0.7);
    assertThat(a.truePositives()).isEqualTo(2);
    assertThat(a.falsePositives()).isEqualTo(2);
    assertThat(a.falseNegatives()).isEqualTo(1);
    assertThat(a.precision()).isEqualTo(0.5);
    assertThat(a.recall()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(a.f1()).isCloseTo(4.0 / 7, within(1e-12));
  }

  @Test
  void rocAucCountsPairsWithTiesAsHalf() {
    // Positive-negative pairs won: 0.9 beats all 3; 0.7 beats 0 and ties 0.7; 0.2 beats 0.
    assertThat(m.rocAuc()).isCloseTo(5.5 / 9, within(1e-12));
    assertThat(new RankingMetrics(new double[] {1, 0}, new boolean[] {true, false}).rocAuc())
        .isEqualTo(1.0);
    assertThat(new RankingMetrics(new double[] {1, 0}, new boolean[] {true, true}).rocAuc())
        .isNaN();
  }

  @Test
  void bestF1TakesTheHigherThresholdOnTies() {
    // F1 at 0.9: 0.5; at 0.8: 0.4; at 0.7: 4/7; at 0.2: 2*0.6*1/1.6 = 0.75.
    assertThat(m.bestF1().threshold()).isEqualTo(0.2);
    // 0.9 gives TP 1, FP 0, FN 1 (F1 2/3); 0.4 gives TP 2, FP 2 (F1 2/3): the tie goes to 0.9.
    RankingMetrics tie =
        new RankingMetrics(
            new double[] {0.9, 0.6, 0.5, 0.4}, new boolean[] {true, false, false, true});
    assertThat(tie.at(0.4).f1()).isCloseTo(tie.at(0.9).f1(), within(1e-12));
    assertThat(tie.bestF1().threshold()).isEqualTo(0.9);
    RankingMetrics zeros = new RankingMetrics(new double[] {0, 0}, new boolean[] {true, false});
    assertThat(zeros.bestF1().truePositives()).isZero();
  }

  @Test
  void averagePrecisionTakesTiesTogether() {
    // Thresholds 0.9: R 1/3 P 1; 0.8: R 1/3; 0.7: R 2/3 P 1/2; 0.2: R 1 P 3/5; 0: R 1.
    double expected = 1.0 / 3 * 1 + 1.0 / 3 * 0.5 + 1.0 / 3 * 0.6;
    assertThat(m.averagePrecision()).isCloseTo(expected, within(1e-12));
    RankingMetrics perfect =
        new RankingMetrics(new double[] {0.9, 0.1}, new boolean[] {true, false});
    assertThat(perfect.averagePrecision()).isEqualTo(1.0);
  }

  @Test
  void rejectsMismatchedOrNaNInput() {
    assertThatThrownBy(() -> new RankingMetrics(new double[] {1}, new boolean[] {true, false}))
        .hasMessageContaining("[got 1 scores, 2 labels]");
    assertThatThrownBy(() -> new RankingMetrics(new double[] {Double.NaN}, new boolean[] {true}))
        .hasMessageContaining("NaN");
  }
}
