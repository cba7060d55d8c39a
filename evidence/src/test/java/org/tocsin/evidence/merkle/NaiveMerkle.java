package org.tocsin.evidence.merkle;

import java.util.ArrayList;
import java.util.List;
import org.tocsin.evidence.format.v1.Sha256;

/** RFC 9162 section 2.1 transcribed literally, recursive over lists: the test oracle. */
final class NaiveMerkle {

  private NaiveMerkle() {}

  static long k(int n) {
    long k = 1;
    while (k * 2 < n) {
      k *= 2;
    }
    return k;
  }

  /** MTH(D[n]) over leaf hashes. */
  static byte[] mth(List<byte[]> d) {
    int n = d.size();
    if (n == 0) {
      return Sha256.digest(new byte[0]);
    }
    if (n == 1) {
      return d.get(0);
    }
    int k = (int) k(n);
    return MerkleHash.node(mth(d.subList(0, k)), mth(d.subList(k, n)));
  }

  /** PATH(m, D[n]). */
  static List<byte[]> path(int m, List<byte[]> d) {
    int n = d.size();
    List<byte[]> out = new ArrayList<>();
    if (n <= 1) {
      return out;
    }
    int k = (int) k(n);
    if (m < k) {
      out.addAll(path(m, d.subList(0, k)));
      out.add(mth(d.subList(k, n)));
    } else {
      out.addAll(path(m - k, d.subList(k, n)));
      out.add(mth(d.subList(0, k)));
    }
    return out;
  }

  /** PROOF(m, D[n]) for 0 < m < n. */
  static List<byte[]> proof(int m, List<byte[]> d) {
    return subproof(m, d, true);
  }

  private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
    int n = d.size();
    List<byte[]> out = new ArrayList<>();
    if (m == n) {
      if (!b) {
        out.add(mth(d));
      }
      return out;
    }
    int k = (int) k(n);
    if (m <= k) {
      out.addAll(subproof(m, d.subList(0, k), b));
      out.add(mth(d.subList(k, n)));
    } else {
      out.addAll(subproof(m - k, d.subList(k, n), false));
      out.add(mth(d.subList(0, k)));
    }
    return out;
  }
}
