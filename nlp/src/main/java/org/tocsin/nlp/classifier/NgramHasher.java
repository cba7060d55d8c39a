package org.tocsin.nlp.classifier;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Hashes word n-grams and character n-grams of a token list into term counts over {@code
 * 2^hashBits} buckets (the "hashing trick"). Word n-grams and character n-grams live in separate
 * namespaces of the hash. Character n-grams are taken within each word padded with one space on
 * each side, so {@code "kill"} gives {@code " ki", "kil", "ill", "ll "} and longer ones.
 *
 * <p>Stateless and thread-safe.
 */
public final class NgramHasher {
  private final FeatureConfig config;
  private final int mask;

  /** A hasher for the given configuration. */
  public NgramHasher(FeatureConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.mask = config.dimension() - 1;
  }

  /**
   * The raw term counts of a token list, word n-grams and character n-grams together: sorted
   * distinct buckets with how often each was hit.
   *
   * @param tokens normalised words, as {@link org.tocsin.nlp.text.WordTokenizer} gives them
   */
  public SparseVector counts(List<String> tokens) {
    SparseVector words = wordCounts(tokens);
    SparseVector chars = charCounts(tokens);
    return SparseVectors.sum(words, chars);
  }

  /** The counts of the word n-grams alone. */
  public SparseVector wordCounts(List<String> tokens) {
    Objects.requireNonNull(tokens, "tokens");
    int[] buckets = new int[Math.max(16, tokens.size() * config.wordNgramMax())];
    int n = 0;
    StringBuilder gram = new StringBuilder(64);
    for (int i = 0; i < tokens.size(); i++) {
      gram.setLength(0);
      gram.append('w');
      for (int len = 1; len <= config.wordNgramMax() && i + len <= tokens.size(); len++) {
        gram.append(' ').append(tokens.get(i + len - 1));
        buckets = grow(buckets, n);
        buckets[n++] = murmur3(gram, config.hashSeed()) & mask;
      }
    }
    return group(buckets, n);
  }

  /** The counts of the character n-grams alone (none if {@code charNgramMin} is 0). */
  public SparseVector charCounts(List<String> tokens) {
    Objects.requireNonNull(tokens, "tokens");
    int[] buckets = new int[estimate(tokens)];
    int n = 0;
    StringBuilder gram = new StringBuilder(16);
    if (config.charNgramMin() > 0) {
      for (String token : tokens) {
        String padded = ' ' + token + ' ';
        for (int len = config.charNgramMin(); len <= config.charNgramMax(); len++) {
          for (int start = 0; start + len <= padded.length(); start++) {
            gram.setLength(0);
            gram.append('c').append(padded, start, start + len);
            buckets = grow(buckets, n);
            buckets[n++] = murmur3(gram, config.hashSeed()) & mask;
          }
        }
      }
    }
    return group(buckets, n);
  }

  /**
   * The buckets of the word n-grams that contain token {@code i} (each once per occurrence), as
   * {@link #wordCounts} hashes them: what removing that token takes away from the word block.
   */
  int[] wordBucketsContaining(List<String> tokens, int i) {
    int max = config.wordNgramMax();
    int[] out = new int[max * (max + 1) / 2];
    int n = 0;
    StringBuilder gram = new StringBuilder(64);
    for (int len = 1; len <= max; len++) {
      for (int s = Math.max(0, i - len + 1); s <= i && s + len <= tokens.size(); s++) {
        gram.setLength(0);
        gram.append('w');
        for (int k = s; k < s + len; k++) {
          gram.append(' ').append(tokens.get(k));
        }
        out[n++] = murmur3(gram, config.hashSeed()) & mask;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * The buckets of the word n-grams that removing token {@code i} creates: those of the shorter
   * list that span the gap (they hold both the token before {@code i} and the one after).
   */
  int[] wordBucketsBridging(List<String> tokens, int i) {
    int max = config.wordNgramMax();
    int shorter = tokens.size() - 1;
    int[] out = new int[max * (max + 1) / 2];
    int n = 0;
    StringBuilder gram = new StringBuilder(64);
    for (int len = 2; len <= max; len++) {
      // in the shorter list, the n-gram [s, s + len) must hold positions i - 1 and i
      for (int s = Math.max(0, i - len + 1); s <= i - 1 && s + len <= shorter; s++) {
        gram.setLength(0);
        gram.append('w');
        for (int k = s; k < s + len; k++) {
          gram.append(' ').append(tokens.get(k < i ? k : k + 1));
        }
        out[n++] = murmur3(gram, config.hashSeed()) & mask;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** The buckets of one token's character n-grams, as {@link #charCounts} hashes them. */
  int[] charBuckets(String token) {
    if (config.charNgramMin() == 0) {
      return new int[0];
    }
    String padded = ' ' + token + ' ';
    int[] out = new int[16];
    int n = 0;
    StringBuilder gram = new StringBuilder(16);
    for (int len = config.charNgramMin(); len <= config.charNgramMax(); len++) {
      for (int start = 0; start + len <= padded.length(); start++) {
        gram.setLength(0);
        gram.append('c').append(padded, start, start + len);
        out = grow(out, n);
        out[n++] = murmur3(gram, config.hashSeed()) & mask;
      }
    }
    return Arrays.copyOf(out, n);
  }

  private int estimate(List<String> tokens) {
    int chars = 0;
    for (String t : tokens) {
      chars += t.length() + 2;
    }
    int perChar = Math.max(0, config.charNgramMax() - config.charNgramMin() + 1);
    return Math.max(16, chars * perChar);
  }

  private static int[] grow(int[] a, int n) {
    return n < a.length ? a : Arrays.copyOf(a, a.length * 2);
  }

  private static SparseVector group(int[] buckets, int n) {
    Arrays.sort(buckets, 0, n);
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || buckets[i] != buckets[i - 1]) {
        distinct++;
      }
    }
    int[] indices = new int[distinct];
    float[] counts = new float[distinct];
    int k = -1;
    for (int i = 0; i < n; i++) {
      if (i == 0 || buckets[i] != buckets[i - 1]) {
        indices[++k] = buckets[i];
      }
      counts[k]++;
    }
    return new SparseVector(indices, counts);
  }

  /** MurmurHash3 (x86, 32-bit) over the UTF-16 code units of {@code s}, two per 32-bit block. */
  static int murmur3(CharSequence s, int seed) {
    int h = seed;
    int len = s.length();
    int i = 0;
    for (; i + 1 < len; i += 2) {
      int k = s.charAt(i) | (s.charAt(i + 1) << 16);
      h ^= mixK(k);
      h = Integer.rotateLeft(h, 13) * 5 + 0xe6546b64;
    }
    if (i < len) {
      h ^= mixK(s.charAt(i));
    }
    h ^= len * 2;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  private static int mixK(int k) {
    k *= 0xcc9e2d51;
    k = Integer.rotateLeft(k, 15);
    return k * 0x1b873593;
  }
}
