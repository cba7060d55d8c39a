package org.tocsin.models.hatexplain;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.tocsin.nlp.classifier.HateClassifier;
import org.tocsin.nlp.classifier.SparseVector;

/**
 * Trains the MLP {@code 2^hashBits -> hidden (ReLU) -> 3 (softmax)} with Adam, dropout and optional
 * class weights and optional per-post weights (posts of the extra corpora count less), and stops
 * early on validation macro-F1, keeping the best epoch's weights.
 */
final class MlpTrainer {
  private final TrainConfig config;
  private final PrintStream log;

  MlpTrainer(TrainConfig config, PrintStream log) {
    this.config = config;
    this.log = log;
  }

  /** The result: the network at its best epoch and that epoch's validation metrics. */
  record Result(MultiLayerNetwork network, int bestEpoch, Evaluation validation) {}

  Result train(
      int dimension,
      List<SparseVector> trainX,
      int[] classCountLabels,
      double[][] trainTargets,
      double[] exampleWeights,
      List<SparseVector> valX,
      int[] valY,
      float[] idf) {
    int classes = HateXplainData.LABELS.size();
    int[] counts = new int[classes];
    for (int y : classCountLabels) { // the balanced class weights come from these labels
      counts[y]++;
    }
    double[] weights = config.classWeights(counts);
    Nd4j.getRandom().setSeed(config.seed());
    MultiLayerConfiguration conf =
        new NeuralNetConfiguration.Builder()
            .seed(config.seed())
            .dataType(DataType.FLOAT)
            .weightInit(WeightInit.RELU)
            .updater(new Adam(config.learningRate()))
            .l2(config.l2())
            .list()
            .layer(
                new DenseLayer.Builder()
                    .nIn(dimension)
                    .nOut(config.hidden())
                    .activation(Activation.RELU)
                    .build())
            .layer(
                new OutputLayer.Builder(new LossMCXENT(Nd4j.create(weights).castTo(DataType.FLOAT)))
                    .nIn(config.hidden())
                    .nOut(classes)
                    .activation(Activation.SOFTMAX)
                    .weightInit(WeightInit.XAVIER)
                    .dropOut(config.hiddenRetain())
                    .build())
            .build();
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    log.printf(Locale.ROOT, "params=%,d class weights=%s%n", net.numParams(), fmt(weights));
    Random random = new Random(config.seed());
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < trainX.size(); i++) {
      order.add(i);
    }
    INDArray best = null;
    Evaluation bestEval = null;
    int bestEpoch = 0;
    for (int epoch = 1; epoch <= config.maxEpochs(); epoch++) {
      long t0 = System.nanoTime();
      Collections.shuffle(order, random);
      for (int from = 0; from < order.size(); from += config.batchSize()) {
        List<Integer> batch =
            order.subList(from, Math.min(order.size(), from + config.batchSize()));
        List<SparseVector> rows = new ArrayList<>(batch.size());
        INDArray y = Nd4j.zeros(DataType.FLOAT, batch.size(), classes);
        for (int r = 0; r < batch.size(); r++) {
          rows.add(dropout(trainX.get(batch.get(r)), config.inputRetain(), random));
          double[] target = trainTargets[batch.get(r)];
          for (int c = 0; c < classes; c++) {
            y.putScalar(r, c, (float) target[c]);
          }
        }
        INDArray x = HateClassifier.toMatrix(rows, dimension);
        if (exampleWeights == null) {
          net.fit(x, y);
        } else {
          // a per-example label mask multiplies each post's loss and gradient by its weight
          INDArray mask = Nd4j.zeros(DataType.FLOAT, batch.size(), 1);
          for (int r = 0; r < batch.size(); r++) {
            mask.putScalar(r, 0, (float) exampleWeights[batch.get(r)]);
          }
          net.fit(new DataSet(x, y, null, mask));
          mask.close();
        }
        x.close();
        y.close();
      }
      Evaluation val = Evaluation.of(predict(net, valX, dimension), valY);
      log.printf(
          Locale.ROOT,
          "epoch %d (%.1fs) val %s%n",
          epoch,
          (System.nanoTime() - t0) / 1e9,
          val.summary());
      if (bestEval == null || val.macroF1() > bestEval.macroF1()) {
        bestEval = val;
        bestEpoch = epoch;
        best = net.params().dup();
      } else if (epoch - bestEpoch >= config.patience()) {
        break;
      }
    }
    net.setParams(best);
    zeroUnusedRows(net, idf);
    return new Result(net, bestEpoch, bestEval);
  }

  /**
   * Inverted dropout on the sparse input: keeps each non-zero feature with probability {@code
   * retain} and scales the kept ones by {@code 1 / retain}. Done here rather than by DL4J, which
   * would draw a random number for every one of the {@code 2^hashBits} inputs of every row.
   */
  static SparseVector dropout(SparseVector v, double retain, Random random) {
    if (retain >= 1) {
      return v;
    }
    int[] indices = new int[v.size()];
    float[] values = new float[v.size()];
    int n = 0;
    float scale = (float) (1 / retain);
    for (int i = 0; i < v.size(); i++) {
      if (random.nextDouble() < retain) {
        indices[n] = v.indices()[i];
        values[n++] = v.values()[i] * scale;
      }
    }
    return new SparseVector(Arrays.copyOf(indices, n), Arrays.copyOf(values, n));
  }

  /**
   * Zeroes the first layer's weights of buckets that no training post can activate (IDF 0): they
   * never receive a gradient, only their random initial values, and zeros compress.
   */
  private static void zeroUnusedRows(MultiLayerNetwork net, float[] idf) {
    float[] keep = new float[idf.length];
    for (int i = 0; i < idf.length; i++) {
      keep[i] = idf[i] == 0f ? 0f : 1f;
    }
    INDArray w = net.getLayer(0).getParam("W");
    w.muliColumnVector(Nd4j.create(keep, new long[] {idf.length, 1}, 'c'));
  }

  /** The mean class probabilities of an ensemble for every row. */
  static double[][] predict(List<MultiLayerNetwork> nets, List<SparseVector> rows, int dimension) {
    double[][] sum = new double[rows.size()][];
    for (MultiLayerNetwork net : nets) {
      double[][] p = predict(net, rows, dimension);
      for (int i = 0; i < p.length; i++) {
        if (sum[i] == null) {
          sum[i] = p[i];
        } else {
          for (int c = 0; c < p[i].length; c++) {
            sum[i][c] += p[i][c];
          }
        }
      }
    }
    for (double[] row : sum) {
      for (int c = 0; c < row.length; c++) {
        row[c] /= nets.size();
      }
    }
    return sum;
  }

  /** Class probabilities of every row, in batches. */
  static double[][] predict(MultiLayerNetwork net, List<SparseVector> rows, int dimension) {
    double[][] out = new double[rows.size()][];
    int step = 256;
    for (int from = 0; from < rows.size(); from += step) {
      List<SparseVector> chunk = rows.subList(from, Math.min(rows.size(), from + step));
      INDArray x = HateClassifier.toMatrix(chunk, dimension);
      INDArray p = net.output(x, false);
      for (int r = 0; r < chunk.size(); r++) {
        out[from + r] = p.getRow(r).toDoubleVector();
      }
      x.close();
    }
    return out;
  }

  private static String fmt(double[] w) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < w.length; i++) {
      b.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", w[i]));
    }
    return b.append(']').toString();
  }
}
