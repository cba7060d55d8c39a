package org.tocsin.models.hatexplain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.tocsin.nlp.classifier.ArtifactManifest;

/**
 * Classification metrics of a three-way classifier on one split: accuracy, macro-F1, macro AUROC
 * (one-vs-rest), per-class precision, recall and F1, and the confusion matrix.
 *
 * @param n the number of posts
 * @param accuracy fraction predicted right (arg-max)
 * @param macroF1 unweighted mean of the per-class F1
 * @param macroAuroc unweighted mean of the one-vs-rest AUROC of each class's probability
 * @param precision per class
 * @param recall per class
 * @param f1 per class
 * @param auroc per class, one-vs-rest
 * @param confusion {@code confusion[gold][predicted]} counts
 */
public record Evaluation(
    int n,
    double accuracy,
    double macroF1,
    double macroAuroc,
    double[] precision,
    double[] recall,
    double[] f1,
    double[] auroc,
    int[][] confusion) {

  /** Evaluates probabilities {@code probs[i][k]} against gold labels. */
  public static Evaluation of(double[][] probs, int[] gold) {
    int k = probs[0].length;
    int[][] confusion = new int[k][k];
    int right = 0;
    for (int i = 0; i < gold.length; i++) {
      int pred = argMax(probs[i]);
      confusion[gold[i]][pred]++;
      right += pred == gold[i] ? 1 : 0;
    }
    double[] p = new double[k];
    double[] r = new double[k];
    double[] f = new double[k];
    double[] auc = new double[k];
    for (int c = 0; c < k; c++) {
      int tp = confusion[c][c];
      int predicted = 0;
      int actual = 0;
      for (int j = 0; j < k; j++) {
        predicted += confusion[j][c];
        actual += confusion[c][j];
      }
      p[c] = predicted == 0 ? 0 : (double) tp / predicted;
      r[c] = actual == 0 ? 0 : (double) tp / actual;
      f[c] = p[c] + r[c] == 0 ? 0 : 2 * p[c] * r[c] / (p[c] + r[c]);
      auc[c] = auroc(probs, gold, c);
    }
    return new Evaluation(
        gold.length,
        (double) right / gold.length,
        Arrays.stream(f).average().orElse(0),
        Arrays.stream(auc).average().orElse(0),
        p,
        r,
        f,
        auc,
        confusion);
  }

  /** The index of the largest value (the first on ties). */
  public static int argMax(double[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }

  /** Mann-Whitney AUROC of class {@code c}'s probability, ties counted half. */
  static double auroc(double[][] probs, int[] gold, int c) {
    Integer[] order = new Integer[gold.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(probs[a][c], probs[b][c]));
    double rankSumPos = 0;
    long pos = 0;
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && probs[order[j + 1]][c] == probs[order[i]][c]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      for (int t = i; t <= j; t++) {
        if (gold[order[t]] == c) {
          rankSumPos += rank;
          pos++;
        }
      }
      i = j + 1;
    }
    long neg = gold.length - pos;
    if (pos == 0 || neg == 0) {
      return Double.NaN;
    }
    return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
  }

  /** The metrics as JSON, rounded to 4 decimals. */
  public ObjectNode toJson(List<String> labels) {
    ObjectNode o = ArtifactManifest.newObject();
    o.put("n", n);
    o.put("accuracy", round(accuracy));
    o.put("macroF1", round(macroF1));
    o.put("macroAurocOneVsRest", round(macroAuroc));
    ObjectNode per = o.putObject("perClass");
    for (int c = 0; c < labels.size(); c++) {
      per.putObject(labels.get(c))
          .put("precision", round(precision[c]))
          .put("recall", round(recall[c]))
          .put("f1", round(f1[c]))
          .put("auroc", round(auroc[c]));
    }
    ObjectNode cm = o.putObject("confusion");
    for (int g = 0; g < labels.size(); g++) {
      ObjectNode row = cm.putObject(labels.get(g));
      for (int q = 0; q < labels.size(); q++) {
        row.put(labels.get(q), confusion[g][q]);
      }
    }
    return o;
  }

  /** A one-line summary. */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "n=%d acc=%.4f macroF1=%.4f auroc=%.4f f1=%s",
        n,
        accuracy,
        macroF1,
        macroAuroc,
        Arrays.toString(Arrays.stream(f1).map(Evaluation::round).toArray()));
  }

  static double round(double v) {
    return Math.round(v * 1e4) / 1e4;
  }
}
