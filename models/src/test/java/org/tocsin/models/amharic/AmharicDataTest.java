package org.tocsin.models.amharic;

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

class AmharicDataTest {
  static final Path DIR = SharedData.resolve("amharic_uhh/Data/RANLP2023");

  @Test
  void readsLabelsAndGeezText(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("train.csv"), "__label__offensive\tደደብ ነህ\n__label__normal\tሰላም\n");
    Files.writeString(dir.resolve("dev.csv"), "__label__hate\tሀ ለ\n");
    Files.writeString(dir.resolve("test.csv"), "__label__normal\tጥሩ ነው።\n");
    HateXplainData d = AmharicData.read(dir);
    assertThat(d.split("train")).hasSize(2);
    assertThat(d.split("train").get(0).label()).isEqualTo(1);
    assertThat(d.split("train").get(0).tokens()).containsExactly("ደደብ", "ነህ");
    assertThat(d.split("val").get(0).label()).isEqualTo(0);
    // the Ethiopic full stop separates words like any punctuation
    assertThat(d.split("test").get(0).tokens()).containsExactly("ጥሩ", "ነው");
  }

  @Test
  void anUnknownLabelNamesFileAndLine(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("train.csv"), "__label__normal\tሰላም\n__label__angry\tሰላም\n");
    Files.writeString(dir.resolve("dev.csv"), "");
    Files.writeString(dir.resolve("test.csv"), "");
    assertThatThrownBy(() -> AmharicData.read(dir)).hasMessageContaining("train.csv, line 2");
  }

  @Test
  void theRealFilesGiveTheOfficialSplit() throws IOException {
    assumeTrue(Files.exists(DIR), "the Amharic corpus is not at " + DIR);
    HateXplainData d = AmharicData.read(DIR);
    assertThat(d.split("train")).hasSize(12000);
    assertThat(d.split("val")).hasSize(1500);
    assertThat(d.split("test")).hasSize(1501);
  }
}
