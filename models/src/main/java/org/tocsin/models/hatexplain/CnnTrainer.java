package org.tocsin.models.hatexplain;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.tocsin.nlp.classifier.TokenCnn;

/**
 * Trains a {@link TokenCnn} by back-propagation: soft-label cross-entropy weighted per post,
 * dropout on the pooled responses, Adam (lazy, row by row, for the embeddings), mini-batches; the
 * epoch with the best validation macro-F1 is kept. Single-threaded and deterministic for a seed.
 *
 * <p>The gradient is exact: a filter's pooled response depends only on its winning window, so it
 * flows to that window's kernel rows and embeddings alone.
 */
public final class CnnTrainer {
  private final int filtersPerWidth;
  private final int[] widthSet;
  private final double lr;
  private final double embeddingLr;
  private final double dropout;
  private final int batch;
  private final int epochs;
  private final int patience;
  private final long seed;
  private final boolean selectByAuroc;
  private final PrintStream log;

  /** A trainer with the given hyper-parameters. */
  public CnnTrainer(
      int[] widthSet,
      int filtersPerWidth,
      double lr,
      double embeddingLr,
      double dropout,
      int batch,
      int epochs,
      int patience,
      long seed,
      boolean selectByAuroc,
      PrintStream log) {
    this.widthSet = widthSet.clone();
    this.filtersPerWidth = filtersPerWidth;
    this.lr = lr;
    this.embeddingLr = embeddingLr;
    this.dropout = dropout;
    this.batch = batch;
    this.epochs = epochs;
    this.patience = patience;
    this.seed = seed;
    this.selectByAuroc = selectByAuroc;
    this.log = log;
  }

  /** The trained network, the epoch kept and its validation metrics. */
  public record Result(TokenCnn network, int bestEpoch, Evaluation val, double[][] valProbs) {}

  /**
   * Trains on token lists.
   *
   * @param init word vectors to start from (their vocabulary becomes the network's)
   * @param targets per post, a distribution over the labels
   * @param weights per post, the loss weight
   */
  public Result train(
      SkipGram init,
      List<List<String>> train,
      double[][] targets,
      double[] weights,
      List<List<String>> val,
      int[] valGold) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int dim = init.dim();
    int v = init.words().size();
    int labels = targets[0].length;
    int filters = widthSet.length * filtersPerWidth;
    int[] widths = new int[filters];
    int[] start = new int[filters];
    int rows = 0;
    for (int f = 0; f < filters; f++) {
      widths[f] = widthSet[f / filtersPerWidth];
      start[f] = rows;
      rows += widths[f];
    }
    float[] emb = init.vectors().clone();
    for (int i = dim; i < 2 * dim; i++) { // the unknown word: small random
      emb[i] = (float) ((rnd.nextDouble() - 0.5) * 0.1);
    }
    float[] ker = new float[rows * dim];
    for (int f = 0; f < filters; f++) {
      double scale = Math.sqrt(6.0 / (widths[f] * dim));
      for (int i = start[f] * dim; i < (start[f] + widths[f]) * dim; i++) {
        ker[i] = (float) ((rnd.nextDouble() * 2 - 1) * scale);
      }
    }
    float[] cb = new float[filters];
    float[] ow = new float[filters * labels];
    double os = Math.sqrt(6.0 / (filters + labels));
    for (int i = 0; i < ow.length; i++) {
      ow[i] = (float) ((rnd.nextDouble() * 2 - 1) * os);
    }
    float[] ob = new float[labels];
    float[][] params = {emb, ker, cb, ow, ob};
    float[][] grads = new float[params.length][];
    float[][] m1 = new float[params.length][];
    float[][] m2 = new float[params.length][];
    for (int i = 0; i < params.length; i++) {
      grads[i] = new float[params[i].length];
      m1[i] = new float[params[i].length];
      m2[i] = new float[params[i].length];
    }
    int[] rowStep = new int[v]; // Adam step count per embedding row (lazy Adam)
    boolean[] touched = new boolean[v];
    int[] touchedList = new int[v];

    java.util.Map<String, Integer> index = new java.util.HashMap<>();
    for (int i = 2; i < v; i++) {
      index.putIfAbsent(init.words().get(i), i);
    }
    int[][] trainIds = new int[train.size()][];
    int maxWidth = Arrays.stream(widthSet).max().orElse(1);
    for (int i = 0; i < train.size(); i++) {
      trainIds[i] = ids(train.get(i), index, maxWidth);
    }

