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

  /**
   * Whether the other vectorizer turns every text into the same vector as this one: the same
   * configuration and the same IDF weights (a hate and a target artifact trained on the same split
   * share them, so a post need be vectorised once for both).
   */
  public boolean sameFeatures(TfidfVectorizer other) {
    if (other == null) {
      return false;
    }
    if (other == this || other == knownSame) {
      return true;
    }
    if (!config.equals(other.config) || !Arrays.equals(idf, other.idf)) {
      return false;
    }
    knownSame = other;
    return true;
  }

  private volatile TfidfVectorizer knownSame; // one vectorizer found to give the same vectors

  /** The hasher, for incremental occlusion. */
  NgramHasher hasher() {
    return hasher;
  }

  /** The weighted word block of a token list, before normalisation. */
  Block wordBlock(List<String> tokens) {
    return new Block(hasher.wordCounts(tokens));
  }

  /** The weighted character block of a token list, before normalisation. */
  Block charBlock(List<String> tokens) {
    return new Block(hasher.charCounts(tokens));
  }

  /** The weight of a bucket hit {@code count} times, before normalisation, as {@link #weigh}. */
  private float weight(int bucket, int count) {
    float w = idf[bucket];
    return count > 0 && w > 0 ? (float) ((1 + Math.log(count)) * w) : 0f;
  }

  /**
   * One block (word or character n-grams) of a token list's TF-IDF vector before it is scaled to
   * unit length: its buckets, their counts and weights, and the squared length; {@link #without}
   * gives what changes when some n-grams are taken out, so that a model can update its sums instead
   * of reading the whole vector again.
   */
  final class Block {
    final int[] buckets; // distinct, increasing (all hit buckets, weight 0 included)
    final int[] counts;
    final float[] weights; // (1 + ln count) * idf, 0 where the idf is 0
    final double norm2; // sum of weights^2, summed in bucket order as weigh() does
    final int kept; // buckets of non-zero weight

    Block(SparseVector counts) {
      this.buckets = counts.indices();
      this.counts = new int[buckets.length];
      this.weights = new float[buckets.length];
      double sum = 0;
      int nonZero = 0;
      for (int i = 0; i < buckets.length; i++) {
        this.counts[i] = (int) counts.values()[i];
        weights[i] = weight(buckets[i], this.counts[i]);
        if (weights[i] > 0) {
          sum += (double) weights[i] * weights[i];
          nonZero++;
        }
      }
      this.norm2 = sum;
      this.kept = nonZero;
    }

    /**
     * What changes when the n-grams hashed to {@code removed} are taken out and those hashed to
     * {@code added} put in (a bucket may appear several times in each).
     */
    Change without(int[] removed, int[] added) {
      int[] rem = removed.clone();
      int[] add = added.clone();
      Arrays.sort(rem);
      Arrays.sort(add);
      int[] changed = new int[rem.length + add.length];
      double[] delta = new double[rem.length + add.length];
      int n = 0;
      double newNorm2 = norm2;
      int newKept = kept;
      int i = 0;
      int j = 0;
      while (i < rem.length || j < add.length) {
        int bucket = j >= add.length || (i < rem.length && rem[i] <= add[j]) ? rem[i] : add[j];
        int d = 0;
        while (i < rem.length && rem[i] == bucket) {
          d--;
          i++;
        }
        while (j < add.length && add[j] == bucket) {
          d++;
          j++;
        }
        if (d == 0 || idf[bucket] <= 0) {
          continue;
        }
        int at = Arrays.binarySearch(buckets, bucket);
        int count = at >= 0 ? counts[at] : 0;
        if (count + d < 0) {
          throw new IllegalStateException("n-gram removed more often than it occurs");
        }
        float before = at >= 0 ? weights[at] : 0f;
        float after = weight(bucket, count + d);
        newNorm2 += (double) after * after - (double) before * before;
        newKept += (after > 0 ? 1 : 0) - (before > 0 ? 1 : 0);
        changed[n] = bucket;
        delta[n++] = (double) after - before;
      }
      return new Change(
          Arrays.copyOf(changed, n), Arrays.copyOf(delta, n), newKept == 0 ? 0 : newNorm2, newKept);
    }
  }

  /**
   * A block with some n-grams taken out.
   *
   * @param buckets the buckets whose weight changes, increasing
   * @param delta each one's new weight minus its old
   * @param norm2 the block's new squared length before normalisation (0 if it is empty)
   * @param kept the block's new number of non-zero weights
   */
  record Change(int[] buckets, double[] delta, double norm2, int kept) {
    boolean none() {
      return buckets.length == 0;
    }

    /** The factor that scales the changed block to unit length (0 for an empty block). */
    double scale() {
      return kept > 0 && norm2 > 0 ? 1 / Math.sqrt(norm2) : 0;
    }
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
