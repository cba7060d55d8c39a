package org.tocsin.nlp.cascade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.Score;
import org.tocsin.nlp.baseline.LexiconScorer;
import org.tocsin.nlp.corenlp.DeepAnalyzer;
import org.tocsin.nlp.lang.LanguageIdentifier;
import org.tocsin.testkit.RealPosts;

/** The cascade's screen and switch, fast: CoreNLP is never loaded here. */
class CascadeSwitchTest {

  @Test
  void screenFlagsAMinorityOfRealPostsAndTheSwitchKeepsCoreNlpUnloaded() {
    LexiconScorer screen = LexiconScorer.loadDefault();
    LanguageIdentifier lang = LanguageIdentifier.of(List.of("en", "ru", "uk"), 0.05);
    CascadeScorer c =
        new CascadeScorer(screen, lang, new DeepAnalyzer(), new CascadeSettings(false, 0.5, 0.3));
    int flagged = 0;
    for (Post p : RealPosts.sample()) {
      Score s = c.score(p);
      assertThat(s.explanation().notes()).contains("deep stage: off");
      assertThat(s.factors()).isEqualTo(screen.score(p).factors());
      flagged += c.flags(s) ? 1 : 0;
    }
    assertThat(c.counts()[1]).isZero();
    assertThat(flagged).isPositive().isLessThan(RealPosts.sample().size() / 2);
    Score kill = c.score(CascadeScorerTest.post("We must kill them all, burn the mosque", "en"));
    assertThat(c.flags(kill)).isTrue();
  }

  @Test
  void thresholdsAreChecked() {
    assertThatThrownBy(() -> new CascadeSettings(true, 1.5, 0.3))
        .hasMessageContaining("abusiveThreshold");
    assertThatThrownBy(() -> new CascadeSettings(true, 0.5, -1))
        .hasMessageContaining("lexiconThreshold");
  }
}
