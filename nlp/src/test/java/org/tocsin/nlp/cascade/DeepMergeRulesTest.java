package org.tocsin.nlp.cascade;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tocsin.core.score.Explanation;
import org.tocsin.core.score.Factors;
import org.tocsin.core.score.Score;
import org.tocsin.nlp.corenlp.DeepEvidence;

/** DeepMerge's incitement arithmetic on given evidence, fast (no CoreNLP). */
class DeepMergeRulesTest {

  static Score screen(double incitement) {
    return new Score("m", "1", 0.5, 0.2, incitement, 0, List.of(), Factors.NONE, Explanation.NONE);
  }

  static DeepEvidence evidence(
      List<String> imperatives,
      List<String> targeted,
      List<String> uses,
      List<String> eventNouns,
      List<String> reporting,
      List<String> places) {
    return new DeepEvidence(
        List.of(),
        List.of(),
        places,
        imperatives,
        List.of(),
        targeted,
        uses,
        eventNouns,
        reporting,
        1,
        !imperatives.isEmpty());
  }

  static double merged(double x, DeepEvidence e) {
    return DeepMerge.merge(screen(x), e, List.of()).incitement();
  }

  @Test
  void aTargetedCallLiftsToTheFloorAndNeverLowers() {
    DeepEvidence call =
        evidence(
            List.of("kill"),
            List.of("kill -> them"),
            List.of("kill/VB"),
            List.of(),
            List.of("said"),
            List.of());
    assertThat(merged(0.02, call)).isEqualTo(0.1);
    assertThat(merged(0.4, call)).isEqualTo(0.4); // no constant added, the reporting verb ignored
  }

  @Test
  void eventNounsAndReportingMultiply() {
    DeepEvidence nouns =
        evidence(
            List.of(),
            List.of(),
            List.of("shooting/NN"),
            List.of("shooting/NN"),
            List.of(),
            List.of());
    assertThat(nouns.eventNounsOnly()).isTrue();
    assertThat(merged(0.2, nouns)).isEqualTo(0.05);
    DeepEvidence both =
        evidence(
            List.of(),
            List.of(),
            List.of("shooting/NN"),
            List.of("shooting/NN"),
            List.of("said"),
            List.of());
    assertThat(merged(0.2, both)).isEqualTo(0.025);
    // a verb use as well: not event nouns only, so not lowered for them
    DeepEvidence mixed =
        evidence(
            List.of(),
            List.of(),
            List.of("shooting/NN", "kill/VB"),
            List.of("shooting/NN"),
            List.of(),
            List.of());
    assertThat(mixed.eventNounsOnly()).isFalse();
    assertThat(merged(0.2, mixed)).isEqualTo(0.2);
    // an untargeted call: no event-noun lowering, no rise
    DeepEvidence untargeted =
        evidence(
            List.of("attack"),
            List.of(),
            List.of("attack/NN"),
            List.of("attack/NN"),
            List.of(),
            List.of());
    assertThat(untargeted.eventNounsOnly()).isFalse();
    assertThat(merged(0.2, untargeted)).isEqualTo(0.2);
  }

  @Test
  void placesAloneChangeNoIncitement() {
    DeepEvidence place =
        evidence(List.of(), List.of(), List.of("kill/VB"), List.of(), List.of(), List.of("Calais"));
    Score s = DeepMerge.merge(screen(0.2), place, List.of());
    assertThat(s.incitement()).isEqualTo(0.2);
    assertThat(s.factors().likelihood().evidence()).containsExactly("CoreNLP: place named: Calais");
    assertThat(s.explanation().notes()).anyMatch(n -> n.endsWith("0.2000 -> 0.2000 (unchanged)"));
  }
}
