package org.tocsin.models.functional;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ObfuscatorTest {
  private static final String TEXT = "We must exterminate the vermin tonight.";
  private static final List<String> TARGETS = List.of("exterminate", "vermin");

  @Test
  void everyTransformChangesOneTargetWordAndStaysRecoverable() {
    for (Obfuscation o : Obfuscation.values()) {
      for (long seed = 0; seed < 20; seed++) {
        String out = Obfuscator.apply(o, TEXT, TARGETS, seed);
        assertThat(out).as(o + " " + seed).isNotNull().isNotEqualTo(TEXT);
        assertThat(out).as(o + " " + seed).startsWith("We must ").endsWith("tonight.");
        assertThat(osa(Obfuscator.normalise(out), Obfuscator.normalise(TEXT)))
            .as(o + " " + seed + ": " + out)
            .isLessThanOrEqualTo(1);
      }
    }
  }

  @Test
  void transformsDoWhatTheirNamesSay() {
    String leet = Obfuscator.apply(Obfuscation.LEET, "kill them", List.of("kill"), 1);
    assertThat(leet).isEqualTo("k1ll them");
    String spaced = Obfuscator.apply(Obfuscation.SPACE_ADD, "kill them", List.of("kill"), 1);
    assertThat(spaced).isEqualTo("k i l l them");
    String joined = Obfuscator.apply(Obfuscation.SPACE_REMOVE, "kill them", List.of("kill"), 1);
    assertThat(joined).isEqualTo("killthem");
    String glyph = Obfuscator.apply(Obfuscation.HOMOGLYPH, "vermin", List.of("vermin"), 1);
    assertThat(glyph).isEqualTo("v\u0435rm\u0456n");
    assertThat(Obfuscator.apply(Obfuscation.DELETE, "vermin", List.of("vermin"), 1)).hasSize(5);
    String swapped = Obfuscator.apply(Obfuscation.SWAP, "vermin", List.of("vermin"), 1);
    assertThat(swapped).hasSize(6).isNotEqualTo("vermin");
    assertThat(swapped.chars().sorted().toArray()).isEqualTo("vermin".chars().sorted().toArray());
  }

  @Test
  void arabicGetsTatweelAndPersianLookAlikes() {
    String text = "يجب قتل الكلاب";
    String stretched = Obfuscator.apply(Obfuscation.LEET, text, List.of("الكلاب"), 3);
    assertThat(stretched).contains("\u0640").isNotEqualTo(text);
    assertThat(Obfuscator.normalise(stretched)).isEqualTo(Obfuscator.normalise(text));
    String glyph = Obfuscator.apply(Obfuscation.HOMOGLYPH, text, List.of("الكلاب"), 3);
    assertThat(glyph).contains("\u06a9");
    assertThat(Obfuscator.normalise(glyph)).isEqualTo(Obfuscator.normalise(text));
  }

  @Test
  void isDeterministicForASeed() {
    for (Obfuscation o : Obfuscation.values()) {
      assertThat(Obfuscator.apply(o, TEXT, TARGETS, 42))
          .isEqualTo(Obfuscator.apply(o, TEXT, TARGETS, 42));
    }
  }

  @Test
  void aTextWithNothingToChangeGivesNull() {
    assertThat(Obfuscator.apply(Obfuscation.LEET, "hmm", List.of("hmm"), 1)).isNull();
    assertThat(Obfuscator.apply(Obfuscation.SPACE_REMOVE, "alone", List.of("alone"), 1)).isNull();
  }

  /** Optimal string alignment distance: Levenshtein with adjacent swaps counting one edit. */
  static int osa(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
