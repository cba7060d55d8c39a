package org.tocsin.core.score;

import java.util.List;

/**
 * One factor of the Rabat six-part test, scored with the evidence behind the score.
 *
 * @param score the factor's contribution, in [0, 1]
 * @param evidence what the score rests on, in words an analyst can check (tokens, lexicon hits,
 *     reach, velocity ...)
 */
public record Factor(double score, List<String> evidence) {

  /** A factor for which nothing was found. */
  public static final Factor NONE = new Factor(0, List.of());

  /** Checks the score and freezes the evidence. */
  public Factor {
    Scores.checkUnit("score", score);
    evidence = List.copyOf(evidence == null ? List.of() : evidence);
  }
}
