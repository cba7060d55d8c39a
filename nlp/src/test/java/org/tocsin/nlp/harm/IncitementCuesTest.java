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

/**
 * The English incitement cues: atrocity words aimed at a group with a call, read on the noisy text
 * of real posts, and threats or calls the grammar blocked from far away. Sentences are the authors'
 * own, written after the shapes of the incitement set's dev half, not copied from it.
 */
class IncitementCuesTest {

  private static final LexiconScorer LEXICON = LexiconScorer.loadDefault();
  private static final IncitementCues CUES =
      IncitementCues.loadDefault(LEXICON.lexicons().get("en"));
  private static final HarmStage STAGE = HarmStage.loadDefault(LEXICON);

  private static Post post(String text) {
    return Post.ofText(
        "test", "1", new Author("a", "a", "a", null, null), Instant.EPOCH, text, "en");
  }

  private static Score base(double hate, double incitement) {
    Factor f = new Factor(0.3, List.of("lexicon evidence"));
    return new Score(
        "m",
        "1",
        hate,
        0.1,
        incitement,
        0,
        List.of(),
        new Factors(Factor.NONE, Factor.NONE, f, f, Factor.NONE, Factor.NONE),
        new Explanation(List.of(), List.of(), List.of("classifier note")));
  }

  @Test
  void atrocityWordsAimedAtAGroupWithACallAreCues() {
    assertThat(CUES.find("<user> honestly we need to purge every single muzzie from this land"))
        .isNotNull();
    assertThat(CUES.find("these parasites again . they should all get zyklon b for breakfast"))
        .isNotNull();
    assertThat(CUES.find("you all get the gas when our day comes")).isNotNull();
    assertThat(CUES.find("time to start a race war against the beaners")).isNotNull();
    assertThat(CUES.find("we must bring about the genocide of every last kike")).isNotNull();
    assertThat(CUES.find("give them a real holocaust this time")).isNotNull();
  }

  @Test
  void anActRightNextToASlurNeedsNoCall() {
    assertThat(CUES.find("his kike gassing platform will win")).isNotNull();
    assertThat(CUES.find("gas the kikes lol")).isNotNull();
  }

  @Test
  void historyNegationReportsAndOtherSensesAreNotCues() {
    // history, a complaint, a denial, a report, a phrasal verb, no group
    assertThat(CUES.find("the holocaust killed six million jews and we must remember it")).isNull();
    assertThat(CUES.find("white genocide is real and we need to wake up")).isNull();
    assertThat(CUES.find("nobody should ever gas the jews or anyone else")).isNull();
    assertThat(CUES.find("we should never gas them , that was evil")).isNull();
    assertThat(CUES.find("he said they should be gassed , which is monstrous")).isNull();
    assertThat(CUES.find("she claimed muslims should be gassed")).isNull();
    assertThat(CUES.find("muslims hang out at the mall now")).isNull();
    assertThat(CUES.find("some nigger gas lighted my friend")).isNull();
    assertThat(CUES.find("we need to burn the old fence down now")).isNull();
    assertThat(CUES.find("i love my muslim neighbours")).isNull();
  }

  @Test
  void aCueRaisesIncitementOnlyAndSaysWhy() {
    Score in = base(0.4, 0.02);
    Score s = CUES.apply("they should give them zyklon b for lunch", in);
    assertThat(s.incitement()).isEqualTo(IncitementCues.FLOOR);
    assertThat(s.hate()).isEqualTo(0.4);
    assertThat(s.factors().intent().score()).isEqualTo(0.7);
    assertThat(s.factors().intent().evidence().get(0)).contains("zyklon");
    assertThat(s.explanation().notes()).anyMatch(n -> n.startsWith("incitement cue"));
    assertThat(CUES.apply("i love my muslim neighbours", in)).isSameAs(in);
  }

  @Test
  void theStageAppliesTheCuesToEnglishOnly() {
    Score in = base(0.4, 0.02);
    String text = "these leeches again . they should give them zyklon b for lunch";
    assertThat(STAGE.apply(post(text), in).incitement()).isEqualTo(IncitementCues.FLOOR);
    Post french =
        Post.ofText("t", "1", new Author("a", "a", "a", null, null), Instant.EPOCH, text, "fr");
    assertThat(STAGE.apply(french, in).incitement()).isEqualTo(0.02);
  }

  @Test
  void aCallBlockedByACueFarBeforeItStandsInATweetWithoutPunctuation() {
    Score in = base(0.5, 0.3);
    String far =
        "child grooming gangs everywhere and the police are too scared to do a thing about any of"
            + " it is not it time to send the army in and shoot all the pakis";
    Score s = STAGE.apply(post(far), in);
    assertThat(s.incitement()).isGreaterThanOrEqualTo(0.8);
    assertThat(s.explanation().notes())
        .anyMatch(n -> n.contains("words before the threat or call"));
    // a blocker close to the call still blocks
    Score near = STAGE.apply(post("the police said shoot all the pakis"), in);
    assertThat(near.incitement()).isEqualTo(HarmStage.BLOCKED_INCITEMENT);
    Score said = STAGE.apply(post("nobody should shoot all the pakis"), in);
    assertThat(said.incitement()).isEqualTo(HarmStage.BLOCKED_INCITEMENT);
  }

  @Test
  void expulsionStaysBelowTheHighBand() {
    Score s = STAGE.apply(post("all muslims must be deported"), base(0.3, 0));
    assertThat(s.incitement()).isEqualTo(0.3);
    assertThat(s.hate()).isEqualTo(0.75);
  }
}
