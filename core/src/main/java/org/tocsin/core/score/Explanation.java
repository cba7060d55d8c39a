package org.tocsin.core.score;

import java.util.List;

/**
 * Why a post got its score.
 *
 * @param tokens the tokens that drove the score, strongest first
 * @param lexicon lexicon and watchlist hits
 * @param notes plain-language remarks (rules that fired, limits of the model)
 */
public record Explanation(List<TokenWeight> tokens, List<LexiconHit> lexicon, List<String> notes) {

  /** An empty explanation. */
  public static final Explanation NONE = new Explanation(List.of(), List.of(), List.of());

  /** Freezes the lists. */
  public Explanation {
    tokens = List.copyOf(tokens == null ? List.of() : tokens);
    lexicon = List.copyOf(lexicon == null ? List.of() : lexicon);
    notes = List.copyOf(notes == null ? List.of() : notes);
  }
}
