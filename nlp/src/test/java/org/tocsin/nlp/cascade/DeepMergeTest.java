package org.tocsin.nlp.cascade;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tocsin.core.score.Score;
import org.tocsin.nlp.baseline.LexiconScorer;
import org.tocsin.nlp.corenlp.DeepAnalyzer;
import org.tocsin.nlp.corenlp.DeepEvidence;
import org.tocsin.nlp.lang.LanguageIdentifier;

/**
 * The deep stage's incitement rules on real dev posts of the incitement set (models/incitement, ids
 * given), through the real lexicon screen and real CoreNLP: slow (CoreNLP loads in seconds).
 */
@Tag("slow")
class DeepMergeTest {
  static LexiconScorer screen;
  static DeepAnalyzer deep;
  static CascadeScorer cascade;

  @BeforeAll
  static void load() {
    screen = LexiconScorer.loadDefault();
    deep = new DeepAnalyzer();
    cascade =
        new CascadeScorer(
            screen,
            () -> LanguageIdentifier.of(List.of("en", "de"), 0.05),
            deep,
            new CascadeSettings(true, 0.5, 0.3, 1));
  }

  /** The screen's score and the cascade's, for an English post. */
  static Score[] both(String text) {
    var p = CascadeScorerTest.post(text, "en");
    return new Score[] {screen.score(p), cascade.score(p)};
  }

  static String deepNote(Score s) {
    return s.explanation().notes().stream()
        .filter(n -> n.startsWith("deep stage: CoreNLP"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aPostWhoseViolenceWordsAreEventNounsIsLowered() {
    // inc-0770 (mlma_en 5313, label none): "massacre" and "shooting" name events, nobody is called
    // on
    String text =
        "The only way that people can stop massacre shooting in the future is getting rid of Trump"
            + " and his retard cult-follo\u2026 @URL";
    DeepEvidence e =
        deep.analyze(
            text, screen.score(CascadeScorerTest.post(text, "en")).explanation().lexicon());
    assertThat(e.violenceUses()).containsExactly("massacre/NN", "shooting/NN");
    assertThat(e.eventNounsOnly()).isTrue();
    Score[] s = both(text);
    assertThat(s[0].incitement()).isPositive();
    assertThat(s[1].incitement()).isLessThan(s[0].incitement());
    assertThat(s[1].incitement())
        .isCloseTo(
            s[0].incitement() * DeepMerge.EVENT_NOUNS_FACTOR,
            org.assertj.core.data.Offset.offset(1e-4));
    assertThat(deepNote(s[1])).endsWith("(x 0.25: violence terms only as event nouns)");
    assertThat(s[1].factors().content().evidence())
        .contains(
            "CoreNLP: violence terms only as nouns naming an event, no call: massacre/NN,"
                + " shooting/NN");
    // inc-0672 (hatexplain 20104013_gab, hateful): "rape gangs" reports a crime, calls for nothing
    Score[] r =
        both(
            "woman in charge of sandwell child services where paki moslem rape gangs are"
                + " on the rise");
    assertThat(r[1].incitement()).isLessThan(r[0].incitement());
  }

  @Test
  void aCallWithItsTargetCloseByIsRaisedToTheFloor() {
    // inc-0296 (stormfront 31730733_1, incitement): the lexicon sees "kill" far from any group
    String text =
        "We should start gangs of our own and kill them and rob their homes , is this what the"
            + " liberals wanted as `` diversity ? ''";
    Score[] s = both(text);
    assertThat(s[0].incitement()).isLessThan(DeepMerge.TARGETED_CALL_FLOOR);
    assertThat(s[1].incitement()).isEqualTo(DeepMerge.TARGETED_CALL_FLOOR);
    assertThat(s[1].factors().content().evidence())
        .contains("CoreNLP: call with its target close by: kill -> them");
    assertThat(deepNote(s[1])).endsWith("(raised to 0.1: targeted call)");
    // "kill all gays" (HateXplain 1205929378808565765): a call, already scored above the floor
    Score[] g = both(CascadeSwitchTest.KILL_ALL_GAYS);
    assertThat(g[1].factors().content().evidence())
        .contains("CoreNLP: call with its target close by: kill -> all");
    assertThat(g[1].incitement()).isEqualTo(g[0].incitement()).isGreaterThan(0.1);
  }

  @Test
  void negatedAndRelativeCallsAreNotTargetedCallsAndRaiseNothing() {
    // inc-0751 (stormfront 12834493_1, hateful): "the Blacks wo n't kill her" calls for nothing
    String negated =
        "She may or may not be a Jew but she 's certainly stupid , she seems to think the Blacks wo"
            + " n't kill her alongside every other White they can get their dirty hands on , what a"
            + " muppet !";
    // inc-0868 (hatexplain 12151236_gab, dehumanising): what the "savage" would do, not a call
    String relative =
        "white people need to start caring about their own kind instead of bending over backwards"
            + " for every jigaboo savage that would gladly kill them for fun or for their cell"
            + " phone";
    for (String text : List.of(negated, relative)) {
      Score[] s = both(text);
      DeepEvidence e = deep.analyze(text, s[0].explanation().lexicon());
      assertThat(e.callToAction()).as(text).isTrue();
      assertThat(e.targetedCalls()).as(text).isEmpty();
      assertThat(s[1].incitement()).as(text).isEqualTo(s[0].incitement());
    }
  }

  @Test
  void aReportingVerbHalvesIncitement() {
    // inc-0017 (hatexplain 1178716609004867588_twitter, none): reports what someone tweeted
    String text =
        "<user> where was your outrage when naz shah tweeted that white girls raped and abused by"
            + " muslim grooming gangs should shut up for the sake of diversity";
    Score[] s = both(text);
    assertThat(s[0].incitement()).isPositive();
    assertThat(s[1].incitement())
        .isCloseTo(
            s[0].incitement() * DeepMerge.REPORTING_FACTOR,
            org.assertj.core.data.Offset.offset(1e-4));
    assertThat(s[1].factors().intent().evidence())
        .contains("CoreNLP: reporting verb (reported speech or news?): tweeted");
  }
}
