package org.tocsin.nlp.classifier;

import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The forward pass of an ensemble of {@code dense(ReLU) -> output(softmax)} DL4J networks, or of
 * single {@code output(softmax)} layers (multinomial logistic regression), computed on a sparse
 * input: the first layer adds up only the weight rows of the non-zero features, so a post with a
 * thousand active n-grams costs a thousand row additions instead of a dense product over all {@code
 * 2^hashBits} inputs. The members' first-layer rows are stored interleaved (row {@code f} of every
 * member side by side), so a feature's weights for the whole ensemble are one contiguous read: the
 * pass is bound by reading those rows from memory. Each member's arithmetic is that of running it
 * alone, in the same order, with the DL4J weights (tests compare with DL4J); immutable and
 * thread-safe.
 */
final class SparseMlp {
  private final int inputs;
  private final int members;
  private final int width; // first-layer outputs of all members together: one interleaved row
  private final int[] offset; // of each member in a row
  private final int[] memberWidth; // hidden units, or outputs for a linear member
  private final boolean[] linear; // a single softmax layer: no hidden layer
  private final int outputs;
  private final double[] weight; // of each member in the average
  private final float[] w0; // inputs x width, row-major, members interleaved within a row
  private final float[] b0; // width
  private final float[][] w1; // per member: hidden x outputs, row-major (empty when linear)
  private final float[][] b1;

  private SparseMlp(List<MultiLayerNetwork> nets, double[] weights) {
    this.members = nets.size();
    this.offset = new int[members];
    this.memberWidth = new int[members];
    this.linear = new boolean[members];
    this.w1 = new float[members][];
    this.b1 = new float[members][];
    this.weight = weights.clone();
    int total = 0;
    int in = -1;
    int out = -1;
    float[][] firstW = new float[members][];
    float[][] firstB = new float[members][];
    for (int m = 0; m < members; m++) {
      MultiLayerNetwork net = nets.get(m);
      INDArray w0Array = net.getLayer(0).getParam("W");
      in = (int) w0Array.rows();
      linear[m] = net.getnLayers() == 1;
      memberWidth[m] = (int) w0Array.columns();
      firstW[m] = w0Array.dup('c').data().asFloat();
      firstB[m] = net.getLayer(0).getParam("b").dup('c').data().asFloat();
      if (linear[m]) {
        out = memberWidth[m];
        w1[m] = new float[0];
        b1[m] = new float[0];
      } else {
        INDArray w1Array = net.getLayer(1).getParam("W");
        out = (int) w1Array.columns();
        w1[m] = w1Array.dup('c').data().asFloat();
        b1[m] = net.getLayer(1).getParam("b").dup('c').data().asFloat();
      }
      offset[m] = total;
      total += memberWidth[m];
    }
    this.inputs = in;
    this.outputs = out;
    this.width = total;
    this.w0 = new float[Math.multiplyExact(inputs, width)];
    this.b0 = new float[width];
    for (int m = 0; m < members; m++) {
      int mw = memberWidth[m];
      System.arraycopy(firstB[m], 0, b0, offset[m], mw);
      for (int f = 0; f < inputs; f++) {
        System.arraycopy(firstW[m], f * mw, w0, f * width + offset[m], mw);
      }
    }
  }

  /**
   * The sparse form of an ensemble, if every network is a ReLU dense layer followed by a softmax
   * output, or a softmax output layer alone, all over the same inputs to the same outputs.
   *
   * @param weights each network's weight in the average of their probabilities
   */
  static Optional<SparseMlp> of(List<MultiLayerNetwork> nets, double[] weights) {
    if (nets.isEmpty() || weights.length != nets.size()) {
      return Optional.empty();
    }
    for (MultiLayerNetwork net : nets) {
      if (!sparseShape(net)
          || net.layerInputSize(0) != nets.get(0).layerInputSize(0)
          || net.layerSize(net.getnLayers() - 1)
              != nets.get(0).layerSize(nets.get(0).getnLayers() - 1)) {
        return Optional.empty();
      }
    }
    return Optional.of(new SparseMlp(nets, weights));
  }

  private static boolean sparseShape(MultiLayerNetwork net) {
    if (net.getnLayers() == 1) {
      Layer only = net.getLayer(0).conf().getLayer();
      return only instanceof OutputLayer o && o.getActivationFn() instanceof ActivationSoftmax;
    }
    if (net.getnLayers() != 2) {
      return false;
    }
    Layer first = net.getLayer(0).conf().getLayer();
    Layer second = net.getLayer(1).conf().getLayer();
    return first instanceof DenseLayer d
        && d.getActivationFn() instanceof ActivationReLU
        && second instanceof OutputLayer o
        && o.getActivationFn() instanceof ActivationSoftmax;
  }

  /** Adds the members' weighted class probabilities for {@code x} into {@code out}. */
  void addProbabilities(SparseVector x, double[] out) {
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
    finish(h, out);
  }

  /**
   * The first layer's sums over one block of features before normalisation, {@code sum of weight(f)
   * * W0[f]} for every member: the state {@link #addProbabilitiesChanged} updates.
   */
  double[] blockSums(TfidfVectorizer.Block block) {
    double[] s = new double[width];
    int[] buckets = block.buckets;
    float[] weights = block.weights;
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
    return s;
  }

  /**
   * Adds the weighted class probabilities of a text whose word and character blocks have changed
   * from those {@code wordSums} and {@code charSums} were taken over: the first layer reads only
   * the changed buckets' rows, each block is rescaled to unit length and the rest of the networks
   * run as in {@link #addProbabilities}. Equal to vectorising the changed text afresh, up to float
   * rounding.
   */
  void addProbabilitiesChanged(
      double[] wordSums,
      TfidfVectorizer.Change word,
      double[] charSums,
      TfidfVectorizer.Change chars,
      double[] out) {
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
    finish(h, out);
  }

  private void addDelta(TfidfVectorizer.Change change, double[] s) {
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
  private void finish(double[] h, double[] out) {
    double[] z = new double[outputs];
    for (int m = 0; m < members; m++) {
      int off = offset[m];
      if (linear[m]) {
        System.arraycopy(h, off, z, 0, outputs);
      } else {
        float[] b = b1[m];
        float[] w = w1[m];
        for (int k = 0; k < outputs; k++) {
          z[k] = b[k];
        }
        for (int j = 0; j < memberWidth[m]; j++) {
          double a = Math.max(0, h[off + j]);
          if (a != 0) {
            for (int k = 0; k < outputs; k++) {
              z[k] += a * w[j * outputs + k];
            }
          }
        }
      }
      softmaxInto(z, weight[m], out);
    }
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
