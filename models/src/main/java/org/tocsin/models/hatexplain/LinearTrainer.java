package org.tocsin.models.hatexplain;

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
 * Multinomial logistic regression on the sparse TF-IDF vectors: per-example weighted soft-label
 * cross-entropy with an L2 penalty, fitted by AdaGrad one post at a time (the penalty applied to
 * the rows a post touches), the epoch kept by validation macro-F1. Trained directly on the sparse
 * rows because that is a few seconds per epoch where a dense DL4J pass is minutes; the result is
 * written as a DL4J network of a single softmax {@link OutputLayer}, which {@code nlp} loads like
 * any other.
 */
final class LinearTrainer {
  private final double learningRate;
  private final double l2;
  private final int maxEpochs;
  private final long seed;
  private final PrintStream log;

  LinearTrainer(double learningRate, double l2, int maxEpochs, long seed, PrintStream log) {
    this.learningRate = learningRate;
    this.l2 = l2;
    this.maxEpochs = maxEpochs;
    this.seed = seed;
    this.log = log;
  }

  /** The fitted weights: {@code w} is {@code dimension x classes}, row-major. */
  record Model(int dimension, int classes, float[] w, float[] b, int bestEpoch, Evaluation val) {
    double[][] predict(List<SparseVector> rows) {
      double[][] out = new double[rows.size()][];
      for (int i = 0; i < rows.size(); i++) {
        out[i] = probabilities(w, b, classes, rows.get(i));
      }
      return out;
    }

    /** The same function as a DL4J network: one softmax output layer. */
    MultiLayerNetwork toNetwork() {
      MultiLayerConfiguration conf =
          new NeuralNetConfiguration.Builder()
              .seed(0)
              .dataType(DataType.FLOAT)
              .list()
              .layer(
                  new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                      .nIn(dimension)
                      .nOut(classes)
                      .activation(Activation.SOFTMAX)
                      .build())
              .build();
      MultiLayerNetwork net = new MultiLayerNetwork(conf);
      net.init();
      net.getLayer(0)
          .setParam(
              "W", Nd4j.create(w, new long[] {dimension, classes}, 'c').castTo(DataType.FLOAT));
      net.getLayer(0).setParam("b", Nd4j.create(b, new long[] {1, classes}, 'c'));
      return net;
    }
  }

  /**
   * Fits the model.
   *
   * @param targets each post's label distribution
   * @param weights each post's weight in the loss
   */
  Model train(
      int dimension,
      List<SparseVector> trainX,
      double[][] targets,
      double[] weights,
      List<SparseVector> valX,
      int[] valY) {
    int classes = targets[0].length;
    SparseAdaGrad opt = new SparseAdaGrad(dimension, classes, learningRate, l2);
    float[] w = opt.weights();
    float[] b = opt.biases();
    double[] g = new double[classes];
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
        double[] p = probabilities(w, b, classes, x);
        for (int k = 0; k < classes; k++) {
          g[k] = weights[i] * (p[k] - targets[i][k]);
        }
        opt.step(x, g);
      }
      Model m = new Model(dimension, classes, w.clone(), b.clone(), epoch, null);
      Evaluation e = Evaluation.of(m.predict(valX), valY);
      log.printf(Locale.ROOT, "  linear epoch %d val %s%n", epoch, e.summary());
      if (best == null || e.macroF1() > best.val().macroF1()) {
        best = new Model(dimension, classes, m.w(), m.b(), epoch, e);
      } else if (epoch - best.bestEpoch() >= 3) {
        break;
      }
    }
    return best;
  }

  static double[] probabilities(float[] w, float[] b, int classes, SparseVector x) {
    double[] z = new double[classes];
    for (int k = 0; k < classes; k++) {
      z[k] = b[k];
    }
    int[] idx = x.indices();
    float[] val = x.values();
    for (int j = 0; j < idx.length; j++) {
      int row = idx[j] * classes;
      for (int k = 0; k < classes; k++) {
        z[k] += val[j] * w[row + k];
      }
    }
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (int k = 0; k < classes; k++) {
      z[k] = Math.exp(z[k] - max);
      sum += z[k];
    }
    for (int k = 0; k < classes; k++) {
      z[k] /= sum;
    }
    return z;
  }
}
