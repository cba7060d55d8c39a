package org.tocsin.nlp.classifier;

import java.util.Objects;

/**
 * A sparse feature vector: distinct bucket indices in increasing order, with their values.
 *
 * @param indices the non-zero buckets, increasing
 * @param values the value of each bucket, same length as {@code indices}
 */
public record SparseVector(int[] indices, float[] values) {

  /** Checks that both arrays have the same length. */
  public SparseVector {
    Objects.requireNonNull(indices, "indices");
    Objects.requireNonNull(values, "values");
    if (indices.length != values.length) {
      throw new IllegalArgumentException(
          "indices and values differ in length [got "
              + indices.length
              + ", "
              + values.length
              + "]");
    }
  }

  /** The number of non-zero buckets. */
  public int size() {
    return indices.length;
  }

  /** Adds this vector into a dense row-major matrix at row {@code row} of width {@code width}. */
  public void scatter(float[] dense, int row, int width) {
    int base = row * width;
    for (int i = 0; i < indices.length; i++) {
      dense[base + indices[i]] = values[i];
    }
  }

  /** Zeroes what {@link #scatter} wrote, so that a dense buffer can be reused. */
  public void clear(float[] dense, int row, int width) {
    int base = row * width;
    for (int index : indices) {
      dense[base + index] = 0f;
    }
  }
}
