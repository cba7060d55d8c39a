package org.tocsin.nlp.harm;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The spelling a language's words are compared in, applied alike to vocabulary terms and to the
 * words of a post: lower case; accents dropped in French and Spanish (posts often leave them out:
 * "egorgez", "matenlos"); {@code ß} as {@code ss} in German; in Arabic the short vowels and tatweel
 * dropped and the hamza forms of alif, alif maqsura and ta marbuta written as their bare letters.
 */
final class Folding {
  private Folding() {}

  /** Folds one word (or a phrase of words) of the given language. */
  static String fold(String language, String word) {
    String s = word.toLowerCase(Locale.ROOT);
    switch (language) {
      case "fr", "es" -> {
        if (!ascii(s)) {
          s = stripMarks(s);
        }
      }
      case "de" -> s = s.replace("ß", "ss");
      case "ar" -> s = arabic(s);
      default -> {}
    }
    return s;
  }

  static boolean ascii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static String stripMarks(String s) {
    String d = Normalizer.normalize(s, Normalizer.Form.NFD);
    StringBuilder b = new StringBuilder(d.length());
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static String arabic(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= '\u064B' && c <= '\u0652') || c == '\u0670' || c == '\u0640') {
        continue; // short vowels, shadda, sukun, dagger alif, tatweel
      }
      switch (c) {
        case '\u0623', '\u0625', '\u0622', '\u0671' -> b.append('\u0627'); // أ إ آ ٱ → ا
        case '\u0649' -> b.append('\u064A'); // ى → ي
        case '\u0629' -> b.append('\u0647'); // ة → ه
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
