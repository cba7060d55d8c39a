package org.tocsin.nlp.classifier;

/**
 * The three-way decision of {@link HateClassifier}: probabilities that sum to 1.
 *
 * @param hate probability of hate speech
 * @param offensive probability of offensive speech that is not hate speech
 * @param normal probability of neither
 */
public record Prediction(double hate, double offensive, double normal) {

  /** The most likely label: {@code hate}, {@code offensive} or {@code normal}. */
  public String label() {
    if (hate >= offensive && hate >= normal) {
      return "hate";
    }
    return offensive >= normal ? "offensive" : "normal";
  }

  /** {@code hate + offensive}: how far the post is from normal, the quantity occlusion explains. */
  public double abusive() {
    return hate + offensive;
  }
}
