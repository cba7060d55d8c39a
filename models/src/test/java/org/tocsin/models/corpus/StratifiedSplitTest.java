package org.tocsin.models.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StratifiedSplitTest {
  static int[] labels() {
    int[] y = new int[1000];
    for (int i = 0; i < y.length; i++) {
      y[i] = i < 600 ? 2 : i < 900 ? 1 : 0;
    }
    return y;
  }

  static long count(String[] s, int[] y, int label, String split) {
    long n = 0;
    for (int i = 0; i < s.length; i++) {
      n += y[i] == label && s[i].equals(split) ? 1 : 0;
    }
    return n;
  }

  @Test
  void eachLabelIsSplitInTheGivenShares() {
    int[] y = labels();
    String[] s = StratifiedSplit.assign(y, 0.1, 0.1, 7);
    assertThat(count(s, y, 2, "val")).isEqualTo(60);
    assertThat(count(s, y, 2, "test")).isEqualTo(60);
    assertThat(count(s, y, 1, "val")).isEqualTo(30);
    assertThat(count(s, y, 0, "test")).isEqualTo(10);
    assertThat(count(s, y, 0, "train")).isEqualTo(80);
  }

  @Test
  void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
    int[] y = labels();
    String[] a = StratifiedSplit.assign(y, 0.1, 0.1, 7);
    String[] b = StratifiedSplit.assign(y, 0.1, 0.1, 7);
    String[] c = StratifiedSplit.assign(y, 0.1, 0.1, 8);
    assertThat(a).isEqualTo(b);
    assertThat(StratifiedSplit.sha256(a)).isEqualTo(StratifiedSplit.sha256(b));
    assertThat(Arrays.equals(a, c)).isFalse();
    assertThat(StratifiedSplit.sha256(a)).isNotEqualTo(StratifiedSplit.sha256(c));
  }

  @Test
  void badFractionsAndLabelsAreRejected() {
    assertThatThrownBy(() -> StratifiedSplit.assign(new int[] {0}, 0.6, 0.5, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sum below 1");
    assertThatThrownBy(() -> StratifiedSplit.assign(new int[] {-1}, 0.1, 0.1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("labels must be >= 0");
  }
}
