package org.tocsin.campaigns.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchScoreTest {

  @Test
  void ariIsOneForIdenticalPartitionsAndZeroForNoDetection() {
    Map<String, String> truth = Map.of("a", "1", "b", "1", "c", "2", "d", "2");
    assertThat(
            BenchScore.ari(
                truth.keySet(), truth, Map.of("a", "x", "b", "x", "c", "y", "d", "y"), 10))
        .isEqualTo(1.0);
    assertThat(BenchScore.ari(truth.keySet(), truth, Map.of(), 10)).isEqualTo(0.0);
  }

  @Test
  void ariMatchesAHandComputedValue() {
    // 6 items: truth {a,b,c}{d,e}{f}; predicted {a,b}{c,d,e}{f}.
    // index = C(2,2)+C(2,2) = 2; rows: 3+1 = 4; cols: 1+3 = 4; expected = 16/15; max = 4.
    Map<String, String> truth = Map.of("a", "1", "b", "1", "c", "1", "d", "2", "e", "2");
    Map<String, String> pred = Map.of("a", "x", "b", "x", "c", "y", "d", "y", "e", "y");
    double expected = (2 - 16.0 / 15) / (4 - 16.0 / 15);
    assertThat(BenchScore.ari(Set.of("a", "b", "c", "d", "e"), truth, pred, 6))
        .isCloseTo(expected, within(1e-12));
  }
}
