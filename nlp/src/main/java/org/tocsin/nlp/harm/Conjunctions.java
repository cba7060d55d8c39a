package org.tocsin.nlp.harm;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The adversative and causal conjunctions that open a new clause, per language: the scope of a
 * negation ends there ("they are not bad people but they are vermin"), except where the word before
 * makes it "only" ("nothing but a bullet").
 */
final class Conjunctions {
  private Conjunctions() {}

  private static final Map<String, Set<String>> BY_LANGUAGE =
      Map.of(
          "en", Set.of("but", "because", "although", "though", "however", "yet", "whereas"),
          "de", Set.of("aber", "sondern", "weil", "denn", "obwohl", "doch"),
          "fr", Set.of("mais", "car", "parce", "pourtant", "cependant"),
          "es", Set.of("pero", "sino", "porque", "aunque"),
          "ar", Set.of("\u0644\u0643\u0646", "\u0628\u0644", "\u0644\u0627\u0646")); // لكن بل لان

  /**
   * Words after which the conjunction means "only" or "except" and opens no clause: "nothing but a
   * bullet", "all but gone".
   */
  private static final Set<String> EXCEPTIVE_BEFORE =
      Set.of("nothing", "anything", "all", "everything", "none", "nobody", "noone");

  private static final Set<String> AND = Set.of("and", "und", "et", "y", "e", "\u0648", "&");

  /** Whether a word is "and" in some language (the Arabic prefix stands alone once split). */
  static boolean isAnd(String language, String word) {
    return AND.contains(word);
  }

  /** Starts a new clause at every such conjunction (clause numbers stay increasing). */
  static void split(String language, List<String> words, int[] clause) {
    Set<String> cut = BY_LANGUAGE.get(language);
    if (cut == null) {
      return;
    }
    int shift = 0;
    for (int k = 0; k < clause.length; k++) {
      if (k > 0
          && cut.contains(words.get(k))
          && !EXCEPTIVE_BEFORE.contains(words.get(k - 1))
          && clause[k] + shift == clause[k - 1]) {
        shift++;
      }
      clause[k] += shift;
    }
  }
}
