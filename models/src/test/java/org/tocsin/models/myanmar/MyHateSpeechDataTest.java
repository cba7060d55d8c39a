package org.tocsin.models.myanmar;

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

class MyHateSpeechDataTest {
  static final Path DIR = SharedData.resolve("myanmar_myhatespeech/corpus/version1.0");
  static final Path SPLIT = Path.of("splits", "myhatespeech-80-10-10.tsv");

  @Test
  void inlineTagsAreRemovedAndMessyClassesRead() throws IOException {
    String s =
        "ဖော်လော်မော်/ab မ ဟုတ် လို့ ပေါ့ 🤣\tab\n"
            + "ဘောမ/ab|po ရ တဲ့ spp/ab😁 zeee/ab. 12/3\tpo \n"
            + "နား ကို မ လည် တာ\tno\u200c\n"
            + "ဝိုင်းy-te/ab မှ\t/ab\n"
            + "cut short without a class\n"
            + "an empty class\t\n"
            + "\n";
    List<MyHateSpeechData.Record> r = MyHateSpeechData.records(s, Path.of("x"));
    assertThat(r).extracting(MyHateSpeechData.Record::cls).containsExactly("ab", "po", "no", "ab");
    assertThat(r.get(0).text()).isEqualTo("ဖော်လော်မော် မ ဟုတ် လို့ ပေါ့ 🤣");
    assertThat(r.get(1).text()).isEqualTo("ဘောမ ရ တဲ့ spp😁 zeee. 12/3");
    assertThat(r.get(3).text()).isEqualTo("ဝိုင်းy-te မှ");
    assertThat(r.get(3).line()).isEqualTo(4);
    assertThat(r).allMatch(x -> !x.text().contains("/ab"));
  }

  @Test
  void anUnknownClassIsAClearError() {
    assertThatThrownBy(() -> MyHateSpeechData.records("text\tzz\n", Path.of("f")))
        .hasMessageContaining("f, line 1")
        .hasMessageContaining("zz");
    assertThatThrownBy(() -> MyHateSpeechData.records("   \tab\n", Path.of("f")))
        .hasMessageContaining("empty sentence");
  }

  @Test
  void labelsMapToTocsinsThree() {
    for (String c : List.of("re", "ra", "se", "le")) {
      assertThat(HateXplainData.LABELS.get(MyHateSpeechData.label(c))).isEqualTo("hate");
    }
    for (String c : List.of("ab", "bo", "po", "ed")) {
      assertThat(HateXplainData.LABELS.get(MyHateSpeechData.label(c))).isEqualTo("offensive");
    }
    assertThat(HateXplainData.LABELS.get(MyHateSpeechData.label("no"))).isEqualTo("normal");
    assertThatThrownBy(() -> MyHateSpeechData.label("xx")).hasMessageContaining("myHateSpeech");
  }

  @Test
  void unspacedRemovesOnlyTheSpacesBetweenBurmeseCharacters() {
    assertThat(MyHateSpeechData.unspaced("ငါ လည်း သိ ချင် 😁 Bang နဲ့ ကောင်မ"))
        .isEqualTo("ငါလည်းသိချင် 😁 Bang နဲ့ကောင်မ");
    assertThat(MyHateSpeechData.unspaced("no Burmese here")).isEqualTo("no Burmese here");
  }

  @Test
  void theRealFileGivesTheDocumentedCountsAndTheWrittenDownSplit(@TempDir Path tmp)
      throws IOException {
    assumeTrue(Files.exists(DIR), "myHateSpeech is not at " + DIR);
    HateXplainData d = MyHateSpeechData.read(DIR);
    assertThat(d.posts()).hasSize(10137);
    assertThat(MyHateSpeechData.skipped(DIR)).isEqualTo(3);
    assertThat(d.split("train")).hasSize(8111);
    assertThat(d.split("val")).hasSize(1013);
    assertThat(d.split("test")).hasSize(1013);
    assertThat(d.split("test").stream().filter(p -> p.label() == 0).count()).isEqualTo(83);
    assertThat(d.posts()).noneMatch(p -> p.text().matches(".*\\S/(ab|po|bo|le|se|ed|ra|re)\\b.*"));
    assertThat(d.sha256())
        .isEqualTo("2cb1c561f015997249d9d488f9cea0c478ad6259cc0bd708158fad56b0c7317c");
    Path out = tmp.resolve("split.tsv");
    MyHateSpeechData.writeSplit(DIR, out);
    assertThat(Files.readString(out)).isEqualTo(Files.readString(SPLIT));
  }
}
