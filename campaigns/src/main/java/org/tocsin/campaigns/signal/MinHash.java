package org.tocsin.campaigns.signal;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * MinHash signatures of shingle sets and their LSH band keys.
 *
 * <p>Each of the {@code permutations} hash functions is {@code mix(x ^ seed_i)} with the SplitMix64
 * finaliser as {@code mix} and seeds drawn from a fixed generator, so signatures are the same in
 * every run and on every node. The probability that two sets agree on one function equals their
 * Jaccard similarity {@code s}. With {@code b} bands of {@code r} rows, two sets become LSH
 * candidates with probability {@code 1 - (1 - s^r)^b}; for the default 20 bands x 3 rows (60
 * permutations) that is 0.15 at s = 0.2, 0.42 at 0.3, 0.73 at 0.4, 0.93 at 0.5, 0.992 at 0.6 and
 * 0.9998 at 0.7, with the steepest rise near {@code (1/b)^(1/r)} = 0.37. Candidates are then
 * verified against {@code text.similarity} (default 0.5 over word pairs, see {@code
 * campaigns-default.json}), so the curve governs recall and the threshold governs precision.
 *
 * <p>Only the low 8 bits of each minimum are kept for verifying candidates ("b-bit minwise
 * hashing", Li and König 2010): that is one byte per permutation (60 per text by default) instead
 * of four and adds a bias of {@code (1 - s) / 256} that {@link #similarity} removes.
 */
public final class MinHash {

  private final long[] seeds;
  private final int bands;
  private final int rows;

  /**
   * A MinHash family.
   *
   * @throws IllegalArgumentException if {@code permutations} is not {@code bands * rows}
   */
  public MinHash(int permutations, int bands) {
    if (bands < 1 || permutations % bands != 0) {
      throw new IllegalArgumentException(
          "permutations must be a multiple of bands [got " + permutations + ", " + bands + "]");
    }
    this.bands = bands;
    this.rows = permutations / bands;
    SplittableRandom r = new SplittableRandom(0x7c0c51aL);
    this.seeds = new long[permutations];
    Arrays.setAll(seeds, i -> r.nextLong());
  }

  /** Number of hash functions. */
  public int permutations() {
    return seeds.length;
  }

  /** Number of LSH bands. */
  public int bands() {
    return bands;
  }

  /** Writes the signature of {@code shingles} into {@code out} (length {@link #permutations()}). */
  public void signature(long[] shingles, int[] out) {
    Arrays.fill(out, Integer.MAX_VALUE);
    for (long x : shingles) {
      for (int i = 0; i < seeds.length; i++) {
        int h = (int) (mix(x ^ seeds[i]) >>> 33);
        if (h < out[i]) {
          out[i] = h;
        }
      }
    }
  }

  /** The 64-bit key of band {@code band} of a signature: equal rows give equal keys. */
  public long bandKey(int[] signature, int band) {
    long h = 0x9e3779b97f4a7c15L * (band + 1);
    for (int i = band * rows; i < (band + 1) * rows; i++) {
      h = mix(h ^ signature[i]);
    }
    return h;
  }

  /** The probability that two sets of Jaccard similarity {@code s} share at least one band key. */
  public double candidateProbability(double s) {
    return 1 - Math.pow(1 - Math.pow(s, rows), bands);
  }

  /**
   * Estimated Jaccard similarity of two b-bit signatures stored at {@code a} and {@code b} in
   * {@code sigs}, each {@link #permutations()} bytes long.
   */
  public double similarity(byte[] sigs, int a, int b) {
    int n = seeds.length;
    int same = 0;
    int oa = a * n;
    int ob = b * n;
    for (int i = 0; i < n; i++) {
      if (sigs[oa + i] == sigs[ob + i]) {
        same++;
      }
    }
    double p = (double) same / n;
    double c = 1.0 / 256;
    return Math.max(0, (p - c) / (1 - c));
  }

  /**
   * Estimated Jaccard similarity of two b-bit signatures held in their own arrays, each {@link
   * #permutations()} bytes long (the low 8 bits of each minimum, as in {@link #similarity(byte[],
   * int, int)}).
   */
  public double similarity(byte[] a, byte[] b) {
    int n = seeds.length;
    int same = 0;
    for (int i = 0; i < n; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    double p = (double) same / n;
    double c = 1.0 / 256;
    return Math.max(0, (p - c) / (1 - c));
  }

  /** The SplitMix64 finaliser: a bijective 64-bit mixing function. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
