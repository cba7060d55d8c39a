package org.tocsin.models.incitement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BootstrapTest {
  private static List<IncitementEvaluation.Scored> scored() {
    List<IncitementEvaluation.Scored> out = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      boolean pos = i % 5 == 0;
      double score = pos ? (i % 3 == 0 ? 0.1 : 0.8) : (i % 7 == 0 ? 0.6 : 0.0);
      out.add(
          new IncitementEvaluation.Scored(
              new IncitementSet.Post(
                  "p" + i, "s", "" + i, "t", pos ? "incitement" : "none", List.of(), null, "test"),
              score));
    }
    return out;
  }

  @Test
  void intervalsContainThePointEstimateAndRepeat() {
    List<IncitementEvaluation.Scored> s = scored();
    RankingMetrics.AtThreshold point = IncitementEvaluation.metrics(s).at(0.5);
    Bootstrap.Intervals a = Bootstrap.run(s, 0.5, 300);
    Bootstrap.Intervals b = Bootstrap.run(s, 0.5, 300);
    assertThat(a.f1()).containsExactly(b.f1());
    assertThat(a.f1()[0]).isLessThanOrEqualTo(point.f1());
    assertThat(a.f1()[1]).isGreaterThanOrEqualTo(point.f1());
    assertThat(a.recall()[0]).isLessThan(a.recall()[1]);
    assertThat(a.describe()).startsWith("95% bootstrap intervals (300 resamples of test)");
  }

  @Test
  void rejectsTooFewRounds() {
    assertThatThrownBy(() -> Bootstrap.run(scored(), 0.5, 5)).hasMessageContaining("[got 5, 200]");
  }
}
