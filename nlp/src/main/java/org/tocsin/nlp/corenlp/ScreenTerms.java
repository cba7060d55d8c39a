package org.tocsin.nlp.corenlp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tocsin.core.score.LexiconHit;

/**
 * What a deep stage takes from the screen's lexicon hits: the {@code violence} terms, each as its
 * lower-cased words (looked up in CoreNLP's tokens to see how each is used), and the words of the
 * {@code group}, {@code slur} and {@code dehumanization} terms (the targets a call's verb may
 * have).
 */
record ScreenTerms(List<String[]> violence, Set<String> targetWords) {

  private static final Set<String> TARGET_CATEGORIES = Set.of("group", "slur", "dehumanization");

  /** Reads the hits; {@code null} is none. */
  static ScreenTerms of(List<LexiconHit> hits) {
    List<String[]> violence = new ArrayList<>();
    Set<String> targetWords = new HashSet<>();
    for (LexiconHit h : hits == null ? List.<LexiconHit>of() : hits) {
      if ("violence".equals(h.category())) {
        violence.add(lower(h.term()).split(" "));
      } else if (TARGET_CATEGORIES.contains(h.category())) {
        targetWords.addAll(List.of(lower(h.term()).split(" ")));
      }
    }
    return new ScreenTerms(violence, targetWords);
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }
}
