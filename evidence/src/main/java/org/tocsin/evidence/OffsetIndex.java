package org.tocsin.evidence;

import java.util.Arrays;

/**
 * The in-memory map from seq to byte range: the end offset of every durable record, in a long array
 * that grows. Record {@code seq} starts where record {@code seq - 1} ends (the header's end for seq
 * 1). Thread-safe; the writer adds, readers look up.
 */
final class OffsetIndex {

  private final long firstStart;
  private long[] ends = new long[1024];
  private int count;

  OffsetIndex(long firstStart) {
    this.firstStart = firstStart;
  }

  /** Adds the next record's end offset. */
  synchronized void add(long end) {
    if (count == ends.length) {
      if (count >= Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("ledger index is full [got " + count + " records]");
      }
      ends = Arrays.copyOf(ends, (int) Math.min(Integer.MAX_VALUE - 16L, count * 2L));
    }
    ends[count++] = end;
  }

  /** Adds the end offsets of a batch, made visible to readers all at once. */
  synchronized void addAll(long[] batchEnds, int n) {
    for (int i = 0; i < n; i++) {
      add(batchEnds[i]);
    }
  }

  /** The number of durable records, which is also the last seq. */
  synchronized long count() {
    return count;
  }

  /** The offset just after the last durable record. */
  synchronized long end() {
    return count == 0 ? firstStart : ends[count - 1];
  }

  /** The start offset of record {@code seq}, which must be in {@code [1, count()]}. */
  synchronized long start(long seq) {
    return seq == 1 ? firstStart : ends[(int) seq - 2];
  }

  /** The end offset of record {@code seq}, which must be in {@code [1, count()]}. */
  synchronized long end(long seq) {
    return ends[(int) seq - 1];
  }
}
