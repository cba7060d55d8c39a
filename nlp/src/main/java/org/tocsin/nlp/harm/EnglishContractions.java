package org.tocsin.nlp.harm;

import java.util.Map;

/**
 * English contractions of a plural pronoun with its verb, read as two words ("they're" as "they"
 * "are"), so that the pronoun is resolved to its group and the verb plays its part: a copula before
 * a predicate ("they're filthy"), a norm's modal ("they'll be shot"). Written with or without the
 * apostrophe ("theyre"), as posts do.
 */
final class EnglishContractions {
  private EnglishContractions() {}

  private static final Map<String, String[]> SPLIT =
      Map.ofEntries(
          Map.entry("they're", new String[] {"they", "are"}),
          Map.entry("theyre", new String[] {"they", "are"}),
          Map.entry("they've", new String[] {"they", "have"}),
          Map.entry("theyve", new String[] {"they", "have"}),
          Map.entry("they'll", new String[] {"they", "will"}),
          Map.entry("theyll", new String[] {"they", "will"}),
          Map.entry("they'd", new String[] {"they", "would"}),
          Map.entry("theyd", new String[] {"they", "would"}),
          Map.entry("who're", new String[] {"who", "are"}),
          Map.entry("you're", new String[] {"you", "are"}),
          Map.entry("youre", new String[] {"you", "are"}),
          Map.entry("who've", new String[] {"who", "have"}));

  /** The two words a contraction stands for, or null if the word is none. */
  static String[] split(String word) {
    String[] s = SPLIT.get(word);
    return s == null ? null : s.clone();
  }
}
