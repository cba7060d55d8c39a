package org.tocsin.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.node.TocsinNode;

class EncoderConfigTest {
  @TempDir Path dir;

  @Test
  void theEncoderStageIsOffByDefaultAndReachesTheScorerSettings() throws IOException {
    assertThat(TocsinConfig.defaults().nlp().encoder()).isFalse();
    assertThat(TocsinNode.settings(TocsinConfig.defaults().nlp()).encoder()).isFalse();
    Path on = dir.resolve("on.json");
    Files.writeString(on, "{\"nlp\": {\"encoder\": {\"enabled\": true}}}", StandardCharsets.UTF_8);
    TocsinConfig c = TocsinConfig.load(on);
    assertThat(c.nlp().encoder()).isTrue();
    assertThat(TocsinNode.settings(c.nlp()).encoder()).isTrue();
  }

  @Test
  void aNonBooleanOrAnUnknownKeyIsRefusedNamingTheKey() throws IOException {
    Path bad = dir.resolve("bad.json");
    Files.writeString(
        bad, "{\"nlp\": {\"encoder\": {\"enabled\": \"yes\"}}}", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> TocsinConfig.load(bad)).hasMessageContaining("nlp.encoder.enabled");
    Path unknown = dir.resolve("unknown.json");
    Files.writeString(
        unknown, "{\"nlp\": {\"encoder\": {\"threshold\": 0.5}}}", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> TocsinConfig.load(unknown)).hasMessageContaining("threshold");
  }
}
