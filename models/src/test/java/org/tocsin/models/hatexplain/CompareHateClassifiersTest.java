package org.tocsin.models.hatexplain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tocsin.models.SharedData;

/** The comparison command's arguments, and (slow) its run on the real test split. */
class CompareHateClassifiersTest {

  @Test
  void parsesItsArguments() {
    var a = CompareHateClassifiers.parse(new String[] {"split.jsonl", "--rounds", "2000"});
    assertThat(a).containsEntry("split", "split.jsonl").containsEntry("rounds", "2000");
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> CompareHateClassifiers.parse(new String[] {}))
        .hasMessageContaining("expected one split file [got 0 positional arguments]");
    assertThatThrownBy(() -> CompareHateClassifiers.parse(new String[] {"a", "--bogus", "1"}))
        .hasMessageContaining("unknown option --bogus");
    assertThatThrownBy(() -> CompareHateClassifiers.parse(new String[] {"a", "--rounds"}))
        .hasMessageContaining("--rounds needs a value");
    assertThatThrownBy(() -> CompareHateClassifiers.parse(new String[] {"a", "--rounds", "5"}))
        .hasMessageContaining("--rounds must be 10..1000000 [got 5]");
    assertThatThrownBy(() -> CompareHateClassifiers.parse(new String[] {"a", "--seed", "x"}))
        .hasMessageContaining("--seed must be an integer [got x]");
  }

  /**
   * Trains the baseline (a few minutes of CPU), scores the test split with the shipped artifacts,
   * and checks the numbers bench/results/hate-3way-significance-2026-12-02.md records.
   */
  @Test
  @Tag("slow")
  void reproducesTheRecordedComparison() throws Exception {
    Path split = SharedData.resolve("hatexplain/hatexplain_official_split.jsonl");
    assumeTrue(Files.exists(split), "HateXplain is not at " + split);
    CompareHateClassifiers.Scored s =
        CompareHateClassifiers.score(
            split,
            Path.of("artifacts", "hate-3way-v2"),
            Path.of("artifacts", "hate-3way-v1"),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(s.gold()).hasSize(1924);
    Evaluation v2 = Evaluation.of(s.v2(), s.gold());
    assertThat(v2.accuracy()).isCloseTo(0.6824, offset(1e-4));
    assertThat(v2.macroF1()).isCloseTo(0.6654, offset(1e-4));
    assertThat(v2.macroAuroc()).isCloseTo(0.8369, offset(1e-4));
    Evaluation v1 = Evaluation.of(s.v1(), s.gold());
    assertThat(v1.accuracy()).isCloseTo(0.6590, offset(1e-4));
    assertThat(v1.macroF1()).isCloseTo(0.6496, offset(1e-4));
    Evaluation b = Evaluation.of(s.baseline(), s.gold());
    assertThat(b.accuracy()).isCloseTo(CompareHateClassifiers.JAVA_BASELINE[0], offset(1e-4));
    assertThat(b.macroF1()).isCloseTo(CompareHateClassifiers.JAVA_BASELINE[1], offset(1e-4));
    List<PairedComparison.Difference> d =
        PairedComparison.bootstrap(s.v2(), s.baseline(), s.gold(), 5000, PairedComparison.SEED);
    assertThat(d.get(0).observed()).isCloseTo(v2.accuracy() - b.accuracy(), offset(1e-12));
    assertThat(d.get(0).low()).isCloseTo(0.0047, offset(1e-4));
    assertThat(d.get(0).high()).isCloseTo(0.0317, offset(1e-4));
    assertThat(d.get(1).low()).isCloseTo(0.0067, offset(1e-4));
    assertThat(d.get(1).high()).isCloseTo(0.0352, offset(1e-4));
    assertThat(d.get(0).pAtMostZero()).isCloseTo(0.0040, offset(1e-4));
    PairedComparison.McNemar m = PairedComparison.mcnemar(s.v2(), s.baseline(), s.gold());
    assertThat(m.aOnly()).isEqualTo(105);
    assertThat(m.bOnly()).isEqualTo(70);
    assertThat(m.exactP()).isCloseTo(0.009963, offset(1e-6));
  }
}
