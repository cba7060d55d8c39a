package org.tocsin.models.germeval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.models.SharedData;
import org.tocsin.models.hatexplain.HateXplainData;

class GermEvalDataTest {
  static final Path DIR = SharedData.resolve("germeval2018");

  @Test
  void fineLabelsMapToTocsinsThree() {
    assertThat(HateXplainData.LABELS.get(GermEvalData.label("ABUSE"))).isEqualTo("hate");
    assertThat(HateXplainData.LABELS.get(GermEvalData.label("INSULT"))).isEqualTo("offensive");
    assertThat(HateXplainData.LABELS.get(GermEvalData.label("PROFANITY"))).isEqualTo("offensive");
    assertThat(HateXplainData.LABELS.get(GermEvalData.label("OTHER"))).isEqualTo("normal");
  }

  @Test
  void aMalformedLineNamesFileAndLine(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("germeval2018.training.txt"), "gut\tOTHER\tOTHER\nschlecht\tOFFENSE\tOTHER\n");
    Files.writeString(dir.resolve("germeval2018.test.txt"), "");
    assertThatThrownBy(() -> GermEvalData.read(dir))
        .hasMessageContaining("germeval2018.training.txt, line 2");
  }

  @Test
  void theRealFilesGiveTheOfficialTestAndAHeldOutTenthOfTrain() throws IOException {
    assumeTrue(Files.exists(DIR), "GermEval 2018 is not at " + DIR);
    HateXplainData d = GermEvalData.read(DIR);
    assertThat(d.split("test")).hasSize(3532);
    assertThat(d.split("train").size() + d.split("val").size()).isEqualTo(5009);
    assertThat(d.split("val")).hasSize(501);
  }
}
