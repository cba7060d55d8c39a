package org.tocsin.nlp.cascade;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Metrics;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.Score;
import org.tocsin.nlp.baseline.LexiconScorer;
import org.tocsin.nlp.corenlp.DeepAnalyzer;
import org.tocsin.nlp.lang.LanguageIdentifier;
import org.tocsin.testkit.RealPosts;

/**
 * The cascade over the real lexicon screen, real Lingua and real CoreNLP: CoreNLP and Lingua take
 * 10-30 s to load here, so tagged slow.
 */
@Tag("slow")
class CascadeScorerTest {
  static LexiconScorer screen;
  static LanguageIdentifier lang;
  static DeepAnalyzer deep;

  @BeforeAll
  static void load() {
    screen = LexiconScorer.loadDefault();
    lang = LanguageIdentifier.of(List.of("en", "de", "fr", "ru", "uk"), 0.05);
    deep = new DeepAnalyzer();
  }

  static Post post(String text, String language) {
    return new Post(
        "mastodon",
        "1",
        "https://example.social/@a/1",
        new Author("acct-1", "a", null, null, null),
        Instant.parse("2024-05-01T12:00:00Z"),
        text,
        language,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        Metrics.UNKNOWN,
        null,
        null);
  }

  static CascadeScorer cascade(int threads) {
    return new CascadeScorer(screen, lang, deep, new CascadeSettings(true, 0.5, 0.3, threads));
  }

  @Test
  void clearCallToViolenceGetsCoreNlpEvidence() {
    CascadeScorer c = cascade(1);
    Post p =
        post(
            "The refugees must be exterminated. Burn their camp in Calais tonight, ask Nigel Farage.",
            null);
    Score base = screen.score(p);
    Score s = c.score(p);
    assertThat(c.counts()).containsExactly(1L, 1L, 1L, 1L); // no tag: Lingua ran
    assertThat(s.factors().content().evidence())
        .contains(
            "CoreNLP: modal + violent verb: must be exterminated",
            "CoreNLP: violent verb in the imperative: burn");
    assertThat(s.factors().intent().score()).isGreaterThanOrEqualTo(0.7);
    assertThat(s.factors().likelihood().evidence()).contains("CoreNLP: place named: Calais");
    assertThat(s.factors().context().evidence()).contains("CoreNLP: person named: Nigel Farage");
    assertThat(s.factors().content().evidence())
        .contains("CoreNLP: call with its target close by: exterminate -> refugees");
    assertThat(s.incitement())
        .isEqualTo(Math.max(base.incitement(), DeepMerge.TARGETED_CALL_FLOOR));
    assertThat(s.explanation().notes()).anyMatch(n -> n.startsWith("language: en (detected"));
  }

  @Test
  void realCallsToViolenceGoDeepAndAnOrdinaryPostDoesNot() {
    CascadeScorer c = cascade(1);
    Score gays = c.score(post(CascadeSwitchTest.KILL_ALL_GAYS, "en"));
    assertThat(gays.factors().content().evidence())
        .contains("CoreNLP: violent verb in the imperative: kill");
    assertThat(gays.explanation().notes())
        .contains("language: en (the platform's tag; Lingua not run)")
        .anyMatch(n -> n.startsWith("deep stage gate: 'kill' with target signal"));
    Score jews = c.score(post(CascadeSwitchTest.EXTERMINATED, "en"));
    assertThat(jews.factors().content().evidence())
        .contains("CoreNLP: modal + violent verb: must be exterminated");
    assertThat(jews.factors().intent().score()).isGreaterThanOrEqualTo(0.7);
    Post ordinary = RealPosts.sample().get(125);
    Score o = c.score(ordinary);
    assertThat(o.factors()).isEqualTo(screen.score(ordinary).factors());
    assertThat(o.explanation().notes())
        .contains("deep stage: not run (the screen's gate did not pick the post)");
    assertThat(c.counts()).containsExactly(3L, 2L, 2L, 0L);
  }

  @Test
  void onlyGatedEnglishPostsReachTheDeepStage() {
    CascadeScorer c = cascade(1);
    long expected = 0;
    for (Post p : RealPosts.sample()) {
      Score s = c.score(p);
      boolean gated = c.flags(screen.score(p));
      if (gated && "en".equals(LanguageIdentifier.reliableTag(p.lang()))) {
        expected++;
        assertThat(s.explanation().notes()).anyMatch(n -> n.startsWith("deep stage: CoreNLP"));
      } else {
        assertThat(s.explanation().notes()).anyMatch(n -> n.startsWith("deep stage: not run"));
        assertThat(s.factors()).isEqualTo(screen.score(p).factors());
      }
    }
    long[] counts = c.counts();
    assertThat(counts[0]).isEqualTo(RealPosts.sample().size());
    assertThat(counts[2]).isEqualTo(expected).isPositive().isLessThan(counts[0] / 10);
    assertThat(counts[3]).isZero(); // every sample post carries its platform's tag
  }

  @Test
  void hostilePostsAmongOrdinaryOnesAreScoredInOrderOnTwoThreads() {
    StringBuilder huge = new StringBuilder();
    while (huge.length() < 300_000) {
      huge.append("We must kill all the refugees in Calais tonight. ");
    }
    String odd =
        "kill \uD800 all \u202Egays\u202C \u0301\u0301\u0301 \uFEFF\u200B refugees must be"
            + " \uDFFF exterminated \uD83D\uDC80\u0000";
    List<Post> posts = new ArrayList<>(RealPosts.sample().subList(0, 40));
    posts.add(7, post(huge.toString(), "en").withId("huge"));
    posts.add(23, post(odd, "en").withId("odd"));
    posts.add(31, post(odd.repeat(500), null).withId("odd-long"));
    CascadeScorer c = cascade(2);
    List<Score> scores = c.scoreAll(posts);
    assertThat(scores).hasSize(posts.size());
    for (int i = 0; i < posts.size(); i++) {
      Score base = screen.score(posts.get(i));
      Score s = scores.get(i);
      assertThat(s.hate()).isEqualTo(base.hate());
      assertThat(s.offensive()).isEqualTo(base.offensive());
      if (s.incitement() < base.incitement()) { // lowered only with the reason in the notes
        assertThat(s.explanation().notes())
            .anyMatch(n -> n.startsWith("deep stage: CoreNLP") && n.contains("(x 0."));
      }
      assertThat(s.explanation().lexicon()).isEqualTo(base.explanation().lexicon());
    }
    assertThat(scores.get(7).explanation().notes())
        .anyMatch(n -> n.startsWith("deep stage: read the first 4000 of "));
    assertThat(scores.get(7).factors().content().evidence())
        .contains("CoreNLP: modal + violent verb: must kill");
    assertThat(scores.get(23).explanation().notes()).anyMatch(n -> n.startsWith("deep stage"));
  }
}
