package org.tocsin.nlp.harm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.Explanation;
import org.tocsin.core.score.Factor;
import org.tocsin.core.score.Factors;
import org.tocsin.core.score.Score;
import org.tocsin.nlp.baseline.LexiconScorer;

/** What the stage does to a score: lifts it when a construction fires, caps it when blocked. */
class HarmStageTest {

  private static final HarmStage STAGE = HarmStage.loadDefault(LexiconScorer.loadDefault());

  private static Post post(String text, String lang) {
    return Post.ofText(
        "test", "1", new Author("a", "a", "a", null, null), Instant.EPOCH, text, lang);
  }

  private static Score base(double hate, double offensive, double incitement) {
    Factor f = new Factor(0.3, List.of("lexicon evidence"));
    return new Score(
        "m",
        "1",
        hate,
        offensive,
        incitement,
        0,
        List.of(),
        new Factors(Factor.NONE, Factor.NONE, f, f, Factor.NONE, Factor.NONE),
        new Explanation(List.of(), List.of(), List.of("classifier note")));
  }

  @Test
  void aCallIsHateWithHighIncitementAndSaysWhy() {
    Score s = STAGE.apply(post("kill all gays", "en"), base(0.22, 0.21, 0.41));
    assertThat(s.label()).isEqualTo("hate");
    assertThat(s.hate()).isEqualTo(0.85);
    assertThat(s.incitement()).isGreaterThanOrEqualTo(0.7);
    assertThat(s.hate() + s.offensive()).isLessThan(1.0);
    assertThat(s.offensive()).isLessThan(0.21);
    assertThat(s.targets().get(0).group()).isEqualTo("gay");
    assertThat(s.factors().intent().evidence().get(0))
        .contains("call (violence) on 'kill all gays'");
    assertThat(s.factors().content().score()).isGreaterThanOrEqualTo(0.9);
    assertThat(s.explanation().notes())
        .contains("classifier note")
        .anyMatch(
            n -> n.startsWith("harm grammar harm-en-v1: call (violence)") && n.endsWith("fired"));
  }

  @Test
  void exterminationAndDehumanisationLiftTheirScores() {
    Score s =
        STAGE.apply(
            post("The Rohingya are vermin and must be exterminated", "en"), base(0.28, 0.27, 0.45));
    assertThat(s.hate()).isEqualTo(0.9);
    assertThat(s.incitement()).isEqualTo(0.9);
    assertThat(s.dehumanization()).isEqualTo(0.85);
  }

  @Test
  void theClassifiersHigherHateIsKept() {
    Score s = STAGE.apply(post("Muslims are disgusting", "en"), base(0.95, 0.03, 0));
    assertThat(s.hate()).isEqualTo(0.95);
  }

  @Test
  void aBlockedPostSaysSoAndKeepsNoHighIncitement() {
    Score in = base(0.4, 0.2, 0.6);
    Score s = STAGE.apply(post("No one should hurt Muslims", "en"), in);
    assertThat(s.incitement()).isEqualTo(HarmStage.BLOCKED_INCITEMENT);
    assertThat(s.hate()).isEqualTo(0.4);
    assertThat(s.factors().intent().score()).isEqualTo(0.1);
    assertThat(s.explanation().notes()).anyMatch(n -> n.contains("not counted: negation: 'No'"));
  }

  @Test
  void aDenialOrQuotationIsNotHateButAReportKeepsTheClassifiersHate() {
    Score denied =
        STAGE.apply(post("Jews do not deserve to be burned.", "en"), base(0.7, 0.2, 0.5));
    assertThat(denied.hate()).isEqualTo(HarmStage.BLOCKED_HATE);
    assertThat(denied.label()).isEqualTo("normal");
    Score quoted =
        STAGE.apply(post("Saying \"Jews are vermin\" is how it starts", "en"), base(0.7, 0.2, 0));
    assertThat(quoted.label()).isNotEqualTo("hate");
    Score reported = STAGE.apply(post("He said that Jews are rats", "en"), base(0.7, 0.2, 0.5));
    assertThat(reported.hate()).isEqualTo(0.7);
    assertThat(reported.incitement()).isEqualTo(HarmStage.BLOCKED_INCITEMENT);
  }

  @Test
  void aPlainMentionStaysAsItWas() {
    Score in = base(0.05, 0.1, 0);
    assertThat(STAGE.apply(post("I love my Muslim neighbours", "en"), in)).isSameAs(in);
    assertThat(STAGE.apply(post("Les Roms fêtent le Nouvel An", "fr"), in)).isSameAs(in);
  }

  @Test
  void languagesAreReadByTheirOwnGrammar() {
    Score in = base(0.1, 0.1, 0);
    assertThat(STAGE.apply(post("Tuez tous les juifs", "fr"), in).label()).isEqualTo("hate");
    assertThat(STAGE.apply(post("Los judíos son ratas", "es-MX"), in).label()).isEqualTo("hate");
    assertThat(STAGE.apply(post("اقتلوا اليهود", null), in).label()).isEqualTo("hate");
    assertThat(STAGE.apply(post("Tötet alle Juden", "de"), in).label()).isEqualTo("hate");
    // a language without a grammar is left alone
    assertThat(STAGE.apply(post("kill all gays", "it"), in)).isSameAs(in);
  }
}
