package org.tocsin.nlp.classifier;

import java.util.Arrays;

/** Operations on {@link SparseVector}s. */
final class SparseVectors {
  private SparseVectors() {}

  /** The element-wise sum of two sparse vectors (a merge of their sorted indices). */
  static SparseVector sum(SparseVector a, SparseVector b) {
    int[] ai = a.indices();
    int[] bi = b.indices();
    int[] indices = new int[ai.length + bi.length];
    float[] values = new float[ai.length + bi.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < ai.length || j < bi.length) {
      if (j >= bi.length || (i < ai.length && ai[i] < bi[j])) {
        indices[n] = ai[i];
        values[n++] = a.values()[i++];
      } else if (i >= ai.length || bi[j] < ai[i]) {
        indices[n] = bi[j];
        values[n++] = b.values()[j++];
      } else {
        indices[n] = ai[i];
        values[n++] = a.values()[i++] + b.values()[j++];
      }
    }
    return new SparseVector(Arrays.copyOf(indices, n), Arrays.copyOf(values, n));
  }
}
