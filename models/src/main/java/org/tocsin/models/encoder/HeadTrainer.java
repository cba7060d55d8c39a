package org.tocsin.models.encoder;

import java.util.List;
import java.util.Random;
import org.tocsin.nlp.encoder.EncoderHead;
import org.tocsin.nlp.encoder.SentenceEncoder;

/**
 * Trains one {@link EncoderHead} on encoder vectors with plain Java: weighted binary cross-entropy,
 * L2, Adam on mini-batches, a fixed number of epochs, a seeded shuffle (reproducible to the bit on
 * one JVM). Small enough (a few thousand to tens of thousands of 384-d rows) not to need DL4J.
 *
 * @param hidden hidden ReLU units, 0 for logistic regression
 * @param epochs passes over the data
 * @param learningRate Adam's step size
 * @param l2 weight decay on the weights (not the biases)
 * @param seed shuffle and initialisation seed
 */
public record HeadTrainer(int hidden, int epochs, double learningRate, double l2, long seed) {

  /** One training row. */
  public record Row(float[] x, boolean y, double weight) {}

  private static final int BATCH = 64;

  /** Trains the head. */
  public EncoderHead train(String name, List<Row> rows) {
    int d = SentenceEncoder.DIMENSION;
    int h = hidden;
    Random rnd = new Random(seed);
    int nIn = h == 0 ? d : h;
    double[] w1 = new double[h * d];
    double[] b1 = new double[h];
    double[] w2 = new double[nIn];
    double[] b2 = new double[1];
    if (h > 0) {
      double s = Math.sqrt(2.0 / d);
      for (int i = 0; i < w1.length; i++) {
        w1[i] = rnd.nextGaussian() * s;
      }
      double s2 = Math.sqrt(1.0 / h);
      for (int i = 0; i < w2.length; i++) {
        w2[i] = rnd.nextGaussian() * s2;
      }
    }
    Adam a1 = new Adam(w1.length);
    Adam ab1 = new Adam(b1.length);
    Adam a2 = new Adam(w2.length);
    Adam ab2 = new Adam(1);
    int n = rows.size();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    double[] g1 = new double[w1.length];
    double[] gb1 = new double[h];
    double[] g2 = new double[nIn];
    double[] gb2 = new double[1];
    double[] act = new double[h];
    for (int epoch = 0; epoch < epochs; epoch++) {
      for (int i = n - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (int from = 0; from < n; from += BATCH) {
        int to = Math.min(n, from + BATCH);
        java.util.Arrays.fill(g1, 0);
        java.util.Arrays.fill(gb1, 0);
        java.util.Arrays.fill(g2, 0);
        gb2[0] = 0;
        double wsum = 0;
        for (int k = from; k < to; k++) {
          Row r = rows.get(order[k]);
          float[] x = r.x();
          double z = b2[0];
          if (h == 0) {
            for (int i = 0; i < d; i++) {
              z += w2[i] * x[i];
            }
          } else {
            for (int u = 0; u < h; u++) {
              double s = b1[u];
              int row = u * d;
              for (int i = 0; i < d; i++) {
                s += w1[row + i] * x[i];
              }
              act[u] = s > 0 ? s : 0;
              z += w2[u] * act[u];
            }
          }
          double p = EncoderHead.sigmoid(z);
          double err = (p - (r.y() ? 1 : 0)) * r.weight();
          wsum += r.weight();
          gb2[0] += err;
          if (h == 0) {
            for (int i = 0; i < d; i++) {
              g2[i] += err * x[i];
            }
          } else {
            for (int u = 0; u < h; u++) {
              g2[u] += err * act[u];
              if (act[u] > 0) {
                double e = err * w2[u];
                gb1[u] += e;
                int row = u * d;
                for (int i = 0; i < d; i++) {
                  g1[row + i] += e * x[i];
                }
              }
            }
          }
        }
        double inv = 1 / Math.max(wsum, 1e-9);
        for (int i = 0; i < g1.length; i++) {
          g1[i] = g1[i] * inv + l2 * w1[i];
        }
        for (int i = 0; i < g2.length; i++) {
          g2[i] = g2[i] * inv + l2 * w2[i];
        }
        for (int i = 0; i < gb1.length; i++) {
          gb1[i] *= inv;
        }
        gb2[0] *= inv;
        a1.step(w1, g1, learningRate);
        ab1.step(b1, gb1, learningRate);
        a2.step(w2, g2, learningRate);
        ab2.step(b2, gb2, learningRate);
      }
    }
    return new EncoderHead(name, h, floats(w1), floats(b1), floats(w2), b2[0]);
  }

  private static float[] floats(double[] v) {
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) v[i];
    }
    return out;
  }

  /** Adam's moment estimates for one parameter array. */
  private static final class Adam {
    private final double[] m;
    private final double[] v;
    private int t;

    Adam(int n) {
      m = new double[n];
      v = new double[n];
    }

    void step(double[] w, double[] g, double lr) {
      t++;
      double c1 = 1 - Math.pow(0.9, t);
      double c2 = 1 - Math.pow(0.999, t);
      for (int i = 0; i < w.length; i++) {
        m[i] = 0.9 * m[i] + 0.1 * g[i];
        v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
        w[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + 1e-8);
      }
    }
  }
}
