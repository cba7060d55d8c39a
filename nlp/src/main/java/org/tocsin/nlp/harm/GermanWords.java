package org.tocsin.nlp.harm;

/**
 * Reads an inflected German adjective the vocabulary does not list as the form it does list
 * ("dreckigen", "ehrlichen" as "dreckig", "ehrlich"): German declines its attributes ("die
 * dreckigen X", "einen ehrlichen X"), and the vocabulary lists one or two forms. Only forms of a
 * listed derogatory, dehumanising or good quality ({@link HarmVocabulary#isQuality}) are read.
 */
final class GermanWords {
  private GermanWords() {}

  private static final String[] ENDINGS = {"en", "er", "es", "em", "e"};

  private static final String[] LISTED = {"", "e", "en"};

  /** The listed word an inflected form is read as, or null. */
  static String base(String w, HarmVocabulary vocabulary) {
    for (String e : ENDINGS) {
      if (w.endsWith(e) && w.length() - e.length() >= 4) {
        String stem = w.substring(0, w.length() - e.length());
        for (String f : LISTED) {
          if (!(stem + f).equals(w) && vocabulary.isQuality(stem + f)) {
            return stem + f;
          }
        }
      }
    }
    return null;
  }
}
