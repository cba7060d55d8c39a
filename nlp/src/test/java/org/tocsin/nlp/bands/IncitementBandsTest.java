package org.tocsin.nlp.bands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IncitementBandsTest {

  static IncitementBands table(double elevated, double high) {
    IncitementBands.Measured m =
        new IncitementBands.Measured(
            0.6, new double[] {0.4, 0.8}, 0.3, new double[] {0.2, 0.5}, 6, 4, 14);
    return new IncitementBands(
        IncitementBands.FORMAT,
        "test-scorer v1",
        "2026-12-07",
        "hand-made",
        "by hand",
        List.of(
            new IncitementBands.Band("low", 0, null, null, null),
            new IncitementBands.Band("elevated", elevated, 0.5, m, m),
            new IncitementBands.Band("high", high, 0.8, m, m)));
  }

  @Test
  void theShippedTableLoadsWithThreeIncreasingBands() {
    IncitementBands b = IncitementBands.loadDefault();
    assertThat(b.names()).containsExactly("low", "elevated", "high");
    assertThat(b.alertable()).containsExactly("elevated", "high");
    assertThat(b.threshold("low")).isZero();
    assertThat(b.threshold("elevated")).isGreaterThan(0).isLessThanOrEqualTo(b.threshold("high"));
    assertThat(b.scorer()).isNotBlank();
    assertThat(b.calibratedOn()).matches("\\d{4}-\\d{2}-\\d{2}");
    IncitementBands.Band high = b.band("high");
    assertThat(high.test().precisionInterval()).hasSize(2);
    assertThat(high.test().precision())
        .isBetween(high.test().precisionInterval()[0], high.test().precisionInterval()[1]);
    assertThat(high.dev().precision()).isGreaterThanOrEqualTo(high.devPrecisionTarget());
  }

  @Test
  void anUnknownBandIsAClearError() {
    IncitementBands b = table(0.1, 0.3);
    assertThatThrownBy(() -> b.band("severe"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown incitement band")
        .hasMessageContaining("severe")
        .hasMessageContaining("low, elevated, high");
    assertThatThrownBy(() -> b.threshold(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aScoreFallsInTheLastBandItReaches() {
    IncitementBands b = table(0.1, 0.3);
    assertThat(b.bandOf(0).name()).isEqualTo("low");
    assertThat(b.bandOf(0.0999).name()).isEqualTo("low");
    assertThat(b.bandOf(0.1).name()).isEqualTo("elevated");
    assertThat(b.bandOf(0.3).name()).isEqualTo("high");
    assertThat(b.bandOf(1).name()).isEqualTo("high");
    assertThat(b.bandOf(Double.NaN).name()).isEqualTo("low");
  }

  @Test
  void theJsonRoundTrips() {
    IncitementBands b = table(0.1, 0.3);
    IncitementBands back = IncitementBands.parse(b.toJson(), "test");
    assertThat(back.names()).isEqualTo(b.names());
    assertThat(back.threshold("high")).isEqualTo(0.3);
    assertThat(back.band("high").test().recallInterval()).containsExactly(0.2, 0.5);
    assertThat(back.toNode().at("/bands/1/name").asText()).isEqualTo("elevated");
  }

  @Test
  void badTablesAreRefused() {
    assertThatThrownBy(() -> table(0.4, 0.3)).hasMessageContaining("must not decrease");
    assertThatThrownBy(() -> table(0.1, 1.5)).hasMessageContaining("[0, 1]");
    assertThatThrownBy(() -> IncitementBands.parse("{\"format\":\"other\"}", "x.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x.json");
    assertThatThrownBy(() -> IncitementBands.parse("not json", "y.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("y.json");
    String noLow = table(0.1, 0.3).toJson().replace("\"threshold\" : 0.0", "\"threshold\" : 0.05");
    assertThatThrownBy(() -> IncitementBands.parse(noLow, "z.json"))
        .hasMessageContaining("threshold 0");
  }
}
