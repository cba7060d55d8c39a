package org.tocsin.models.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class MultiLabelEvaluationTest {
  @Test
  void microAndMacroF1CountDecisionsByHand() {
    double[][] p = {{0.9, 0.1}, {0.8, 0.7}, {0.2, 0.6}, {0.1, 0.2}};
    boolean[][] gold = {{true, false}, {false, true}, {false, true}, {true, false}};
    MultiLabelEvaluation e = MultiLabelEvaluation.of(p, new double[] {0.5, 0.5}, gold);
    // label 0: tp 1, fp 1, fn 1 -> F1 0.5; label 1: tp 2, fp 0, fn 0 -> F1 1
    assertThat(e.f1()).containsExactly(0.5, 1.0);
    assertThat(e.macroF1()).isCloseTo(0.75, offset(1e-12));
    // pooled: tp 3, fp 1, fn 1 -> 6 / 8
    assertThat(e.microF1()).isCloseTo(0.75, offset(1e-12));
    assertThat(e.support()).containsExactly(2, 2);
  }

  @Test
  void bestThresholdsMaximiseEachLabelsF1() {
    double[][] p = {{0.9}, {0.32}, {0.22}, {0.1}};
    boolean[][] gold = {{true}, {true}, {false}, {false}};
    double[] t = MultiLabelEvaluation.bestThresholds(p, gold);
    assertThat(MultiLabelEvaluation.of(p, t, gold).f1()[0]).isEqualTo(1.0);
    assertThat(t[0]).isGreaterThan(0.22).isLessThanOrEqualTo(0.32);
  }
}
