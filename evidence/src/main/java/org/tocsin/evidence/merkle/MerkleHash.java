package org.tocsin.evidence.merkle;

import java.security.MessageDigest;
import org.tocsin.evidence.format.v1.Sha256;

/**
 * The hash functions of RFC 9162 section 2.1.1 with SHA-256: {@code leaf = SHA-256(0x00 || data)},
 * {@code node = SHA-256(0x01 || left || right)}, and the root of the empty tree {@code SHA-256()}.
 */
public final class MerkleHash {

  /** The prefix byte of a leaf hash. */
  public static final byte LEAF_PREFIX = 0x00;

  /** The prefix byte of an interior node hash. */
  public static final byte NODE_PREFIX = 0x01;

  /** Length of every hash: 32 bytes. */
  public static final int BYTES = 32;

  private static final byte[] EMPTY_ROOT = Sha256.digest(new byte[0]);

  private MerkleHash() {}

  /** The leaf hash of some bytes: {@code SHA-256(0x00 || data)}. */
  public static byte[] leaf(byte[] data) {
    MessageDigest md = Sha256.newDigest();
    md.update(LEAF_PREFIX);
    md.update(data);
    return md.digest();
  }

  /** The hash of an interior node: {@code SHA-256(0x01 || left || right)}. */
  public static byte[] node(byte[] left, byte[] right) {
    return node(Sha256.newDigest(), left, right);
  }

  /** As {@link #node(byte[], byte[])}, with a digest the caller reuses (it is reset). */
  public static byte[] node(MessageDigest md, byte[] left, byte[] right) {
    md.reset();
    md.update(NODE_PREFIX);
    md.update(left);
    md.update(right);
    return md.digest();
  }

  /** The root hash of the empty tree, {@code SHA-256()} of no bytes. */
  public static byte[] emptyRoot() {
    return EMPTY_ROOT.clone();
  }

  /** The largest power of two strictly less than {@code n}, which must be at least 2. */
  static long splitPoint(long n) {
    return Long.highestOneBit(n - 1);
  }
}
