package org.tocsin.evidence.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.tocsin.evidence.format.v1.Sha256;

/**
 * An append-only Merkle tree (RFC 9162 section 2.1) that keeps the hash of every complete, aligned
 * subtree: level {@code k} holds {@code MTH(D[i*2^k : (i+1)*2^k])} for every {@code i} with that
 * range filled. Appending a leaf is O(1) amortized and O(log n) at worst (it completes at most one
 * subtree per level); the root of any earlier size and every proof take O(log² n) hash operations
 * at worst, and none reads the leaves' data again. Memory is about 64 bytes per leaf.
 *
 * <p>Thread-safe: one writer appends while any number of readers ask for roots and proofs of any
 * size up to {@link #size()}.
 */
public final class MerkleTree {

  private final List<HashStore> levels = new ArrayList<>();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final MessageDigest writerDigest = Sha256.newDigest();

  /** An empty tree. */
  public MerkleTree() {
    levels.add(new HashStore());
  }

  /** Appends a leaf hash ({@link MerkleHash#leaf}, 32 bytes); the leaf index is the old size. */
  public void append(byte[] leafHash) {
    Objects.requireNonNull(leafHash, "leafHash");
    if (leafHash.length != MerkleHash.BYTES) {
      throw new IllegalArgumentException(
          "leaf hash must be 32 bytes [got " + leafHash.length + "]");
    }
    lock.writeLock().lock();
    try {
      levels.get(0).add(leafHash);
      byte[] carry = leafHash;
      for (int k = 0; (levels.get(k).size() & 1) == 0; k++) {
        // The new hash at level k completed a pair: their parent is the next hash at level k + 1.
        HashStore level = levels.get(k);
        carry = MerkleHash.node(writerDigest, level.get(level.size() - 2), carry);
        if (levels.size() == k + 1) {
          levels.add(new HashStore());
        }
        levels.get(k + 1).add(carry);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** The number of leaves. */
  public long size() {
    lock.readLock().lock();
    try {
      return levels.get(0).size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The leaf hash at {@code index} (0-based). */
  public byte[] leafHash(long index) {
    lock.readLock().lock();
    try {
      return levels.get(0).get(index);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The root hash of the whole tree as it is now. */
  public byte[] root() {
    lock.readLock().lock();
    try {
      return rootLocked(levels.get(0).size());
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The root hash of the tree of the first {@code treeSize} leaves, {@code MTH(D[0:treeSize])}.
   *
   * @throws IllegalArgumentException if {@code treeSize} is not in {@code [0, size()]}
   */
  public byte[] root(long treeSize) {
    lock.readLock().lock();
    try {
      checkSize(treeSize);
      return rootLocked(treeSize);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The inclusion proof (audit path) of leaf {@code index} in the tree of size {@code treeSize},
   * RFC 9162 section 2.1.3.1, lowest sibling first.
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < treeSize <= size()}
   */
  public List<byte[]> inclusionProof(long index, long treeSize) {
    lock.readLock().lock();
    try {
      checkSize(treeSize);
      if (index < 0 || index >= treeSize) {
        throw new IllegalArgumentException(
            "leaf index must be in [0, " + treeSize + ") [got " + index + "]");
      }
      List<byte[]> out = new ArrayList<>();
      path(index, 0, treeSize, out, new Hasher());
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The consistency proof between the trees of sizes {@code first} and {@code second}, RFC 9162
   * section 2.1.4.1; empty when {@code first} is 0 or equals {@code second}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= first <= second <= size()}
   */
  public List<byte[]> consistencyProof(long first, long second) {
    lock.readLock().lock();
    try {
      checkSize(second);
      if (first < 0 || first > second) {
        throw new IllegalArgumentException(
            "first size must be in [0, " + second + "] [got " + first + "]");
      }
      List<byte[]> out = new ArrayList<>();
      if (first > 0 && first < second) {
        subproof(first, 0, second, true, out, new Hasher());
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Bytes of hashes held in memory. */
  public long memoryBytes() {
    lock.readLock().lock();
    try {
      return levels.stream().mapToLong(HashStore::bytes).sum();
    } finally {
      lock.readLock().unlock();
    }
  }

  private void checkSize(long treeSize) {
    long size = levels.get(0).size();
    if (treeSize < 0 || treeSize > size) {
      throw new IllegalArgumentException(
          "tree size must be in [0, " + size + "] [got " + treeSize + "]");
    }
  }

  private byte[] rootLocked(long treeSize) {
    return treeSize == 0 ? MerkleHash.emptyRoot() : new Hasher().hash(0, treeSize);
  }

  /** PATH(m, D[lo:hi]) of RFC 9162, with m relative to lo. */
  private void path(long m, long lo, long hi, List<byte[]> out, Hasher h) {
    if (hi - lo <= 1) {
      return;
    }
    long k = MerkleHash.splitPoint(hi - lo);
    if (m < k) {
      path(m, lo, lo + k, out, h);
      out.add(h.hash(lo + k, hi));
    } else {
      path(m - k, lo + k, hi, out, h);
      out.add(h.hash(lo, lo + k));
    }
  }

  /** SUBPROOF(m, D[lo:hi], b) of RFC 9162. */
  private void subproof(long m, long lo, long hi, boolean b, List<byte[]> out, Hasher h) {
    long n = hi - lo;
    if (m == n) {
      if (!b) {
        out.add(h.hash(lo, hi));
      }
      return;
    }
    long k = MerkleHash.splitPoint(n);
    if (m <= k) {
      subproof(m, lo, lo + k, b, out, h);
      out.add(h.hash(lo + k, hi));
    } else {
      subproof(m - k, lo + k, hi, false, out, h);
      out.add(h.hash(lo, lo + k));
    }
  }

  /** Computes MTH(D[lo:hi]) from the stored complete subtrees; one digest per call tree. */
  private final class Hasher {
    private final MessageDigest md = Sha256.newDigest();

    byte[] hash(long lo, long hi) {
      long n = hi - lo;
      if (Long.bitCount(n) == 1 && lo % n == 0) {
        return levels.get(Long.numberOfTrailingZeros(n)).get(lo / n);
      }
      long k = MerkleHash.splitPoint(n);
      byte[] left = hash(lo, lo + k);
      byte[] right = hash(lo + k, hi);
      return MerkleHash.node(md, left, right);
    }
  }
}
