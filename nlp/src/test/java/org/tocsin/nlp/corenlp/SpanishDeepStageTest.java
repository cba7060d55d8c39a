package org.tocsin.nlp.corenlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tocsin.core.score.LexiconHit;

/**
 * The Spanish deep stage on the real pipeline (CoreNLP's Spanish models load: slow). The calls are
 * hand-written: the only Spanish posts at hand, the 256 Spanish IRA tweets, call for no violence.
 */
@Tag("slow")
class SpanishDeepStageTest {

  static DeepStage deep;

  @BeforeAll
  static void load() {
    deep = DeepStages.of("es");
  }

  static List<LexiconHit> hit(String term, String category) {
    return List.of(new LexiconHit(term, category, "tocsin-baseline-es-v1"));
  }

  @Test
  void imperativesAimedAtAGroupAreFoundWithTheirEncliticTargets() {
    DeepEvidence e = deep.analyze("¡Matadlos a todos!", List.of());
    assertThat(e.imperatives()).containsExactly("matadlos");
    assertThat(e.targetedCalls()).containsExactly("matadlos -> todos");
    e = deep.analyze("Maten a los inmigrantes.", hit("inmigrantes", "group"));
    assertThat(e.targetedCalls()).containsExactly("maten -> inmigrantes");
    // one token, tagged PROPN: the target is the clitic on the verb
    e = deep.analyze("Linchadlos.", List.of());
    assertThat(e.targetedCalls()).containsExactly("linchadlos -> los");
    // tweets drop the accents
    e = deep.analyze("RT @usuario: matenlos, no merecen vivir", List.of());
    assertThat(e.targetedCalls()).containsExactly("matenlos -> los");
    e = deep.analyze("Ya fusílenlos de una vez", List.of());
    assertThat(e.targetedCalls()).containsExactly("fusílenlos -> los");
    e = deep.analyze("¡Que mueran todos los judíos!", hit("judíos", "group"));
    assertThat(e.imperatives()).containsExactly("mueran");
    assertThat(e.targetedCalls()).containsExactly("mueran -> todos");
    // "esas" before a noun is tagged DET, not PRON: the target is the lexicon's term
    e = deep.analyze("Exterminad a esas alimañas.", hit("alimañas", "dehumanization"));
    assertThat(e.targetedCalls()).containsExactly("exterminad -> alimañas");
  }

  @Test
  void modalsWithAViolentInfinitiveAreFound() {
    // "matarlos" becomes "matar" + "los" (a multi-word token), and "hay" needs "que" next
    DeepEvidence e = deep.analyze("Hay que matarlos a todos.", List.of());
    assertThat(e.modalViolence()).containsExactly("hay que matar");
    assertThat(e.targetedCalls()).containsExactly("matar -> los");
    // the split-off clitic is tagged DET here; it is a target all the same
    e = deep.analyze("Hay q colgarlos de un árbol", List.of());
    assertThat(e.modalViolence()).containsExactly("hay q colgar");
    assertThat(e.targetedCalls()).containsExactly("colgar -> los");
    // left whole and tagged NOUN by the tagger: the clitic makes it a verb
    e = deep.analyze("Hay que gasearlos.", List.of());
    assertThat(e.modalViolence()).containsExactly("hay que gasearlos");
    assertThat(e.targetedCalls()).containsExactly("gasearlos -> los");
    e = deep.analyze("Los refugiados deberían ser fusilados.", hit("refugiados", "group"));
    assertThat(e.modalViolence()).containsExactly("deberían ser fusilados");
    assertThat(e.targetedCalls()).containsExactly("fusilados -> refugiados");
    e = deep.analyze("A los maricones hay que exterminarlos", hit("maricones", "slur"));
    assertThat(e.targetedCalls()).isNotEmpty();
    // forcible expulsion of a group (incitement by the guideline), not "echad un vistazo"
    e = deep.analyze("Échenlos a todos", List.of());
    assertThat(e.targetedCalls()).containsExactly("échenlos -> todos");
    e = deep.analyze("Echad un vistazo a los vídeos", List.of());
    assertThat(e.callToAction()).isFalse();
    e = deep.analyze("Vamos a quemar a esos moros", hit("moros", "slur"));
    assertThat(e.modalViolence()).containsExactly("vamos a quemar");
    assertThat(e.targetedCalls()).containsExactly("quemar -> moros");
  }

