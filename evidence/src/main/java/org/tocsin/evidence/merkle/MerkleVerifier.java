package org.tocsin.evidence.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tocsin.evidence.format.v1.Sha256;

/**
 * Checks inclusion and consistency proofs with nothing but the proof, the leaf and the tree heads:
 * the algorithms of RFC 9162 sections 2.1.3.2 and 2.1.4.2, word for word. Stateless.
 */
public final class MerkleVerifier {

  private MerkleVerifier() {}

  /**
   * Whether {@code path} proves that the leaf with hash {@code leafHash} is leaf {@code index} of
   * the tree of size {@code treeSize} whose root is {@code root} (RFC 9162 section 2.1.3.2).
   */
  public static boolean verifyInclusion(
      byte[] leafHash, long index, long treeSize, List<byte[]> path, byte[] root) {
    byte[] r = rootFromInclusion(leafHash, index, treeSize, path);
    return r != null && MessageDigest.isEqual(r, root);
  }

  /**
   * The root that an inclusion proof leads to, or {@code null} if the proof is malformed for that
   * index and size (wrong length, or an index outside the tree).
   */
  public static byte[] rootFromInclusion(
      byte[] leafHash, long index, long treeSize, List<byte[]> path) {
    Objects.requireNonNull(leafHash, "leafHash");
    Objects.requireNonNull(path, "path");
    if (index < 0 || index >= treeSize || !wellFormed(path)) {
      return null;
    }
    MessageDigest md = Sha256.newDigest();
    long fn = index;
    long sn = treeSize - 1;
    byte[] r = leafHash.clone();
    for (byte[] p : path) {
      if (sn == 0) {
        return null;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = MerkleHash.node(md, p, r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        r = MerkleHash.node(md, r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 ? r : null;
  }

  /**
   * Whether {@code path} proves that the tree of size {@code second} with root {@code secondRoot}
   * extends the tree of size {@code first} with root {@code firstRoot} (RFC 9162 section 2.1.4.2).
   * Equal sizes need an empty proof and equal roots; size 0 needs an empty proof and the empty
   * root.
   */
  public static boolean verifyConsistency(
      long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> path) {
    Objects.requireNonNull(firstRoot, "firstRoot");
    Objects.requireNonNull(secondRoot, "secondRoot");
    Objects.requireNonNull(path, "path");
    if (first < 0 || first > second || !wellFormed(path)) {
      return false;
    }
    if (first == second) {
      return path.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
    }
    if (first == 0) {
      return path.isEmpty() && MessageDigest.isEqual(firstRoot, MerkleHash.emptyRoot());
    }
    if (path.isEmpty()) {
      return false;
    }
    List<byte[]> c = new ArrayList<>(path);
    if (Long.bitCount(first) == 1) {
      c.add(0, firstRoot);
    }
    MessageDigest md = Sha256.newDigest();
    long fn = first - 1;
    long sn = second - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    byte[] fr = c.get(0);
    byte[] sr = c.get(0);
    for (int i = 1; i < c.size(); i++) {
      byte[] v = c.get(i);
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = MerkleHash.node(md, v, fr);
        sr = MerkleHash.node(md, v, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        sr = MerkleHash.node(md, sr, v);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
  }

  private static boolean wellFormed(List<byte[]> path) {
    if (path.size() > 64) {
      return false;
    }
    for (byte[] p : path) {
      if (p == null || p.length != MerkleHash.BYTES) {
        return false;
      }
    }
    return true;
  }
}
