package org.tocsin.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CascadeConfigTest {
  @TempDir Path dir;

  @Test
  void defaultsAreDocumentedAndOff() {
    TocsinConfig.CascadeConfig c = TocsinConfig.defaults().nlp().cascade();
    assertThat(c.enabled()).isFalse();
    assertThat(c.languages()).hasSize(18).contains("en", "de", "ar", "ru", "tr");
    assertThat(c.languageMinMargin()).isEqualTo(0.05);
    assertThat(c.deepStage()).isTrue();
    assertThat(c.languageLowAccuracy()).isFalse();
    assertThat(c.deepTargetThreshold()).isEqualTo(0.8);
    assertThat(c.deepIncitementThreshold()).isEqualTo(0.3);
    assertThat(c.threads()).isEqualTo(2);
    assertThat(c.deepLanguages()).containsExactly("en");
  }

  @Test
  void deepLanguagesTakeTheDeepStagesLanguagesAndRefuseOthersNamingTheKey() throws IOException {
    Path ok = dir.resolve("de.json");
    Files.writeString(
        ok,
        "{\"nlp\": {\"cascade\": {\"deepLanguages\": [\"en\", \"de\", \"fr\", \"es\", \"ar\"]}}}",
        StandardCharsets.UTF_8);
    assertThat(TocsinConfig.load(ok).nlp().cascade().deepLanguages())
        .containsExactly("en", "de", "fr", "es", "ar");
    Path bad = dir.resolve("bad.json");
    Files.writeString(
        bad,
        "{\"nlp\": {\"cascade\": {\"deepLanguages\": [\"en\", \"ja\"]}}}",
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> TocsinConfig.load(bad))
        .hasMessageContaining("nlp.cascade.deepLanguages")
        .hasMessageContaining("[got ja]");
    Files.writeString(
        bad, "{\"nlp\": {\"cascade\": {\"deepLanguages\": []}}}", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> TocsinConfig.load(bad))
        .hasMessageContaining("nlp.cascade.deepLanguages must name at least one language");
    Files.writeString(
        bad, "{\"nlp\": {\"cascade\": {\"deepLanguages\": \"de\"}}}", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> TocsinConfig.load(bad))
        .hasMessageContaining("nlp.cascade.deepLanguages");
  }

  @Test
  void userValuesOverlayAndBadOnesAreRefused() throws IOException {
    Path ok = dir.resolve("ok.json");
    Files.writeString(
        ok,
        "{\"nlp\": {\"cascade\": {\"enabled\": true, \"deepStage\": false}}}",
        StandardCharsets.UTF_8);
    TocsinConfig.CascadeConfig c = TocsinConfig.load(ok).nlp().cascade();
    assertThat(c.enabled()).isTrue();
    assertThat(c.deepStage()).isFalse();
    Path bad = dir.resolve("bad.json");
    Files.writeString(
        bad, "{\"nlp\": {\"cascade\": {\"deepTargetThreshold\": 2}}}", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> TocsinConfig.load(bad))
        .hasMessageContaining("nlp.cascade.deepTargetThreshold must be in [0, 1]");
    Files.writeString(bad, "{\"nlp\": {\"cascade\": {\"threads\": 0}}}", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> TocsinConfig.load(bad))
        .hasMessageContaining("nlp.cascade.threads must be in [1, 64]");
    Files.writeString(bad, "{\"nlp\": {\"cascade\": {\"threads\": 1.5}}}", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> TocsinConfig.load(bad))
        .hasMessageContaining("nlp.cascade.threads must be a whole number");
    Files.writeString(
        bad, "{\"nlp\": {\"cascade\": {\"enabled\": \"yes\"}}}", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> TocsinConfig.load(bad))
        .hasMessageContaining("nlp.cascade.enabled must be true or false");
  }
}
