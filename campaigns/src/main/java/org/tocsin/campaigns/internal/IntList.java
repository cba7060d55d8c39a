package org.tocsin.campaigns.internal;

import java.util.Arrays;

/** A growable list of {@code int}s without boxing. Not thread-safe. */
public final class IntList {
  private int[] values;
  private int size;

  /** An empty list. */
  public IntList() {
    this(4);
  }

  /** An empty list with room for {@code capacity} values. */
  public IntList(int capacity) {
    values = new int[Math.max(1, capacity)];
  }

  /** Appends a value. */
  public void add(int v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = v;
  }

  /** The value at {@code i}. */
  public int get(int i) {
    if (i >= size) {
      throw new IndexOutOfBoundsException("index " + i + " [size " + size + "]");
    }
    return values[i];
  }

  /** How many values the list holds. */
  public int size() {
    return size;
  }

  /** The last value, or {@code fallback} when empty. */
  public int lastOr(int fallback) {
    return size == 0 ? fallback : values[size - 1];
  }

  /** Sorts the values and removes repeats, in place. */
  public void sortUnique() {
    Arrays.sort(values, 0, size);
    int w = 0;
    for (int r = 0; r < size; r++) {
      if (w == 0 || values[r] != values[w - 1]) {
        values[w++] = values[r];
      }
    }
    size = w;
  }

  /** A copy of the values. */
  public int[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
