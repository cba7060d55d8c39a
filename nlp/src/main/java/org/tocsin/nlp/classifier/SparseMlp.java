package org.tocsin.nlp.classifier;

import java.util.Optional;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The forward pass of a {@code dense(ReLU) -> output(softmax)} DL4J network, or of a single {@code
 * output(softmax)} layer (multinomial logistic regression), computed on a sparse input: the hidden
 * layer adds up only the weight rows of the non-zero features, so a post with a thousand active
 * n-grams costs a thousand row additions instead of a dense product over all {@code 2^hashBits}
 * inputs. Same weights, same function as the network (tests compare the two); immutable and
 * thread-safe.
 */
final class SparseMlp {
  private final int inputs;
  private final int hidden;
  private final int outputs;
  private final boolean linear; // a single softmax layer: w0 is inputs x outputs, no w1
  private final float[] w0; // inputs x hidden (or x outputs when linear), row-major
  private final float[] b0;
  private final float[] w1; // hidden x outputs, row-major
  private final float[] b1;

  private SparseMlp(MultiLayerNetwork net) {
    INDArray w0Array = net.getLayer(0).getParam("W");
    this.inputs = (int) w0Array.rows();
    this.w0 = w0Array.dup('c').data().asFloat();
    this.b0 = net.getLayer(0).getParam("b").dup('c').data().asFloat();
    this.linear = net.getnLayers() == 1;
    if (linear) {
      this.hidden = 0;
      this.outputs = (int) w0Array.columns();
      this.w1 = new float[0];
      this.b1 = new float[0];
    } else {
      this.hidden = (int) w0Array.columns();
      INDArray w1Array = net.getLayer(1).getParam("W");
      this.outputs = (int) w1Array.columns();
      this.w1 = w1Array.dup('c').data().asFloat();
      this.b1 = net.getLayer(1).getParam("b").dup('c').data().asFloat();
    }
  }

  /**
   * The sparse form of a network, if it is a ReLU dense layer followed by a softmax output, or a
   * softmax output layer alone.
   */
  static Optional<SparseMlp> of(MultiLayerNetwork net) {
    if (net.getnLayers() == 1) {
      Layer only = net.getLayer(0).conf().getLayer();
      return only instanceof OutputLayer o && o.getActivationFn() instanceof ActivationSoftmax
          ? Optional.of(new SparseMlp(net))
          : Optional.empty();
    }
    if (net.getnLayers() != 2) {
      return Optional.empty();
    }
    Layer first = net.getLayer(0).conf().getLayer();
    Layer second = net.getLayer(1).conf().getLayer();
    if (first instanceof DenseLayer d
        && d.getActivationFn() instanceof ActivationReLU
        && second instanceof OutputLayer o
        && o.getActivationFn() instanceof ActivationSoftmax) {
      return Optional.of(new SparseMlp(net));
    }
    return Optional.empty();
  }

  /**
   * Adds {@code weight} times this network's class probabilities for {@code x} into {@code out}.
   */
  void addProbabilities(SparseVector x, double weight, double[] out) {
    int width = linear ? outputs : hidden;
    double[] h = new double[width];
    for (int j = 0; j < width; j++) {
      h[j] = b0[j];
    }
    int[] indices = x.indices();
    float[] values = x.values();
    for (int i = 0; i < indices.length; i++) {
      int row = indices[i] * width;
      float v = values[i];
      for (int j = 0; j < width; j++) {
        h[j] += v * w0[row + j];
      }
    }
    finish(h, weight, out);
  }

  /**
   * The first layer's sums over one block of features before normalisation, {@code sum of weight(f)
   * * W0[f]}: the state {@link #addProbabilitiesChanged} updates.
   */
  double[] blockSums(TfidfVectorizer.Block block) {
    int width = linear ? outputs : hidden;
    double[] s = new double[width];
    addRows(block.buckets, block.weights, s);
    return s;
  }

  private void addRows(int[] buckets, float[] weights, double[] s) {
    int width = s.length;
    for (int i = 0; i < buckets.length; i++) {
      double v = weights[i];
      if (v == 0) {
        continue;
      }
      int row = buckets[i] * width;
      for (int j = 0; j < width; j++) {
        s[j] += v * w0[row + j];
      }
    }
  }

  /**
   * Adds {@code weight} times the class probabilities of a text whose word and character blocks
   * have changed from those {@code wordSums} and {@code charSums} were taken over: the first layer
   * reads only the changed buckets' rows, each block is rescaled to unit length and the rest of the
   * network runs as in {@link #addProbabilities}. Equal to vectorising the changed text afresh, up
   * to float rounding.
   */
  void addProbabilitiesChanged(
      double[] wordSums,
      TfidfVectorizer.Change word,
      double[] charSums,
      TfidfVectorizer.Change chars,
      double weight,
      double[] out) {
    int width = linear ? outputs : hidden;
    double[] hw = wordSums.clone();
    double[] hc = charSums.clone();
    addDelta(word, hw);
    addDelta(chars, hc);
    double sw = word.scale();
    double sc = chars.scale();
    double[] h = new double[width];
    for (int j = 0; j < width; j++) {
      h[j] = b0[j] + hw[j] * sw + hc[j] * sc;
    }
    finish(h, weight, out);
  }

  private void addDelta(TfidfVectorizer.Change change, double[] s) {
    int width = s.length;
    int[] buckets = change.buckets();
    double[] delta = change.delta();
    for (int i = 0; i < buckets.length; i++) {
      int row = buckets[i] * width;
      double d = delta[i];
      for (int j = 0; j < width; j++) {
        s[j] += d * w0[row + j];
      }
    }
  }

  /** From the first layer's pre-activations {@code h} to weighted probabilities added to out. */
  private void finish(double[] h, double weight, double[] out) {
    if (linear) {
      softmaxInto(h, weight, out);
      return;
    }
    double[] z = new double[outputs];
    for (int k = 0; k < outputs; k++) {
      z[k] = b1[k];
    }
    for (int j = 0; j < hidden; j++) {
      double a = Math.max(0, h[j]);
      if (a != 0) {
        for (int k = 0; k < outputs; k++) {
          z[k] += a * w1[j * outputs + k];
        }
      }
    }
    softmaxInto(z, weight, out);
  }

  private void softmaxInto(double[] z, double weight, double[] out) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (int k = 0; k < outputs; k++) {
      z[k] = Math.exp(z[k] - max);
      sum += z[k];
    }
    for (int k = 0; k < outputs; k++) {
      out[k] += weight * z[k] / sum;
    }
  }

  /** The input width. */
  int inputs() {
    return inputs;
  }
}