  @Test
  void newsQuestionsNegationsAndOtherSensesAreNoTargetedCalls() {
    DeepEvidence e =
        deep.analyze("El atentado en Barcelona dejó 14 muertos, según la policía.", List.of());
    assertThat(e.callToAction()).isFalse();
    assertThat(e.eventNouns()).containsExactly("atentado/NOUN");
    assertThat(e.eventNounsOnly()).isTrue();
    assertThat(e.reporting()).containsExactly("según");
    e = deep.analyze("El asesinato del periodista fue condenado, dijo el ministro.", List.of());
    assertThat(e.callToAction()).isFalse();
    assertThat(e.reporting()).containsExactly("dijo");
    // questions: the closing "?", and "¿" with "??" kept as one token
    e = deep.analyze("¿Matan a los perros en China?", List.of());
    assertThat(e.callToAction()).isFalse();
    e = deep.analyze("¿Maten a todos los perros??", List.of());
    assertThat(e.callToAction()).isFalse();
    // a negation before the imperative ends the clause start: no call
    e = deep.analyze("No maten a los inmigrantes.", hit("inmigrantes", "group"));
    assertThat(e.callToAction()).isFalse();
    e = deep.analyze("Nunca fusilen a nadie.", List.of());
    assertThat(e.callToAction()).isFalse();
    // modal calls too, with the rules modal-neg and modal-question
    e = deep.analyze("No hay que matarlos.", List.of());
    assertThat(e.callToAction()).isFalse();
    e = deep.analyze("¿Hay que matarlos a todos?", List.of());
    assertThat(e.callToAction()).isFalse();
    e =
        deep.analyze(
            "¿Por qué deberían ser fusilados los inmigrantes", hit("inmigrantes", "group"));
    assertThat(e.callToAction()).isFalse();
    // other senses: "me mata de risa" opens with "me"; "quemar las naves" has no target
    e = deep.analyze("Me mata de risa este video.", List.of());
    assertThat(e.callToAction()).isFalse();
    e = deep.analyze("Hay que quemar las naves.", List.of());
    assertThat(e.targetedCalls()).isEmpty();
    e = deep.analyze("Cuelga el teléfono y ven.", List.of());
    assertThat(e.callToAction()).isFalse();
    e = deep.analyze("Ojalá los maten.", List.of());
    assertThat(e.callToAction()).isFalse();
  }

  @Test
  void realSpanishIraTweetsAreNoCalls() {
    String dir = "influence_ops/ira_russian_troll_tweets_by_author/tweets/";
    // dir + C/CornellBurchet.csv line 2838 (account_category LeftTroll per authors.csv)
    DeepEvidence e =
        deep.analyze(
            "Huyen de los bombardeos y NO son una amenaza. Rechaza la nueva orden ejecutiva de"
                + " @realdonaldtrump: https://t.co/Qmzx8Aks8e #NoBanNoWall"
                + " https://t.co/NCu69W5TCL",
            List.of());
    assertThat(e.callToAction()).as(dir).isFalse();
    assertThat(e.eventNouns()).containsExactly("bombardeos/NOUN");
    assertThat(e.eventNounsOnly()).isTrue();
    // dir + I/ImaSwerve.csv line 21: a question with "¿" and "q" for "que"
    e =
        deep.analyze(
            "FOTOS q demuestran q las bombas de racimo lanzadas contra CIVILES en #Yemen son"
                + " fabricadas en EEUU ¿Llorará Obama? https://t.co/YJV9B0Lor9",
            List.of());
    assertThat(e.callToAction()).isFalse();
    // dir + L/LooKAtMeZero.csv line 144
    e =
        deep.analyze(
            "Cómo Ahmad Khan Rahami pasó de ser un “tipo buena onda” a terrorista"
                + " https://t.co/cttR6elPnC https://t.co/Y3VeN5yhFO",
            List.of());
    assertThat(e.callToAction()).isFalse();
  }

  @Test
  void namedEntitiesRunOnlyWhereACallWasFound() {
    DeepEvidence e =
        deep.analyze("Fusilen a Pedro Sánchez y quemen la sede del PSOE en Madrid.", List.of());
    assertThat(e.namedEntities()).isTrue();
    assertThat(e.imperatives()).containsExactly("fusilen", "quemen");
    assertThat(e.persons()).containsExactly("Pedro Sánchez");
    assertThat(e.organizations()).containsExactly("PSOE");
    assertThat(e.locations()).containsExactly("Madrid");
    e = deep.analyze("Pedro Sánchez visitó Madrid.", List.of());
    assertThat(e.namedEntities()).isFalse();
    assertThat(e.persons()).isEmpty();
  }
}
