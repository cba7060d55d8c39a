package org.tocsin.nlp.harm;

/**
 * Reads a Spanish first-person future or conditional of an act ("mataré", "echaremos", "quemaría",
 * "expulsaríamos") as the periphrasis the grammar's threat leads know: "voy a" or "vamos a" and the
 * infinitive ("vamos a echar"), so that a threat needs no list of every conjugated form. Only an
 * infinitive the vocabulary lists as an act is read so; any other word stays whole. Stateless apart
 * from the vocabulary; thread-safe.
 */
final class SpanishVerbs {

  /** Endings after the infinitive (accents folded away): future and conditional, I and we. */
  private static final String[][] ENDINGS = {
    {"emos", "vamos"}, {"iamos", "vamos"}, {"ia", "voy"}, {"e", "voy"}
  };

  private final HarmVocabulary vocabulary;

  SpanishVerbs(HarmVocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  /** The periphrasis a conjugated act stands for ("voy", "a", "matar"), or null. */
  String[] periphrasis(String w) {
    for (String[] e : ENDINGS) {
      String ending = e[0];
      if (w.length() < ending.length() + 4 || !w.endsWith(ending)) {
        continue;
      }
      String infinitive = w.substring(0, w.length() - ending.length());
      if ((infinitive.endsWith("ar") || infinitive.endsWith("er") || infinitive.endsWith("ir"))
          && vocabulary.isAct(infinitive)) {
        return new String[] {e[1], "a", infinitive};
      }
    }
    return null;
  }
}
