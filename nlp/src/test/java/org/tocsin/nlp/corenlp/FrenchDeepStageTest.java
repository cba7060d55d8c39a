package org.tocsin.nlp.corenlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tocsin.core.score.LexiconHit;

/**
 * The French deep stage on the real pipeline (CoreNLP's French models load: slow). MLMA lines are
 * from /work/shared/data/mlma/hate_speech_mlma/fr_dataset.csv (Ousidhoum et al. 2019, MIT), quoted
 * with their HITId and sentiment.
 */
@Tag("slow")
class FrenchDeepStageTest {

  static DeepStage deep;

  @BeforeAll
  static void load() {
    deep = DeepStages.of("fr");
  }

  static List<LexiconHit> hit(String term, String category) {
    return List.of(new LexiconHit(term, category, "tocsin-baseline-fr-v1"));
  }

  @Test
  void imperativesAimedAtAGroupAreFoundWithTheirSplitOffPronoun() {
    // the tokenizer splits "Tuez-les" into "Tuez" "-les"
    DeepEvidence e = deep.analyze("Tuez-les tous !", List.of());
    assertThat(e.imperatives()).containsExactly("tuez");
    assertThat(e.targetedCalls()).containsExactly("tuez -> -les");
    e = deep.analyze("@user egorgez les tous ces bougnoules", hit("bougnoules", "slur"));
    assertThat(e.imperatives()).containsExactly("egorgez");
    assertThat(e.targetedCalls()).containsExactly("egorgez -> tous");
    e = deep.analyze("Allez, brûlez-les !", List.of());
    assertThat(e.targetedCalls()).containsExactly("brûlez -> -les");
    // "aux" is read as "à les"
    e = deep.analyze("Mort aux juifs !", hit("juifs", "group"));
    assertThat(e.imperatives()).containsExactly("mort");
    assertThat(e.targetedCalls()).containsExactly("mort -> juifs");
    e = deep.analyze("Cassez-leur la gueule", List.of());
    assertThat(e.imperatives()).containsExactly("cassez-leur");
  }

  @Test
  void modalCallsAreFoundEvenWhereTheTaggerReadsTheInfinitiveAsANoun() {
    DeepEvidence e = deep.analyze("Il faut les tuer.", List.of());
    assertThat(e.modalViolence()).containsExactly("faut les tuer");
    assertThat(e.targetedCalls()).containsExactly("tuer -> les");
    // tagged "Faut/VERB les/DET pendre/NOUN": the clitic before it makes it a verb and a target
    e = deep.analyze("Faut les pendre.", List.of());
    assertThat(e.modalViolence()).containsExactly("faut les pendre");
    assertThat(e.targetedCalls()).containsExactly("pendre -> les");
    e = deep.analyze("faut tous les cramer", List.of());
    assertThat(e.modalViolence()).containsExactly("faut tous les cramer");
    assertThat(e.targetedCalls()).isNotEmpty();
    e = deep.analyze("Ils doivent être pendus.", List.of());
    assertThat(e.modalViolence()).containsExactly("doivent être pendus");
    assertThat(e.targetedCalls()).containsExactly("pendus -> ils");
    e = deep.analyze("il faut exterminer cette vermine", hit("vermine", "dehumanization"));
    assertThat(e.targetedCalls()).containsExactly("exterminer -> vermine");
    e = deep.analyze("Il faut qu'ils crèvent", List.of());
    assertThat(e.modalViolence()).containsExactly("faut qu' ils crèvent");
  }

  @Test
  void newsQuestionsNegationsAndOtherSensesAreNoCalls() {
    DeepEvidence e = deep.analyze("Selon la police, l'attentat a fait trois morts.", List.of());
    assertThat(e.callToAction()).isFalse();
    assertThat(e.eventNouns()).containsExactly("attentat/NOUN");
    assertThat(e.eventNounsOnly()).isTrue();
    assertThat(e.reporting()).containsExactly("selon");
    assertThat(deep.analyze("Faut-il les tuer ?", List.of()).callToAction()).isFalse();
    assertThat(deep.analyze("Doit-on les pendre", List.of()).callToAction()).isFalse();
    assertThat(deep.analyze("Tuez-vous les animaux ?", List.of()).callToAction()).isFalse();
    assertThat(deep.analyze("Il ne faut pas les tuer.", List.of()).callToAction()).isFalse();
    assertThat(deep.analyze("Ne les tuez pas !", List.of()).callToAction()).isFalse();
    assertThat(deep.analyze("Ne tuez jamais personne.", List.of()).callToAction()).isFalse();
    assertThat(deep.analyze("Mort à 23 ans, il laisse deux enfants.", List.of()).callToAction())
        .isFalse();
    assertThat(deep.analyze("Tu me tues avec tes blagues mdr", List.of()).callToAction()).isFalse();
    assertThat(deep.analyze("@user tue-toi", List.of()).callToAction()).isFalse();
  }

  @Test
  void realMlmaLinesBothWays() {
    // HITId 2006 (offensive): "a backward people who should be annihilated"
    DeepEvidence e =
        deep.analyze(
            "@user un peuple attardé au il faudrait anéantir ils font chier la planète entière avec"
                + " leur croyance e… @url",
            List.of());
    assertThat(e.modalViolence()).containsExactly("faudrait anéantir");
    // HITId 2643 (fearful): "so here it is: let's hang the blacks"
    e =
        deep.analyze(
            "selon la bien-pensance gauchiste le droit de dire n'importe quoi lorsque l'on est peu"
                + " connu alors voilà : pendons les noirs",
            hit("noirs", "group"));
    assertThat(e.imperatives()).containsExactly("pendons");
    assertThat(e.targetedCalls()).containsExactly("pendons -> noirs");
    // HITId 1635 (offensive_hateful): a reported shout; the rule finds the quoted call and the
    // reporting word, it cannot tell a quotation
    e =
        deep.analyze(
            "@user @user en plein shabbat aurait crié : « il faut tuer tous les juifs."
                + " »antisémite complotiste et… @url",
            hit("juifs", "group"));
    assertThat(e.modalViolence()).containsExactly("faut tuer");
    assertThat(e.reporting()).containsExactly("crié");
    // HITId 2714 (disrespectful): "alcohol kills more than AIDS"
    e =
        deep.analyze(
            "l'alcool tue davantage que le sida la tuberculose et la violence réunis @url",
            List.of());
    assertThat(e.callToAction()).isFalse();
    // HITId 2915 (normal): football, "who kills the match"
    assertThat(deep.analyze("l'attardé de medelin qui tue le match", List.of()).callToAction())
        .isFalse();
    // HITId 623 (abusive): a threat against one person, no call; tagged "le/DET lyncher/NOUN",
    // but after the clitic "le" the infinitive is a verb, not an event noun
    e =
        deep.analyze(
            "@user ce sale arabe connor c'est son père dirait.... je vais le lyncher sur son curious"
                + " cat de ce pas comme un brave.",
            hit("lyncher", "violence"));
    assertThat(e.callToAction()).isFalse();
    assertThat(e.violenceUses()).containsExactly("lyncher/NOUN");
    assertThat(e.eventNouns()).isEmpty();
    // HITId 921 (fearful_abusive): news of the Pittsburgh synagogue shooting
    e =
        deep.analyze(
            "antisémite complotiste et anti-trump… qui est l’auteur de la fusillade qui fait onze"
                + " morts dans une synagogue à… @url",
            List.of());
    assertThat(e.callToAction()).isFalse();
    assertThat(e.eventNouns()).containsExactly("fusillade/NOUN");
  }
}
