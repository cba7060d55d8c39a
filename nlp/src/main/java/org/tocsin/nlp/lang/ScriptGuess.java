package org.tocsin.nlp.lang;

import java.lang.Character.UnicodeScript;
import java.util.Locale;

/**
 * A language read from the script alone, for posts the platform did not tag: cheap (one pass over
 * the code points, no model), and only where the script all but decides the language among those
 * Tocsin has models for. Myanmar script is Burmese ({@code my}); Ethiopic is Amharic ({@code am};
 * Tigrinya shares the script, so the guess says "Ethiopic" in its reason); Arabic script is Arabic
 * ({@code ar}) only when none of the letters Persian, Urdu, Pashto and Kurdish add to it (پ چ ژ گ ک
 * ی ٹ ڈ ڑ ں ے ۆ ێ ڕ) appears. Latin, Cyrillic and the other scripts are shared by too many
 * languages: no guess.
 *
 * <p>A guess needs at least {@value #MIN_LETTERS} letters, {@value #MIN_SHARE_PERCENT} % of them in
 * the script. @-handles, URLs and hashtags count like any letters: a post that is mostly a Latin
 * handle gets no guess, which errs on the side of the fallback model.
 *
 * @param language the ISO 639-1 code
 * @param reason why, for the Score's notes ("84 % of 57 letters are Myanmar script")
 */
public record ScriptGuess(String language, String reason) {

  /** The fewest letters a guess is made from. */
  public static final int MIN_LETTERS = 8;

  /** The share of the letters that must be in the script. */
  public static final int MIN_SHARE_PERCENT = 60;

  private static final String NOT_ARABIC = "پچژگکیٹڈڑںےۆێڕ";

  /** The guess for a text; {@code null} if the script does not decide. */
  public static ScriptGuess of(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    int letters = 0;
    int myanmar = 0;
    int ethiopic = 0;
    int arabic = 0;
    boolean notArabic = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isLetter(cp)
          && Character.getType(cp) != Character.NON_SPACING_MARK
          && Character.getType(cp) != Character.COMBINING_SPACING_MARK) {
        continue;
      }
      letters++;
      if (cp < 0x0370) {
        continue; // Latin, IPA and combining marks: none of the scripts counted here (no look-up)
      }
      UnicodeScript s = UnicodeScript.of(cp);
      if (s == UnicodeScript.MYANMAR) {
        myanmar++;
      } else if (s == UnicodeScript.ETHIOPIC) {
        ethiopic++;
      } else if (s == UnicodeScript.ARABIC) {
        arabic++;
        notArabic |= NOT_ARABIC.indexOf(cp) >= 0;
      }
    }
    if (letters < MIN_LETTERS) {
      return null;
    }
    if (share(myanmar, letters)) {
      return new ScriptGuess("my", reason(myanmar, letters, "Myanmar"));
    }
    if (share(ethiopic, letters)) {
      return new ScriptGuess("am", reason(ethiopic, letters, "Ethiopic (Amharic or Tigrinya)"));
    }
    if (share(arabic, letters) && !notArabic) {
      return new ScriptGuess(
          "ar", reason(arabic, letters, "Arabic, with none of the Persian or Urdu letters"));
    }
    return null;
  }

  private static boolean share(int n, int letters) {
    return n * 100 >= letters * MIN_SHARE_PERCENT;
  }

  private static String reason(int n, int letters, String script) {
    return String.format(
        Locale.ROOT,
        "%d %% of %d letters are %s script",
        Math.round(100.0 * n / letters),
        letters,
        script);
  }
}
