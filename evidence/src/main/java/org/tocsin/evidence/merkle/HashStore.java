package org.tocsin.evidence.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * A growable list of 32-byte hashes in fixed-size chunks, so that growing never copies what is
 * stored. Not thread-safe; {@link MerkleTree} guards it.
 */
final class HashStore {

  private static final int CHUNK_SHIFT = 12;
  private static final int CHUNK_HASHES = 1 << CHUNK_SHIFT;
  private static final int MASK = CHUNK_HASHES - 1;

  private final List<byte[]> chunks = new ArrayList<>();
  private long size;

  long size() {
    return size;
  }

  void add(byte[] hash) {
    int slot = (int) (size & MASK);
    if (slot == 0) {
      chunks.add(new byte[CHUNK_HASHES * MerkleHash.BYTES]);
    }
    System.arraycopy(
        hash, 0, chunks.get(chunks.size() - 1), slot * MerkleHash.BYTES, MerkleHash.BYTES);
    size++;
  }

  byte[] get(long i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("hash index out of [0, " + size + ") [got " + i + "]");
    }
    byte[] out = new byte[MerkleHash.BYTES];
    byte[] chunk = chunks.get((int) (i >>> CHUNK_SHIFT));
    System.arraycopy(chunk, (int) (i & MASK) * MerkleHash.BYTES, out, 0, MerkleHash.BYTES);
    return out;
  }

  /** Bytes held, for sizing. */
  long bytes() {
    return (long) chunks.size() * CHUNK_HASHES * MerkleHash.BYTES;
  }
}