    TokenCnn best = null;
    Evaluation bestEval = null;
    double[][] bestProbs = null;
    int bestEpoch = 0;
    long step = 0;
    int[] order = new int[train.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    float[] h = new float[filters];
    float[] mask = new float[filters];
    int[] argmax = new int[filters];
    double[] z = new double[labels];
    float[] gh = new float[filters];
    long t0 = System.nanoTime();
    for (int epoch = 1; epoch <= epochs; epoch++) {
      for (int i = order.length - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      double lossSum = 0;
      for (int from = 0; from < order.length; from += batch) {
        int to = Math.min(order.length, from + batch);
        int nTouched = 0;
        for (int b = from; b < to; b++) {
          int ex = order[b];
          int[] ids = trainIds[ex];
          int len = ids.length;
          float[] proj = new float[len * rows];
          for (int p = 0; p < len; p++) {
            int e = ids[p] * dim;
            for (int r = 0; r < rows; r++) {
              int k = r * dim;
              float s = 0;
              for (int d = 0; d < dim; d++) {
                s += emb[e + d] * ker[k + d];
              }
              proj[p * rows + r] = s;
            }
          }
          for (int f = 0; f < filters; f++) {
            float bestV = Float.NEGATIVE_INFINITY;
            int at = 0;
            for (int p = 0; p + widths[f] <= len; p++) {
              float s = 0;
              for (int j = 0; j < widths[f]; j++) {
                s += proj[(p + j) * rows + start[f] + j];
              }
              if (s > bestV) {
                bestV = s;
                at = p;
              }
            }
            argmax[f] = at;
            float pre = bestV + cb[f];
            mask[f] = rnd.nextDouble() < dropout ? 0f : (float) (1 / (1 - dropout));
            h[f] = pre > 0 ? pre * mask[f] : 0;
          }
          for (int k = 0; k < labels; k++) {
            z[k] = ob[k];
          }
          for (int f = 0; f < filters; f++) {
            if (h[f] != 0) {
              for (int k = 0; k < labels; k++) {
                z[k] += h[f] * ow[f * labels + k];
              }
            }
          }
          TokenCnn.softmax(z);
          double w = weights[ex];
          for (int k = 0; k < labels; k++) {
            lossSum -= w * targets[ex][k] * Math.log(Math.max(1e-12, z[k]));
          }
          Arrays.fill(gh, 0);
          for (int k = 0; k < labels; k++) {
            float dz = (float) (w * (z[k] - targets[ex][k]));
            grads[4][k] += dz;
            for (int f = 0; f < filters; f++) {
              if (h[f] != 0) {
                grads[3][f * labels + k] += h[f] * dz;
                gh[f] += ow[f * labels + k] * dz;
              }
            }
          }
          for (int f = 0; f < filters; f++) {
            if (h[f] == 0) {
              continue;
            }
            float g = gh[f] * mask[f];
            grads[2][f] += g;
            for (int j = 0; j < widths[f]; j++) {
              int word = ids[argmax[f] + j];
              if (word == TokenCnn.PAD) {
                continue;
              }
              int e = word * dim;
              int k = (start[f] + j) * dim;
              for (int d = 0; d < dim; d++) {
                grads[1][k + d] += g * emb[e + d];
                grads[0][e + d] += g * ker[k + d];
              }
              if (!touched[word]) {
                touched[word] = true;
                touchedList[nTouched++] = word;
              }
            }
          }
        }
        step++;
        float scale = 1f / (to - from);
        for (int pi = 1; pi < params.length; pi++) {
          adam(params[pi], grads[pi], m1[pi], m2[pi], 0, params[pi].length, step, lr, scale);
        }
        for (int t = 0; t < nTouched; t++) {
          int word = touchedList[t];
          touched[word] = false;
          rowStep[word]++;
          adam(emb, grads[0], m1[0], m2[0], word * dim, dim, rowStep[word], embeddingLr, scale);
        }
      }
      TokenCnn net = new TokenCnn(init.words(), dim, widths, emb, ker, cb, ow, ob);
      double[][] probs = predict(net, val);
      Evaluation e = Evaluation.of(probs, valGold);
      log.printf(
          Locale.ROOT,
          "cnn epoch %d loss %.4f val %s (%.1fs)%n",
          epoch,
          lossSum / order.length,
          e.summary(),
          (System.nanoTime() - t0) / 1e9);
      if (bestEval == null || criterion(e) > criterion(bestEval)) {
        best = net;
        bestEval = e;
        bestProbs = probs;
        bestEpoch = epoch;
      } else if (epoch - bestEpoch >= patience) {
        break;
      }
    }
    return new Result(best, bestEpoch, bestEval, bestProbs);
  }

  /** What the epoch is chosen by: validation macro AUROC, or macro-F1 of the arg-max. */
  private double criterion(Evaluation e) {
    return selectByAuroc ? e.macroAuroc() : e.macroF1();
  }

  /** Adam on {@code n} values from {@code off}; zeroes the gradient it consumed. */
  private static void adam(
      float[] p, float[] g, float[] m, float[] s, int off, int n, long t, double lr, float scale) {
    double b1 = 0.9;
    double b2 = 0.999;
    double c1 = 1 - Math.pow(b1, t);
    double c2 = 1 - Math.pow(b2, t);
    double a = lr * Math.sqrt(c2) / c1;
    for (int i = off; i < off + n; i++) {
      float gi = g[i] * scale;
      g[i] = 0;
      m[i] = (float) (b1 * m[i] + (1 - b1) * gi);
      s[i] = (float) (b2 * s[i] + (1 - b2) * gi * gi);
      p[i] -= (float) (a * m[i] / (Math.sqrt(s[i]) + 1e-8));
    }
  }

  static int[] ids(List<String> tokens, java.util.Map<String, Integer> index, int maxWidth) {
    int n = Math.min(tokens.size(), TokenCnn.MAX_TOKENS);
    int[] ids = new int[Math.max(n, maxWidth)];
    for (int i = 0; i < n; i++) {
      ids[i] = index.getOrDefault(tokens.get(i), TokenCnn.UNK);
    }
    return ids;
  }

  /** The network's probabilities for each token list. */
  public static double[][] predict(TokenCnn net, List<List<String>> posts) {
    double[][] out = new double[posts.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = net.probabilities(posts.get(i));
    }
    return out;
  }
}
