package org.tocsin.nlp.cascade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.Score;
import org.tocsin.nlp.baseline.LexiconScorer;
import org.tocsin.nlp.corenlp.DeepAnalyzer;
import org.tocsin.nlp.lang.LanguageIdentifier;
import org.tocsin.testkit.RealPosts;

/**
 * The cascade's gate, language-tag precedence, ordering and switch, fast: neither Lingua nor
 * CoreNLP is loaded here (each test checks that), except the deliberately broken deep stage.
 */
class CascadeSwitchTest {

  /** HateXplain 1205929378808565765 (hatespeech), in the demo corpus. */
  static final String KILL_ALL_GAYS = "kill all gays";

  /** HateXplain 1267383029229662209 (hatespeech), in the demo corpus. */
  static final String EXTERMINATED =
      "death of jean charles de menezes jnagappan and all jews guilty of genocide must be"
          + " exterminated by communism";

  static LexiconScorer screen;

  @BeforeAll
  static void load() {
    screen = LexiconScorer.loadDefault();
  }

  static CascadeScorer cascade(boolean deepStage, int threads) {
    return new CascadeScorer(
        screen,
        () -> LanguageIdentifier.of(List.of("en", "de", "ru", "uk"), 0.05),
        new DeepAnalyzer(),
        new CascadeSettings(deepStage, 0.5, 0.3, threads));
  }

  static Post post(String text, String lang) {
    return CascadeScorerTest.post(text, lang);
  }

  @Test
  void theGatePicksViolenceAimedAtAGroupNotMereAbuse() {
    CascadeScorer c = cascade(true, 1);
    assertThat(c.gate(screen.score(post(KILL_ALL_GAYS, "en")))).contains("'kill'", "'gays'");
    assertThat(c.gate(screen.score(post(EXTERMINATED, "en")))).isNotNull();
    // RealPosts #0: a string of slurs, abusive but no act called for: not worth CoreNLP
    Post slurs = RealPosts.sample().get(0);
    assertThat(slurs.text()).startsWith("the redskins is trending");
    assertThat(c.gate(screen.score(slurs))).isNull();
    // RealPosts #125: an ordinary post
    Post ordinary = RealPosts.sample().get(125);
    assertThat(ordinary.text()).startsWith("Don't worry - Great America");
    assertThat(c.gate(screen.score(ordinary))).isNull();
    int gated = 0;
    for (Post p : RealPosts.sample()) {
      gated += c.flags(screen.score(p)) ? 1 : 0;
    }
    // the sample is skewed to hate (the old gate picked 72 % of it); this one picks few
    assertThat(gated).isPositive().isLessThanOrEqualTo(RealPosts.sample().size() / 10);
  }

  @Test
  void thePlatformTagDecidesAndLinguaIsNotLoadedForIt() {
    CascadeScorer c = cascade(true, 1);
    // a gated German text tagged de-AT: the tag wins (German lexicon, no German CoreNLP
    // configured here), so CoreNLP is not asked and Lingua is not loaded
    Score s = c.score(post("tötet alle schwulen", "de-AT"));
    assertThat(s.explanation().notes())
        .contains("language: de (the platform's tag; Lingua not run)")
        .anyMatch(n -> n.startsWith("deep stage: not run (gate: 'tötet'"));
    // an ungated post without a tag: its language is not needed, so Lingua stays unloaded
    Score o = c.score(RealPosts.sample().get(125).withId("x").withLang(null));
    assertThat(o.explanation().notes())
        .anyMatch(n -> n.startsWith("language: unknown (no usable platform tag; Lingua not run"))
        .contains("deep stage: not run (the screen's gate did not pick the post)");
    assertThat(c.languagesLoaded()).isFalse();
    assertThat(c.counts()).containsExactly(2L, 1L, 0L, 0L);
  }

  @Test
  void reliableTagsAreTheOnesThatNameALanguage() {
    assertThat(LanguageIdentifier.reliableTag("en-US")).isEqualTo("en");
    assertThat(LanguageIdentifier.reliableTag("pt_BR")).isEqualTo("pt");
    assertThat(LanguageIdentifier.reliableTag("fil")).isEqualTo("fil");
    assertThat(LanguageIdentifier.reliableTag("und")).isNull();
    assertThat(LanguageIdentifier.reliableTag("zxx")).isNull();
    assertThat(LanguageIdentifier.reliableTag("qme")).isNull(); // Twitter: media only
    assertThat(LanguageIdentifier.reliableTag("qht")).isNull(); // Twitter: hashtags only
    assertThat(LanguageIdentifier.reliableTag("")).isNull();
    assertThat(LanguageIdentifier.reliableTag(null)).isNull();
    assertThat(LanguageIdentifier.reliableTag("e1")).isNull();
    assertThat(LanguageIdentifier.reliableTag("english")).isNull();
  }

  @Test
  void aBatchOnTwoThreadsKeepsThePostsOrder() {
    List<Post> posts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      for (Post p : RealPosts.sample()) {
        posts.add(p.withId(p.id() + "-" + i));
      }
    }
    CascadeScorer one = cascade(false, 1);
    CascadeScorer two = cascade(false, 2);
    List<Score> expected = new ArrayList<>();
    for (Post p : posts) {
      expected.add(one.score(p));
    }
    List<Score> got = two.scoreAll(posts);
    assertThat(got).hasSize(posts.size()).isEqualTo(expected);
    assertThat(two.counts()[0]).isEqualTo(posts.size());
    assertThat(two.languagesLoaded()).isFalse();
  }

  @Test
  void aDeepStageThatCannotLoadLeavesTheScreensScoreAndTheBatchGoesOn() {
    CascadeScorer c =
        new CascadeScorer(
            screen,
            () -> LanguageIdentifier.of(List.of("en", "de"), 0.05),
            new DeepAnalyzer("no/such/ner-model.ser.gz", false),
            new CascadeSettings(true, 0.5, 0.3, 2));
    List<Post> posts = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      posts.add(post(i % 2 == 0 ? KILL_ALL_GAYS : EXTERMINATED, "en").withId("p" + i));
    }
    List<Score> scores = c.scoreAll(posts);
    assertThat(scores).hasSize(20);
    for (int i = 0; i < 20; i++) {
      Score base = screen.score(posts.get(i));
      Score s = scores.get(i);
      assertThat(s.incitement()).isEqualTo(base.incitement());
      assertThat(s.factors()).isEqualTo(base.factors());
      assertThat(s.explanation().notes()).anyMatch(n -> n.startsWith("deep stage: failed ("));
    }
    assertThat(c.counts()).containsExactly(20L, 20L, 0L, 0L);
  }

  @Test
  void settingsAreChecked() {
    assertThatThrownBy(() -> new CascadeSettings(true, 1.5, 0.3, 1))
        .hasMessageContaining("targetThreshold");
    assertThatThrownBy(() -> new CascadeSettings(true, 0.5, -1, 1))
        .hasMessageContaining("incitementThreshold");
    assertThatThrownBy(() -> new CascadeSettings(true, 0.5, 0.3, 0))
        .hasMessageContaining("threads must be in [1, 64]");
  }
}
