package org.tocsin.nlp.encoder;

import java.util.Objects;

/**
 * One head over the encoder's vector: a logistic regression ({@code hidden == 0}) or one hidden
 * ReLU layer then a logistic output. Immutable; {@link #probability} is thread-safe.
 *
 * @param name what the head predicts ({@code hate}, {@code incitement})
 * @param hidden the width of the hidden layer, 0 for none
 * @param w1 the hidden layer's weights, {@code hidden × dimension} row-major (empty if none)
 * @param b1 the hidden layer's biases ({@code hidden})
 * @param w2 the output weights ({@code hidden}, or {@code dimension} without a hidden layer)
 * @param b2 the output bias
 */
public record EncoderHead(String name, int hidden, float[] w1, float[] b1, float[] w2, double b2) {

  /** Checks the shapes against {@link SentenceEncoder#DIMENSION}. */
  public EncoderHead {
    Objects.requireNonNull(name, "name");
    int d = SentenceEncoder.DIMENSION;
    if (hidden < 0 || hidden > 4096) {
      throw new IllegalArgumentException("hidden must be in [0, 4096] [got " + hidden + "]");
    }
    int in = hidden == 0 ? d : hidden;
    if (w2 == null || w2.length != in) {
      throw new IllegalArgumentException(
          "head " + name + ": w2 must have " + in + " weights [got " + len(w2) + "]");
    }
    if (hidden > 0
        && (w1 == null || w1.length != hidden * d || b1 == null || b1.length != hidden)) {
      throw new IllegalArgumentException(
          "head " + name + ": w1/b1 must be " + hidden + "×" + d + " [got " + len(w1) + "]");
    }
    if (hidden == 0) {
      w1 = new float[0];
      b1 = new float[0];
    }
    if (!Double.isFinite(b2)) {
      throw new IllegalArgumentException("head " + name + ": b2 must be finite [got " + b2 + "]");
    }
  }

  private static int len(float[] a) {
    return a == null ? -1 : a.length;
  }

  /** The head's probability for one encoder vector. */
  public double probability(float[] x) {
    return sigmoid(logit(x));
  }

  /** The head's logit for one encoder vector. */
  public double logit(float[] x) {
    int d = SentenceEncoder.DIMENSION;
    if (x.length != d) {
      throw new IllegalArgumentException(
          "vector must have " + d + " values [got " + x.length + "]");
    }
    double z = b2;
    if (hidden == 0) {
      for (int i = 0; i < d; i++) {
        z += w2[i] * x[i];
      }
      return z;
    }
    for (int h = 0; h < hidden; h++) {
      double a = b1[h];
      int row = h * d;
      for (int i = 0; i < d; i++) {
        a += w1[row + i] * x[i];
      }
      if (a > 0) {
        z += w2[h] * a;
      }
    }
    return z;
  }

  /** The logistic function, safe for large arguments. */
  public static double sigmoid(double z) {
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }
}
