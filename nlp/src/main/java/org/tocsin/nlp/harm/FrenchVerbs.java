package org.tocsin.nlp.harm;

/**
 * Reads a French verb form the vocabulary does not list as the infinitive it does list, so that the
 * grammar's words of acts and dying reach every tense: the future and conditional ("massacrera",
 * "tueront", "abattrait"), the present and subjunctive ("crèvent", "chasse", "punissent") and the
 * agreement of participles ("tuées" for "tués"). Words are folded (no accents). Only forms of a
 * vocabulary act or word of dying ({@link HarmVocabulary#isVerb}) or of one of its participles are
 * read; anything else stays as it is.
 */
final class FrenchVerbs {
  private FrenchVerbs() {}

  /** Ending, then what replaces it, longest endings first within each conjugation. */
  private static final String[][] ENDINGS = {
    {"eraient", "er"},
    {"erions", "er"},
    {"eriez", "er"},
    {"erait", "er"},
    {"erais", "er"},
    {"erons", "er"},
    {"eront", "er"},
    {"erez", "er"},
    {"erai", "er"},
    {"eras", "er"},
    {"era", "er"},
    {"iraient", "ir"},
    {"irait", "ir"},
    {"irons", "ir"},
    {"iront", "ir"},
    {"irai", "ir"},
    {"ira", "ir"},
    {"raient", "re"},
    {"rait", "re"},
    {"rons", "re"},
    {"ront", "re"},
    {"rai", "re"},
    {"ra", "re"},
    {"issent", "ir"},
    {"issions", "ir"},
    {"issons", "ir"},
    {"isse", "ir"},
    {"ions", "er"},
    {"ent", "er"},
    {"ons", "er"},
    {"ez", "er"},
    {"es", "er"},
    {"e", "er"},
    {"ent", "re"},
    {"ent", "ir"},
  };

  /** Participle endings (folded), each tried as the others. */
  private static final String[] PARTICIPLE = {"ees", "es", "ee", "e"};

  /** The listed word a form is read as, or null. */
  static String base(String w, HarmVocabulary vocabulary) {
    if (w.length() < 5) {
      return null;
    }
    for (String[] e : ENDINGS) {
      if (w.endsWith(e[0]) && w.length() - e[0].length() >= 3) {
        String inf = w.substring(0, w.length() - e[0].length()) + e[1];
        if (vocabulary.isVerb(inf)) {
          return inf;
        }
      }
    }
    for (String e : PARTICIPLE) {
      if (w.endsWith(e) && w.length() - e.length() >= 2) {
        String stem = w.substring(0, w.length() - e.length());
        for (String f : PARTICIPLE) {
          if (!f.equals(e) && vocabulary.isContent(stem + f)) {
            return stem + f;
          }
        }
        break;
      }
    }
    return null;
  }
}
