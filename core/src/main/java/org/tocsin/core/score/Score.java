package org.tocsin.core.score;

import java.util.List;
import java.util.Objects;

/**
 * What the NLP stage concluded about a post: the Score contract of DESIGN.md.
 *
 * <p>{@code hate} and {@code offensive} are the probabilities of the three-way hate / offensive /
 * normal decision, so {@code normal = 1 - hate - offensive}; every other score lies in [0, 1].
 *
 * @param model the name of the model that made the score
 * @param version the model's version, so that history can be re-scored and compared
 * @param hate probability that the post is hate speech
 * @param offensive probability that the post is offensive but not hate speech
 * @param incitement how close the post comes to incitement, in [0, 1]
 * @param dehumanization how strongly the post dehumanises a group, in [0, 1]
 * @param targets the groups the post targets
 * @param factors the Rabat six-part test
 * @param explanation why
 */
public record Score(
    String model,
    String version,
    double hate,
    double offensive,
    double incitement,
    double dehumanization,
    List<TargetScore> targets,
    Factors factors,
    Explanation explanation) {

  /** Checks ranges and freezes the lists. */
  public Score {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(version, "version");
    Scores.checkUnit("hate", hate);
    Scores.checkUnit("offensive", offensive);
    if (hate + offensive > 1 + 1e-6) {
      throw new IllegalArgumentException(
          "hate + offensive must be <= 1 [got " + hate + " + " + offensive + "]");
    }
    Scores.checkUnit("incitement", incitement);
    Scores.checkUnit("dehumanization", dehumanization);
    targets = List.copyOf(targets == null ? List.of() : targets);
    factors = factors == null ? Factors.NONE : factors;
    explanation = explanation == null ? Explanation.NONE : explanation;
  }

  /** The probability of the third class, neither hate nor offensive. */
  public double normal() {
    return Math.max(0, 1 - hate - offensive);
  }

  /** The most likely of the three labels: {@code hate}, {@code offensive} or {@code normal}. */
  public String label() {
    double normal = normal();
    if (hate >= offensive && hate >= normal) {
      return "hate";
    }
    return offensive >= normal ? "offensive" : "normal";
  }
}
