package org.tocsin.nlp.lang;

import java.util.Locale;
import java.util.Objects;

/**
 * The language settled on for a post, and on what basis.
 *
 * @param lang ISO 639-1 code, or {@code null} when neither the platform nor Lingua knows
 * @param basis how {@code lang} was reached
 * @param detected Lingua's most likely language (ISO 639-1), or {@code null} if it found none
 * @param margin Lingua's relative confidence gap between its first and second choice, in [0, 1]
 */
public record LanguageGuess(String lang, Basis basis, String detected, double margin) {

  /** How a language was settled on. */
  public enum Basis {
    /** The platform's tag, taken as it is: Lingua was not run. */
    TAGGED,
    /** Not settled: nothing needed the language (no tag, and the post was not a deep candidate). */
    NOT_NEEDED,
    /** The platform declared it and Lingua agrees. */
    CONFIRMED,
    /** Lingua is sure; the platform declared nothing or something else. */
    DETECTED,
    /** Lingua is unsure or disagrees without confidence: the platform's language is kept. */
    DECLARED,
    /** The platform declared a language outside the configured set: kept unchecked. */
    UNCHECKED,
    /** Nothing declared and Lingua unsure. */
    UNKNOWN
  }

  /** Checks that the basis is given. */
  public LanguageGuess {
    Objects.requireNonNull(basis, "basis");
  }

  /** A one-line note for a Score's explanation. */
  public String note() {
    if (basis == Basis.TAGGED) {
      return "language: " + lang + " (the platform's tag; Lingua not run)";
    }
    if (basis == Basis.NOT_NEEDED) {
      return "language: unknown (no usable platform tag; Lingua not run: the deep stage did not"
          + " need it)";
    }
    return String.format(
        Locale.ROOT,
        "language: %s (%s; Lingua's guess %s, margin %.2f)",
        lang == null ? "unknown" : lang,
        basis.name().toLowerCase(Locale.ROOT),
        detected == null ? "none" : detected,
        margin);
  }
}
