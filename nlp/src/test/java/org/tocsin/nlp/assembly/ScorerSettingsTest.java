package org.tocsin.nlp.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScorerSettingsTest {

  static ScorerSettings.Cascade cascade(List<String> langs, double margin, int threads) {
    return new ScorerSettings.Cascade(
        true, langs, margin, false, true, 0.8, 0.3, threads, List.of("en"));
  }

  @Test
  void badSettingsAreRefusedNamingTheKey() {
    assertThatThrownBy(() -> new ScorerSettings("bert", "", ScorerSettings.Cascade.OFF))
        .hasMessageContaining("nlp.scorer");
    assertThatThrownBy(() -> cascade(List.of("en", "xx"), 0.05, 1))
        .hasMessageContaining("nlp.cascade.languages")
        .hasMessageContaining("xx");
    assertThatThrownBy(() -> cascade(List.of("en", "de"), 1.5, 1))
        .hasMessageContaining("languageMinMargin");
    assertThatThrownBy(() -> cascade(List.of("en", "de"), 0.05, 0))
        .hasMessageContaining("nlp.cascade.threads");
    assertThatThrownBy(
            () ->
                new ScorerSettings.Cascade(
                    true, List.of("en"), 0.05, false, true, 0.8, 0.3, 1, List.of("zz")))
        .hasMessageContaining("deepLanguages");
  }

  @Test
  void theDefaultsAreTheModelWithoutCascade() {
    assertThat(ScorerSettings.DEFAULTS.scorer()).isEqualTo("model");
    assertThat(ScorerSettings.DEFAULTS.modelDir()).isEmpty();
    assertThat(ScorerSettings.DEFAULTS.cascade().enabled()).isFalse();
  }
}
