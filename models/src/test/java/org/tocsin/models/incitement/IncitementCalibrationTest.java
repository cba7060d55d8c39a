package org.tocsin.models.incitement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tocsin.nlp.bands.IncitementBands;

/** The calibration on a tiny hand-made set whose dev and test halves disagree. */
class IncitementCalibrationTest {
  private static final LocalDate DAY = LocalDate.of(2026, 12, 7);

  private static List<IncitementEvaluation.Scored> scored(String split, Object... scoreAndGold) {
    List<IncitementEvaluation.Scored> out = new ArrayList<>();
    for (int i = 0; i < scoreAndGold.length; i += 2) {
      boolean positive = (Boolean) scoreAndGold[i + 1];
      IncitementSet.Post p =
          new IncitementSet.Post(
              split + "-" + i,
              "hand",
              "h" + i,
              "text " + i,
              positive ? "incitement" : "none",
              List.of(),
              null,
              split);
      out.add(new IncitementEvaluation.Scored(p, (Double) scoreAndGold[i]));
    }
    return out;
  }

  // Dev, lowest score first: precision of score >= t is 4/9 at 0.1, 4/8 = 0.5 at 0.2, ... 3/4 at
  // 0.6, 2/3 at 0.7 and 2/2 at 0.8: elevated (0.5) starts at 0.2, high (0.8) at 0.8.
  private static final List<IncitementEvaluation.Scored> DEV =
      scored(
          "dev", 0.9, true, 0.8, true, 0.7, false, 0.6, true, 0.5, false, 0.4, true, 0.3, false,
          0.2, false, 0.1, false);

  // Test puts its positives low and its negatives high: its own best thresholds would be 0.15.
  private static final List<IncitementEvaluation.Scored> TEST =
      scored("test", 0.95, false, 0.85, false, 0.25, true, 0.15, true, 0.05, false);

  private static IncitementEvaluation.Report report(
      List<IncitementEvaluation.Scored> dev, List<IncitementEvaluation.Scored> test) {
    RankingMetrics d = IncitementEvaluation.metrics(dev);
    RankingMetrics t = IncitementEvaluation.metrics(test);
    return new IncitementEvaluation.Report(
        "hand-scorer v1",
        dev,
        test,
        d.bestF1(),
        t.at(d.bestF1().threshold()),
        d.averagePrecision(),
        t.averagePrecision());
  }

  @Test
  void thresholdsComeFromDevAndTestIsOnlyMeasured() {
    IncitementBands b =
        IncitementCalibration.calibrate(
            report(DEV, TEST), "hand-made", DAY, new IncitementCalibration.Targets(0.5, 0.8, 2));
    assertThat(b.names()).containsExactly("low", "elevated", "high");
    assertThat(b.threshold("elevated")).isEqualTo(0.2);
    assertThat(b.threshold("high")).isEqualTo(0.8);
    assertThat(b.band("elevated").dev().precision()).isEqualTo(0.5);
    assertThat(b.band("high").dev().precision()).isEqualTo(1.0);
    // On test, "high" (>= 0.8) flags the two negatives only; "elevated" (>= 0.2) one positive.
    IncitementBands.Measured high = b.band("high").test();
    assertThat(high.precision()).isZero();
    assertThat(high.truePositives()).isZero();
    assertThat(high.falsePositives()).isEqualTo(2);
    assertThat(high.falseNegatives()).isEqualTo(2);
    IncitementBands.Measured elevated = b.band("elevated").test();
    assertThat(elevated.truePositives()).isEqualTo(1);
    assertThat(elevated.falsePositives()).isEqualTo(2);
    assertThat(elevated.recall()).isEqualTo(0.5);
    assertThat(elevated.precisionInterval()[0])
        .isLessThanOrEqualTo(elevated.precisionInterval()[1]);
    assertThat(b.scorer()).isEqualTo("hand-scorer v1");
    assertThat(b.calibratedOn()).isEqualTo("2026-12-07");
  }

  @Test
  void changingTestDoesNotMoveTheThresholds() {
    IncitementCalibration.Targets targets = new IncitementCalibration.Targets(0.5, 0.8, 2);
    IncitementBands a = IncitementCalibration.calibrate(report(DEV, TEST), "a", DAY, targets);
    IncitementBands b =
        IncitementCalibration.calibrate(
            report(DEV, scored("test", 0.9, true, 0.2, false)), "b", DAY, targets);
    assertThat(b.threshold("elevated")).isEqualTo(a.threshold("elevated"));
    assertThat(b.threshold("high")).isEqualTo(a.threshold("high"));
    assertThat(b.band("high").test().precision()).isEqualTo(1.0);
  }

  @Test
  void aBandNeedsEnoughDevPositives() {
    // With at least 3 positives, no threshold reaches 0.8: the best is 3/4 at 0.6.
    assertThatThrownBy(
            () ->
                IncitementCalibration.calibrate(
                    report(DEV, TEST), "x", DAY, new IncitementCalibration.Targets(0.5, 0.8, 3)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("band high")
        .hasMessageContaining("0.750");
  }

  @Test
  void theTableRoundTripsThroughItsJson() {
    IncitementBands b =
        IncitementCalibration.calibrate(
            report(DEV, TEST), "hand-made", DAY, IncitementCalibration.Targets.DEFAULT.withMin(2));
    IncitementBands back = IncitementBands.parse(b.toJson(), "test");
    assertThat(back.threshold("high")).isEqualTo(b.threshold("high"));
    assertThat(IncitementCalibration.describe(back)).contains("high").contains("test precision");
  }

  @Test
  void badTargetsAreRefused() {
    assertThatThrownBy(() -> new IncitementCalibration.Targets(0.9, 0.8, 5))
        .hasMessageContaining("elevated <= high");
    assertThatThrownBy(() -> new IncitementCalibration.Targets(0.5, 0.8, 0))
        .hasMessageContaining("minTruePositives");
  }
}
