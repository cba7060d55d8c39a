package org.tocsin.models.functional;

import java.util.Objects;

/**
 * What a scorer made of one case.
 *
 * @param fcase the case
 * @param tagged whether the post carried the case's language tag
 * @param predictedHate whether the score's label is {@code hate} ({@link
 *     org.tocsin.core.score.Score#label}: hate is the argmax of hate, offensive and normal, the
 *     rule {@code tocsin score} writes)
 * @param hate the hate probability
 * @param incitement the incitement score
 */
public record Outcome(
    FunctionalCase fcase, boolean tagged, boolean predictedHate, double hate, double incitement) {

  /** Checks the case is there. */
  public Outcome {
    Objects.requireNonNull(fcase, "fcase");
  }

  /** Whether the prediction matches the gold label. */
  public boolean correct() {
    return predictedHate == fcase.hateful();
  }
}
