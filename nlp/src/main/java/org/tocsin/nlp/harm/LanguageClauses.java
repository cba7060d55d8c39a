package org.tocsin.nlp.harm;

/**
 * Constructions one language adds to the harm grammar's shared ones, read over a {@link
 * GrammarView}: French subjunctive wishes and future threats ({@link FrenchClauses}), German
 * predictions of a group's death and gapped verbs of hatred ({@link GermanClauses}).
 */
interface LanguageClauses {

  /** Records every construction of this language found in one analysis. */
  void find(GrammarView v);

  /** The language's own constructions, or null if it has none. */
  static LanguageClauses of(String language) {
    return switch (language) {
      case "fr" -> new FrenchClauses();
      case "de" -> new GermanClauses();
      default -> null;
    };
  }
}
