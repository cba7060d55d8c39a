package org.tocsin.models.hatexplain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.tocsin.models.sgd.SparseAdaGrad;
import org.tocsin.nlp.classifier.SparseVector;

/**
 * A stacking meta-model: multinomial logistic regression with an L2 penalty on a few dozen dense
 * features (standardised by the training rows' mean and deviation), fitted to each post's annotator
 * label distribution by {@link SparseAdaGrad} one post at a time for a fixed number of shuffled
 * epochs (the features are dense, so every step penalises every weight).
 *
 * @param mean each feature's mean on the training rows
 * @param scale each feature's standard deviation there (1 if constant)
 * @param w the weights, {@code features x 3}, row-major
 * @param b the biases
 */
record StackedLogit(double[] mean, double[] scale, float[] w, float[] b) {

  static final int CLASSES = 3;

  /** Fits the model on rows {@code x} with soft targets. */
  static StackedLogit fit(
      double[][] x, double[][] targets, double l2, double learningRate, int epochs, long seed) {
    int d = x[0].length;
    double[] mean = new double[d];
    double[] scale = new double[d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        mean[j] += row[j] / x.length;
      }
    }
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / x.length;
      }
    }
    for (int j = 0; j < d; j++) {
      scale[j] = scale[j] > 1e-12 ? Math.sqrt(scale[j]) : 1;
    }
    List<SparseVector> rows = new ArrayList<>(x.length);
    for (double[] row : x) {
      rows.add(standardise(row, mean, scale));
    }
    SparseAdaGrad opt = new SparseAdaGrad(d, CLASSES, learningRate, l2);
    StackedLogit model = new StackedLogit(mean, scale, opt.weights(), opt.biases());
    List<Integer> order = new ArrayList<>(x.length);
    for (int i = 0; i < x.length; i++) {
      order.add(i);
    }
    Random random = new Random(seed);
    double[] g = new double[CLASSES];
    for (int epoch = 0; epoch < epochs; epoch++) {
      Collections.shuffle(order, random);
      for (int i : order) {
        double[] p = LinearTrainer.probabilities(model.w, model.b, CLASSES, rows.get(i));
        for (int k = 0; k < CLASSES; k++) {
          g[k] = p[k] - targets[i][k];
        }
        opt.step(rows.get(i), g);
      }
    }
    return new StackedLogit(mean, scale, model.w.clone(), model.b.clone());
  }

  /** The class probabilities of one row. */
  double[] predict(double[] row) {
    return LinearTrainer.probabilities(w, b, CLASSES, standardise(row, mean, scale));
  }

  /** The class probabilities of each row. */
  double[][] predict(double[][] rows) {
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = predict(rows[i]);
    }
    return out;
  }

  private static SparseVector standardise(double[] row, double[] mean, double[] scale) {
    int[] idx = new int[row.length];
    float[] val = new float[row.length];
    for (int j = 0; j < row.length; j++) {
      idx[j] = j;
      val[j] = (float) ((row[j] - mean[j]) / scale[j]);
    }
    return new SparseVector(idx, val);
  }
}
