package org.tocsin.models.lhsab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.models.SharedData;
import org.tocsin.models.hatexplain.HateXplainData;

class LhsabDataTest {
  static final Path FILE = SharedData.resolve("arabic_lhsab/Dataset/L-HSAB");
  static final Path SPLIT = Path.of("splits", "lhsab-80-10-10.tsv");

  @Test
  void recordsSpanningLinesAndStrayQuotesAreRead() throws IOException {
    String s =
        "Tweet\tClass\n"
            + "نص اول\tnormal\n"
            + "\"سطر اول\n"
            + "سطر ثاني\"\thate\n"
            + "كلمة\" اخرى\tabusive \n";
    List<LhsabData.Record> r = LhsabData.records(s, Path.of("x"));
    assertThat(r).hasSize(3);
    assertThat(r.get(0).text()).isEqualTo("نص اول");
    assertThat(r.get(1).text()).isEqualTo("سطر اول\nسطر ثاني");
    assertThat(r.get(1).label()).isEqualTo("hate");
    assertThat(r.get(2).text()).isEqualTo("كلمة\" اخرى");
    assertThat(r.get(2).label()).isEqualTo("abusive");
  }

  @Test
  void aMissingHeaderOrClassIsAClearError() {
    assertThatThrownBy(() -> LhsabData.records("a\tnormal\n", Path.of("f")))
        .hasMessageContaining("header");
    assertThatThrownBy(() -> LhsabData.records("Tweet\tClass\nno class here\n", Path.of("f")))
        .hasMessageContaining("no class");
  }

  @Test
  void labelsMapToTocsinsThree() {
    assertThat(HateXplainData.LABELS.get(LhsabData.label("hate"))).isEqualTo("hate");
    assertThat(HateXplainData.LABELS.get(LhsabData.label("abusive"))).isEqualTo("offensive");
    assertThat(HateXplainData.LABELS.get(LhsabData.label("normal"))).isEqualTo("normal");
    assertThatThrownBy(() -> LhsabData.label("other")).hasMessageContaining("L-HSAB class");
  }

  @Test
  void theRealFileGivesTheDocumentedCountsAndTheWrittenDownSplit(@TempDir Path tmp)
      throws IOException {
    assumeTrue(Files.exists(FILE), "L-HSAB is not at " + FILE);
    HateXplainData d = LhsabData.read(FILE);
    assertThat(d.posts()).hasSize(5846);
    assertThat(d.split("train")).hasSize(4676);
    assertThat(d.split("val")).hasSize(585);
    assertThat(d.split("test")).hasSize(585);
    Path out = tmp.resolve("split.tsv");
    LhsabData.writeSplit(FILE, out);
    assertThat(Files.readString(out)).isEqualTo(Files.readString(SPLIT));
  }
}
