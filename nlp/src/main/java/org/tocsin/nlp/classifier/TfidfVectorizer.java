package org.tocsin.nlp.classifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.tocsin.nlp.text.Token;
import org.tocsin.nlp.text.WordTokenizer;

/**
 * Turns text into the TF-IDF vector the classifier reads: hashed n-gram counts ({@link
 * NgramHasher}), sublinear term frequency {@code 1 + ln(count)}, times the bucket's inverse
 * document frequency learnt on the training split. The word n-gram block and the character n-gram
 * block are each scaled to unit length and then added, so that the many character n-grams do not
 * drown the few word n-grams (as a union of two separately normalised TF-IDF vectorizers would).
 *
 * <p>The IDF of a bucket with document frequency {@code df} over {@code N} training posts is {@code
 * ln((1 + N) / (1 + df)) + 1}; buckets with {@code df < minDf} get 0, so n-grams never (or too
 * rarely) seen in training do not count. Immutable and thread-safe.
 */
public final class TfidfVectorizer {
  private final FeatureConfig config;
  private final NgramHasher hasher;
  private final float[] idf;

  /**
   * A vectorizer with the given IDF weights.
   *
   * @param idf one weight per bucket, {@code config.dimension()} of them (copied)
   */
  public TfidfVectorizer(FeatureConfig config, float[] idf) {
    this.config = Objects.requireNonNull(config, "config");
    Objects.requireNonNull(idf, "idf");
    if (idf.length != config.dimension()) {
      throw new IllegalArgumentException(
          "idf must have one weight per bucket [got " + idf.length + " for " + config + "]");
    }
    this.hasher = new NgramHasher(config);
    this.idf = idf.clone();
  }

  /**
   * Learns the IDF weights from training posts' token lists (never from validation or test).
   *
   * @param training the normalised tokens of each training post
   */
  public static TfidfVectorizer fit(FeatureConfig config, List<List<String>> training) {
    NgramHasher hasher = new NgramHasher(config);
    int[] df = new int[config.dimension()];
    for (List<String> tokens : training) {
      for (int index : hasher.counts(tokens).indices()) {
        df[index]++;
      }
    }
    double n = training.size();
    float[] idf = new float[df.length];
    for (int i = 0; i < df.length; i++) {
      idf[i] = df[i] < config.minDf() ? 0f : (float) (Math.log((1 + n) / (1 + df[i])) + 1);
    }
    return new TfidfVectorizer(config, idf);
  }

  /** The normalised words of a text, as the classifier reads them ({@link WordTokenizer}). */
  public static List<String> tokens(String text) {
    List<Token> tokens = WordTokenizer.tokenize(text).tokens();
    List<String> out = new ArrayList<>(tokens.size());
    for (Token t : tokens) {
      out.add(t.text());
    }
    return out;
  }

  /** The feature configuration. */
  public FeatureConfig config() {
    return config;
  }

  /** A copy of the IDF weights, one per bucket. */
  public float[] idf() {
    return idf.clone();
  }

  /**
   * The TF-IDF vector of a token list: the sum of the unit-length word block and the unit-length
   * character block (all zeros where no bucket has weight).
   */
  public SparseVector vectorize(List<String> tokens) {
    return SparseVectors.sum(weigh(hasher.wordCounts(tokens)), weigh(hasher.charCounts(tokens)));
  }

  private SparseVector weigh(SparseVector counts) {
    int[] indices = counts.indices();
    float[] values = counts.values();
    int kept = 0;
    double norm = 0;
    for (int i = 0; i < indices.length; i++) {
      float w = idf[indices[i]];
      if (w > 0) {
        float v = (float) ((1 + Math.log(values[i])) * w);
        indices[kept] = indices[i];
        values[kept] = v;
        norm += (double) v * v;
        kept++;
      }
    }
    int[] outIndices = Arrays.copyOf(indices, kept);
    float[] outValues = Arrays.copyOf(values, kept);
    if (norm > 0) {
      float scale = (float) (1 / Math.sqrt(norm));
      for (int i = 0; i < kept; i++) {
        outValues[i] *= scale;
      }
    }
    return new SparseVector(outIndices, outValues);
  }
}
