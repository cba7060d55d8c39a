package org.tocsin.models.targets;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.tocsin.models.sgd.SparseAdaGrad;
import org.tocsin.nlp.classifier.SparseVector;

/**
 * One logistic regression per group on the sparse TF-IDF vectors (binary cross-entropy, L2 penalty
 * on the rows a post touches), fitted by AdaGrad one post at a time, the epoch kept by validation
 * micro-F1 at the best per-group thresholds. Written as a DL4J network of one sigmoid {@link
 * OutputLayer} with each group's threshold folded into its bias, so that 0.5 is the decision point.
 */
final class MultiLabelTrainer {
  private final double learningRate;
  private final double l2;
  private final int maxEpochs;
  private final long seed;
  private final PrintStream log;

  MultiLabelTrainer(double learningRate, double l2, int maxEpochs, long seed, PrintStream log) {
    this.learningRate = learningRate;
    this.l2 = l2;
    this.maxEpochs = maxEpochs;
    this.seed = seed;
    this.log = log;
  }

  /**
   * Fitted weights ({@code w} is {@code dimension x labels}, row-major) and the thresholds chosen.
   */
  record Model(
      int dimension,
      int labels,
      float[] w,
      float[] b,
      double[] thresholds,
      int bestEpoch,
      MultiLabelEvaluation val) {

    double[][] raw(List<SparseVector> rows) {
      double[][] out = new double[rows.size()][];
      for (int i = 0; i < rows.size(); i++) {
        out[i] = sigmoid(w, b, labels, rows.get(i));
      }
      return out;
    }

    /** The network: the bias of label k shifted by {@code -logit(threshold k)}. */
    MultiLayerNetwork toNetwork() {
      float[] shifted = b.clone();
      for (int k = 0; k < labels; k++) {
        double t = Math.min(0.99, Math.max(0.01, thresholds[k]));
        shifted[k] -= (float) Math.log(t / (1 - t));
      }
      MultiLayerConfiguration conf =
          new NeuralNetConfiguration.Builder()
              .seed(0)
              .dataType(DataType.FLOAT)
              .list()
              .layer(
                  new OutputLayer.Builder(LossFunctions.LossFunction.XENT)
                      .nIn(dimension)
                      .nOut(labels)
                      .activation(Activation.SIGMOID)
                      .build())
              .build();
      MultiLayerNetwork net = new MultiLayerNetwork(conf);
      net.init();
      net.getLayer(0).setParam("W", Nd4j.create(w, new long[] {dimension, labels}, 'c'));
      net.getLayer(0).setParam("b", Nd4j.create(shifted, new long[] {1, labels}, 'c'));
      return net;
    }
  }

  Model train(
      int dimension,
      List<SparseVector> trainX,
      boolean[][] trainY,
      List<SparseVector> valX,
      boolean[][] valY) {
    int labels = trainY[0].length;
    SparseAdaGrad opt = new SparseAdaGrad(dimension, labels, learningRate, l2);
    float[] w = opt.weights();
    float[] b = opt.biases();
    double[] g = new double[labels];
    Random random = new Random(seed);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < trainX.size(); i++) {
      order.add(i);
    }
    Model best = null;
    for (int epoch = 1; epoch <= maxEpochs; epoch++) {
      Collections.shuffle(order, random);
      for (int i : order) {
        SparseVector x = trainX.get(i);
        double[] p = sigmoid(w, b, labels, x);
        for (int k = 0; k < labels; k++) {
          g[k] = p[k] - (trainY[i][k] ? 1 : 0);
        }
        opt.step(x, g);
      }
      Model m = new Model(dimension, labels, w.clone(), b.clone(), null, epoch, null);
      double[][] p = m.raw(valX);
      double[] thresholds = MultiLabelEvaluation.bestThresholds(p, valY);
      MultiLabelEvaluation e = MultiLabelEvaluation.of(p, thresholds, valY);
      log.printf(Locale.ROOT, "  targets epoch %d val %s%n", epoch, e.summary());
      if (best == null || e.microF1() > best.val().microF1()) {
        best = new Model(dimension, labels, m.w(), m.b(), thresholds, epoch, e);
      } else if (epoch - best.bestEpoch() >= 2) {
        break;
      }
    }
    return best;
  }

  static double[] sigmoid(float[] w, float[] b, int labels, SparseVector x) {
    double[] z = new double[labels];
    for (int k = 0; k < labels; k++) {
      z[k] = b[k];
    }
    int[] idx = x.indices();
    float[] val = x.values();
    for (int j = 0; j < idx.length; j++) {
      int row = idx[j] * labels;
      for (int k = 0; k < labels; k++) {
        z[k] += val[j] * w[row + k];
      }
    }
    for (int k = 0; k < labels; k++) {
      z[k] = 1 / (1 + Math.exp(-z[k]));
    }
    return z;
  }
}
