package org.tocsin.nlp.corenlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tocsin.core.score.LexiconHit;

/** The German deep stage on the real pipeline (CoreNLP's German models load: slow). */
@Tag("slow")
class GermanDeepStageTest {

  static DeepStage deep;

  @BeforeAll
  static void load() {
    deep = DeepStages.of("de");
  }

  static List<LexiconHit> group(String term) {
    return List.of(new LexiconHit(term, "group", "tocsin-baseline-de-v1"));
  }

  @Test
  void handWrittenCallsAimedAtAGroupAreFound() {
    DeepEvidence e = deep.analyze("Tötet sie alle!", List.of());
    assertThat(e.imperatives()).containsExactly("tötet");
    assertThat(e.targetedCalls()).containsExactly("tötet -> sie");
    e = deep.analyze("Die Moslems müssen vergast werden.", group("moslems"));
    assertThat(e.modalViolence()).containsExactly("müssen vergast");
    assertThat(e.targetedCalls()).containsExactly("vergast -> moslems");
    e = deep.analyze("Man sollte sie alle erschießen.", List.of());
    assertThat(e.modalViolence()).containsExactly("sollte sie alle erschießen");
    assertThat(e.targetedCalls()).isNotEmpty();
    e = deep.analyze("Hängt die Verräter auf!", List.of());
    assertThat(e.imperatives()).containsExactly("hängt");
  }

  @Test
  void newsNounsQuestionsAndSeparableSensesAreNoCalls() {
    // GermEval 2018 test, line 2547 (OTHER)
    DeepEvidence e =
        deep.analyze(
            "Ich bin entsetzt über den Anschlag in #barcelona. Meine Gedanken sind bei den Opfern."
                + " Hass und Gewalt dürfen nicht siegen.",
            List.of());
    assertThat(e.callToAction()).isFalse();
    assertThat(e.eventNouns()).containsExactly("anschlag/NOUN");
    assertThat(e.eventNounsOnly()).isTrue();
    e = deep.analyze("Nach dem Anschlag in Halle trauern die Juden in Berlin.", group("juden"));
    assertThat(e.callToAction()).isFalse();
    assertThat(e.eventNounsOnly()).isTrue();
    // GermEval 2018 training, line 304 (OTHER): "hängt ... ab", not "hängt ... auf"
    e = deep.analyze("Das hängt von den Transpersonen ab.", List.of());
    assertThat(e.callToAction()).isFalse();
    e = deep.analyze("@user Tötet ihr auch Tiere?", List.of());
    assertThat(e.callToAction()).isFalse();
  }

  @Test
  void realGermEvalCallsAreFound() {
    // GermEval 2018 test, line 2310 (OFFENSE/ABUSE): a quoted "Tötet die Ungläubigen"; the rule
    // finds the imperative (it cannot tell a quotation)
    DeepEvidence e =
        deep.analyze(
            "Ja, dann lies Dein Märchenbuch mal ein bisschen genauer. Tötet die Ungläubigen usw."
                + " Juden als Nachfahren von Affen und Schweinen usw.",
            List.of(new LexiconHit("ungläubigen", "group", "tocsin-baseline-de-v1")));
    assertThat(e.imperatives()).contains("tötet");
    assertThat(e.targetedCalls()).contains("tötet -> ungläubigen");
    // GermEval 2018 test, line 2409 (OFFENSE/ABUSE)
    e =
        deep.analyze(
            "@SteinbachErika Solch ein Dreckschwein muss erschlagen werden",
            List.of(new LexiconHit("dreckschwein", "dehumanization", "tocsin-baseline-de-v1")));
    assertThat(e.modalViolence()).containsExactly("muss erschlagen");
    assertThat(e.targetedCalls()).containsExactly("erschlagen -> dreckschwein");
  }

  @Test
  void massExpulsionOfAGroupIsACallButOfALegalCategoryItIsNotTargeted() {
    // GermEval 2018 test, test-934 (OFFENSE): incitement by the guideline (mass expulsion)
    DeepEvidence e =
        deep.analyze(
            "@XYEinzelfall |LBR| Alltag in Deutschland heute.Mann ,schmeißt alle Ausländer raus."
                + " Deutschland den Deutschen!",
            group("ausländer"));
    assertThat(e.imperatives()).containsExactly("schmeißt");
    assertThat(e.targetedCalls()).containsExactly("schmeißt -> alle");
    // GermEval 2018 training, train-4727 (OFFENSE): the verbless slogan, tagged ADV
    e = deep.analyze("WAS FÜR EIN SCHEIß!! RAUS MIT MOSLEMS, dann KEIN Terror!", group("moslems"));
    assertThat(e.imperatives()).containsExactly("raus");
    assertThat(e.targetedCalls()).containsExactly("raus -> moslems");
    // GermEval 2018 training, train-2746 (OTHER): a legal category, not the group
    e =
        deep.analyze(
            "Ausreisepflichtige kriminelle Ausländer müssen schnellstmöglich raus aus Deutschland.",
            group("ausländer"));
    assertThat(e.modalViolence()).containsExactly("müssen schnellstmöglich raus");
    assertThat(e.targetedCalls()).isEmpty();
    // "raus" without "mit" opens no call ("Raus aus der Krise")
    assertThat(deep.analyze("Raus aus der Krise, rein in die Zukunft!", List.of()).callToAction())
        .isFalse();
  }
}
