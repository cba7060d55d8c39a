package org.tocsin.models.myanmar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tocsin.nlp.baseline.LexiconScorer;

class BurmeseLexiconBuilderTest {
  static final Path SHIPPED =
      Path.of(
          "..",
          "nlp",
          "src",
          "main",
          "resources",
          "org",
          "tocsin",
          "nlp",
          "baseline",
          "lexicon-my-v1.tsv");

  @Test
  void theShippedLexiconIsWhatTheBuilderMakesFromTheTrainingSplit() throws Exception {
    assumeTrue(Files.isDirectory(MyHateSpeechDataTest.DIR), "myHateSpeech is not at hand");
    List<BurmeseLexiconBuilder.Derived> derived =
        BurmeseLexiconBuilder.derive(MyHateSpeechDataTest.DIR);
    assertThat(BurmeseLexiconBuilder.build(derived))
        .isEqualTo(Files.readString(SHIPPED, StandardCharsets.UTF_8));
    // the filters hold: every derived word is tagged 3+ times and tagged in half its uses or more
    assertThat(derived)
        .allMatch(d -> d.tagged() >= 3 && d.tagged() * 2 >= d.occurrences())
        .noneMatch(d -> d.term().equals("ခံ")); // "to receive": tagged 8 times, mostly plain
  }

  @Test
  void theBuiltLexiconLoadsAsTheBurmeseOne() {
    var my = LexiconScorer.loadDefault().lexicons().get("my");
    assertThat(my.name()).isEqualTo("tocsin-baseline-my-v1");
    assertThat(my.entries().size()).isGreaterThan(500);
    assertThat(BurmeseLexiconBuilder.category("se"))
        .containsExactly("slur", "lgbtq", "sexual_orientation");
    assertThat(BurmeseLexiconBuilder.normalised("ရိုဟင်ဂျာ")).isEqualTo("ရို ဟင် ဂျာ");
  }
}
