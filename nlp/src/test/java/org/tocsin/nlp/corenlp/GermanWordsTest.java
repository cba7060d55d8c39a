package org.tocsin.nlp.corenlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.LexiconHit;
import org.tocsin.nlp.baseline.LexiconScorer;

/** The German word lists, fast: CoreNLP is not loaded. */
class GermanWordsTest {

  @Test
  void everyOneWordVerbOfTheGermanLexiconsViolenceIsListed() {
    GermanDeepAnalyzer.Words w = GermanDeepAnalyzer.words();
    // the German lexicon's violence verbs, as the screen finds them in a post that has them all
    String text =
        "töten tötet umbringen erschießen erschießt abschlachten schlachten vergasen vergast"
            + " aufhängen aufknüpfen hängen verbrennen anzünden abfackeln ausrotten vernichten"
            + " ausmerzen lynchen erschlagen abstechen massakrieren abknallen prügeln verprügeln";
    List<LexiconHit> hits =
        LexiconScorer.loadDefault()
            .score(
                new Post(
                    "mastodon",
                    "1",
                    "https://example.social/@a/1",
                    new org.tocsin.core.post.Author("acct-1", "a", null, null, null),
                    java.time.Instant.parse("2024-05-01T12:00:00Z"),
                    text,
                    "de",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    org.tocsin.core.post.Metrics.UNKNOWN,
                    null,
                    null))
            .explanation()
            .lexicon();
    long violence = hits.stream().filter(h -> "violence".equals(h.category())).count();
    assertThat(violence).isGreaterThanOrEqualTo(20);
    for (LexiconHit h : hits) {
      String t = h.term().toLowerCase(Locale.ROOT);
      if ("violence".equals(h.category()) && !t.contains(" ")) {
        assertThat(w.infinitives().contains(t) || w.imperatives().containsKey(t))
            .as("lexicon violence verb %s in %s", t, GermanDeepAnalyzer.WORDS)
            .isTrue();
      }
    }
    assertThat(w.imperatives().get("hängt")).containsExactly("auf");
    assertThat(GermanDeepAnalyzer.eventNoun("terroranschlag")).isTrue();
    assertThat(GermanDeepAnalyzer.eventNoun("anschlags")).isTrue();
    assertThat(GermanDeepAnalyzer.eventNoun("flüchtlinge")).isFalse();
  }

  @Test
  void aBrokenListIsRefusedWithItsLine() {
    assertThatThrownBy(
            () ->
                GermanDeepAnalyzer.parse(new BufferedReader(new StringReader("# c\nimp\tTötet\n"))))
        .hasMessageContaining("line 2");
    assertThatThrownBy(
            () -> GermanDeepAnalyzer.parse(new BufferedReader(new StringReader("verb\ttöten\n"))))
        .hasMessageContaining("unknown kind");
  }
}
