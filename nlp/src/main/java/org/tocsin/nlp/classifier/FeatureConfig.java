package org.tocsin.nlp.classifier;

/**
 * How a text becomes a feature vector; recorded in every artifact so that training and inference
 * hash the same way.
 *
 * @param hashBits the feature space has {@code 2^hashBits} buckets
 * @param wordNgramMax word n-grams of length 1 to this
 * @param charNgramMin shortest character n-gram (within a word padded with spaces)
 * @param charNgramMax longest character n-gram
 * @param minDf buckets seen in fewer training posts than this get weight 0 at train and inference
 * @param hashSeed the seed of the MurmurHash3 used for bucketing
 */
public record FeatureConfig(
    int hashBits, int wordNgramMax, int charNgramMin, int charNgramMax, int minDf, int hashSeed) {

  /** Checks the ranges. */
  public FeatureConfig {
    check("hashBits", hashBits, 4, 24);
    check("wordNgramMax", wordNgramMax, 1, 4);
    check("charNgramMin", charNgramMin, 0, 8);
    check("charNgramMax", charNgramMax, charNgramMin, 8);
    check("minDf", minDf, 1, 1000);
  }

  /** The number of buckets, {@code 2^hashBits}. */
  public int dimension() {
    return 1 << hashBits;
  }

  private static void check(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must lie in [" + min + ", " + max + "] [got " + value + "]");
    }
  }
}
