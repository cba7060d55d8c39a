package org.tocsin.nlp.cascade;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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
 * The cascade over the real lexicon screen, real Lingua and real CoreNLP: 26 s here with CoreNLP
 * loading, so tagged slow.
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

  @Test
  void clearCallToViolenceGetsCoreNlpEvidence() {
    CascadeScorer c = new CascadeScorer(screen, lang, deep, CascadeSettings.DEFAULTS);
    Post p =
        post(
            "The refugees must be exterminated. Burn their camp in Calais tonight, ask Nigel Farage.",
            null);
    Score base = screen.score(p);
    Score s = c.score(p);
    assertThat(c.counts()).containsExactly(1L, 1L);
    assertThat(s.factors().content().evidence())
        .contains(
            "CoreNLP: modal + violent verb: must be exterminated",
            "CoreNLP: violent verb in the imperative: burn");
    assertThat(s.factors().intent().score()).isGreaterThanOrEqualTo(0.7);
    assertThat(s.factors().likelihood().evidence()).contains("CoreNLP: place named: Calais");
    assertThat(s.factors().context().evidence()).contains("CoreNLP: person named: Nigel Farage");
    assertThat(s.incitement()).isGreaterThan(base.incitement());
    assertThat(s.explanation().notes()).anyMatch(n -> n.startsWith("language: en (detected"));
  }

  @Test
  void onlyFlaggedEnglishPostsReachTheDeepStage() {
    CascadeScorer c = new CascadeScorer(screen, lang, deep, CascadeSettings.DEFAULTS);
    long expected = 0;
    for (Post p : RealPosts.sample()) {
      Score s = c.score(p);
      boolean flagged = c.flags(screen.score(p));
      boolean english = "en".equals(lang.identify(p.text(), p.lang()).lang());
      if (flagged && english) {
        expected++;
        assertThat(s.explanation().notes()).anyMatch(n -> n.startsWith("deep stage: CoreNLP"));
      } else {
        assertThat(s.explanation().notes()).anyMatch(n -> n.startsWith("deep stage: not run"));
        assertThat(s.factors()).isEqualTo(screen.score(p).factors());
      }
    }
    long[] counts = c.counts();
    assertThat(counts[0]).isEqualTo(RealPosts.sample().size());
    assertThat(counts[1]).isEqualTo(expected).isPositive().isLessThan(counts[0] / 2);
  }
}
