package org.tocsin.models.sgd;

import org.tocsin.nlp.classifier.SparseVector;

/**
 * AdaGrad for one dense layer over sparse inputs ({@code dimension} inputs, {@code outputs}
 * outputs, weights row-major by input), one post at a time, with an L2 penalty on the weight rows
 * the post touches only. The trainers give it the gradient of their loss at each output.
 */
public final class SparseAdaGrad {
  private final int outputs;
  private final double learningRate;
  private final double l2;
  private final float[] w;
  private final float[] b;
  private final float[] gw;
  private final double[] gb;

  /** A layer of zeros. */
  public SparseAdaGrad(int dimension, int outputs, double learningRate, double l2) {
    if (dimension < 1 || outputs < 1) {
      throw new IllegalArgumentException(
          "dimension and outputs must be positive [got " + dimension + ", " + outputs + "]");
    }
    this.outputs = outputs;
    this.learningRate = learningRate;
    this.l2 = l2;
    this.w = new float[dimension * outputs];
    this.b = new float[outputs];
    this.gw = new float[dimension * outputs];
    this.gb = new double[outputs];
  }

  /** The weights, live (row-major by input). */
  public float[] weights() {
    return w;
  }

  /** The biases, live. */
  public float[] biases() {
    return b;
  }

  /** One step on post {@code x}, given the loss gradient {@code g[k]} at each output. */
  public void step(SparseVector x, double[] g) {
    int[] idx = x.indices();
    float[] val = x.values();
    for (int k = 0; k < outputs; k++) {
      gb[k] += g[k] * g[k];
      b[k] -= (float) (learningRate * g[k] / Math.sqrt(gb[k] + 1e-8));
      for (int j = 0; j < idx.length; j++) {
        int at = idx[j] * outputs + k;
        double gj = g[k] * val[j] + l2 * w[at];
        gw[at] += (float) (gj * gj);
        w[at] -= (float) (learningRate * gj / Math.sqrt(gw[at] + 1e-8));
      }
    }
  }
}
