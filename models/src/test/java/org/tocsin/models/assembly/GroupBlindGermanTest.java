package org.tocsin.models.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tocsin.core.score.PostScorer;
import org.tocsin.core.score.Score;
import org.tocsin.nlp.assembly.ShippedScorer;

/**
 * The group-blind check on the shipped German classifier (hate-de): a friendly or neutral sentence
 * that names a group is not hate because of the name alone; a hostile one stays hate. Sentences
 * written for this test.
 */
class GroupBlindGermanTest {
  static PostScorer shipped;

  @BeforeAll
  static void build() throws IOException {
    shipped = ShippedScorer.build();
  }

  @Test
  void aNeutralSentenceAboutAGroupIsNotHateForTheNameAlone() {
    Score s =
        shipped.score(ShippedScorerTest.post("Viele Migranten arbeiten in der Pflege.", "de"));
    assertThat(s.label()).isNotEqualTo("hate");
    assertThat(s.explanation().notes()).anyMatch(n -> n.startsWith("group-blind check"));
  }

  @Test
  void aHostileOrNegatedSentenceKeepsItsHate() {
    assertThat(shipped.score(ShippedScorerTest.post("Migranten sind dreckig.", "de")).label())
        .isEqualTo("hate");
    Score denied = shipped.score(ShippedScorerTest.post("Kein Muslim ist vertrauenswürdig.", "de"));
    assertThat(denied.label()).isEqualTo("hate");
    assertThat(denied.explanation().notes()).noneMatch(n -> n.startsWith("group-blind check"));
  }
}
