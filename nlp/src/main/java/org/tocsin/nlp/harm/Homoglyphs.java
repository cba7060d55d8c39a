package org.tocsin.nlp.harm;

/**
 * Cyrillic and Greek letters that look like Latin ones, mapped to those Latin letters, so that
 * {@code кіll} (Cyrillic к and і) reads as {@code kill}.
 */
final class Homoglyphs {
  private Homoglyphs() {}

  private static final String FROM = "аеорсухіјѕԁԛԝкмнтвгпɡɑοαερτυνικχηβμ";
  private static final String TO = "aeopcyxijsdqwkmhtbrnga" + "oaeptuvikxnbu";

  static {
    if (FROM.length() != TO.length()) {
      throw new AssertionError("homoglyph tables differ in length");
    }
  }

  /** The word with every look-alike letter replaced by its Latin twin. */
  static String toLatin(String w) {
    StringBuilder b = null;
    for (int i = 0; i < w.length(); i++) {
      int k = FROM.indexOf(w.charAt(i));
      if (k >= 0) {
        if (b == null) {
          b = new StringBuilder(w);
        }
        b.setCharAt(i, TO.charAt(k));
      }
    }
    return b == null ? w : b.toString();
  }

  /** Whether the word mixes Latin letters with Cyrillic or Greek ones. */
  static boolean mixed(String w) {
    boolean latin = false;
    boolean other = false;
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (c < 0x80 && Character.isLetter(c)) {
        latin = true;
      } else if (c >= 0x370 && c <= 0x52F) {
        other = true;
      }
    }
    return latin && other;
  }
}
