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

  /**
   * The adversative conjunctions after which the speaker states their own view: what someone says
   * before "but" is a report, what follows it is not ("they say X are peaceful, but they are ...").
   */
  private static final Map<String, Set<String>> ADVERSATIVE =
      Map.of("en", Set.of("but", "yet", "however", "though", "although"));

  /** Whether a word is an adversative conjunction in the language (only English has a list). */
  static boolean isAdversative(String language, String word) {
    Set<String> a = ADVERSATIVE.get(language);
    return a != null && a.contains(word);
  }

  /**
   * The relative pronouns that, opening a clause right after a group ("X, who are ..."), stand for
   * that group (only English has a list: the others' relative pronouns are also articles or
   * conjunctions).
   */
  private static final Map<String, Set<String>> RELATIVE = Map.of("en", Set.of("who"));

  /** Whether a word is a relative pronoun for people in the language. */
  static boolean isRelative(String language, String word) {
    Set<String> r = RELATIVE.get(language);
    return r != null && r.contains(word);
  }

  /**
   * The second person, resolved to a group addressed by name in its own clause ("X, your days are
   * numbered", "we are coming for you, X"); only English has a list.
   */
  private static final Map<String, Set<String>> YOU =
      Map.of("en", Set.of("you", "your", "yourselves", "ya", "yall", "y'all", "u"));

  /** Whether a word is the second person in the language. */
  static boolean isYou(String language, String word) {
    Set<String> y = YOU.get(language);
    return y != null && y.contains(word);
  }

  /** Words that may stand in a vocative's clause besides the group: "hey X", "all you X". */
  private static final Set<String> VOCATIVE_EXTRA =
      Set.of("hey", "oi", "dear", "you", "all", "the", "listen", "ok", "okay", "so");

  /** Whether a word may stand beside a group addressed by name in its clause. */
  static boolean isVocativeExtra(String word) {
    return VOCATIVE_EXTRA.contains(word);
  }

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
