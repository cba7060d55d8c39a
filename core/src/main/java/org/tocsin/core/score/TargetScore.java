package org.tocsin.core.score;

import java.util.Objects;

/**
 * A group a post targets.
 *
 * @param group the group, as a taxonomy name ({@code jewish}, {@code muslim}, {@code refugee} ...)
 * @param ground the legal ground on which the group is protected
 * @param confidence how sure the detector is, in [0, 1]
 */
public record TargetScore(String group, Ground ground, double confidence) {

  /** Checks the fields. */
  public TargetScore {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(ground, "ground");
    Scores.checkUnit("confidence", confidence);
  }
}
