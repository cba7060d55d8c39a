package org.tocsin.models.hatexplain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tocsin.nlp.classifier.ArtifactManifest;

/**
 * Hyper-parameters of the MLP, chosen on HateXplain's validation split.
 *
 * @param hidden width of the hidden ReLU layer
 * @param inputRetain probability of keeping an input feature during training (DL4J dropout)
 * @param hiddenRetain probability of keeping a hidden unit during training
 * @param learningRate Adam's learning rate
 * @param l2 L2 penalty on the weights
 * @param batchSize posts per update
 * @param maxEpochs training stops after this many epochs at most
 * @param patience and after this many epochs without a better validation macro-F1
 * @param classWeighting {@code none}, {@code sqrt} or {@code balanced} inverse-frequency loss
 *     weights
 * @param seed the seed of weight initialisation, dropout and shuffling
 */
public record TrainConfig(
    int hidden,
    double inputRetain,
    double hiddenRetain,
    double learningRate,
    double l2,
    int batchSize,
    int maxEpochs,
    int patience,
    String classWeighting,
    long seed) {

  /** Checks the values. */
  public TrainConfig {
    if (hidden < 1 || batchSize < 1 || maxEpochs < 1 || patience < 1) {
      throw new IllegalArgumentException("sizes must be positive [got " + this + "]");
    }
    if (!(inputRetain > 0 && inputRetain <= 1 && hiddenRetain > 0 && hiddenRetain <= 1)) {
      throw new IllegalArgumentException("retain probabilities lie in (0, 1] [got " + this + "]");
    }
    if (!classWeighting.equals("none")
        && !classWeighting.equals("sqrt")
        && !classWeighting.equals("balanced")) {
      throw new IllegalArgumentException(
          "classWeighting must be none, sqrt or balanced [got " + classWeighting + "]");
    }
  }

  /** The same configuration with another seed (for the members of an ensemble). */
  public TrainConfig withSeed(long newSeed) {
    return new TrainConfig(
        hidden,
        inputRetain,
        hiddenRetain,
        learningRate,
        l2,
        batchSize,
        maxEpochs,
        patience,
        classWeighting,
        newSeed);
  }

  /** Loss weights per class from the training label counts. */
  public double[] classWeights(int[] counts) {
    double total = 0;
    for (int c : counts) {
      total += c;
    }
    double[] w = new double[counts.length];
    for (int i = 0; i < counts.length; i++) {
      double balanced = total / (counts.length * (double) counts[i]);
      w[i] =
          switch (classWeighting) {
            case "balanced" -> balanced;
            case "sqrt" -> Math.sqrt(balanced);
            default -> 1;
          };
    }
    return w;
  }

  /** The values as JSON. */
  public ObjectNode toJson() {
    return ArtifactManifest.newObject()
        .put("hidden", hidden)
        .put("inputRetain", inputRetain)
        .put("hiddenRetain", hiddenRetain)
        .put("learningRate", learningRate)
        .put("l2", l2)
        .put("batchSize", batchSize)
        .put("maxEpochs", maxEpochs)
        .put("patience", patience)
        .put("classWeighting", classWeighting)
        .put("seed", seed);
  }
}
