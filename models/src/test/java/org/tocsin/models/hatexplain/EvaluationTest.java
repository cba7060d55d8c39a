package org.tocsin.models.hatexplain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class EvaluationTest {
  @Test
  void countsAndAverages() {
    double[][] p = {
      {0.8, 0.1, 0.1}, // gold 0, right
      {0.2, 0.7, 0.1}, // gold 1, right
      {0.6, 0.3, 0.1}, // gold 1, predicted 0
      {0.1, 0.2, 0.7}, // gold 2, right
    };
    int[] gold = {0, 1, 1, 2};
    Evaluation e = Evaluation.of(p, gold);
    assertThat(e.accuracy()).isEqualTo(0.75);
    assertThat(e.confusion()[1][0]).isEqualTo(1);
    assertThat(e.precision()[0]).isEqualTo(0.5);
    assertThat(e.recall()[1]).isEqualTo(0.5);
    // F1: class 0 = 2/3, class 1 = 2/3, class 2 = 1
    assertThat(e.macroF1()).isCloseTo((2 / 3.0 + 2 / 3.0 + 1) / 3, offset(1e-12));
  }

  @Test
  void aurocIsTheMannWhitneyStatisticWithHalfTies() {
    double[][] p = {{0.9, 0, 0.1}, {0.5, 0, 0.5}, {0.5, 0, 0.5}, {0.1, 0, 0.9}};
    int[] gold = {0, 0, 2, 2};
    // class 0 scores: positives 0.9, 0.5; negatives 0.5, 0.1 -> pairs: 1, 1, 0.5, 1 -> 3.5 / 4
    assertThat(Evaluation.auroc(p, gold, 0)).isEqualTo(0.875);
    assertThat(Evaluation.auroc(p, gold, 1)).isNaN();
  }
}
