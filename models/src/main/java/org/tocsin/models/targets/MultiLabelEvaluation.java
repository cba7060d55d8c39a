package org.tocsin.models.targets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.tocsin.nlp.classifier.ArtifactManifest;

/**
 * Multi-label metrics: per-label precision, recall and F1, micro-F1 (over all label decisions) and
 * macro-F1 (mean of the per-label F1).
 *
 * @param n posts
 * @param microF1 F1 of all decisions pooled
 * @param macroF1 mean per-label F1
 * @param precision per label
 * @param recall per label
 * @param f1 per label
 * @param support posts carrying each label
 */
public record MultiLabelEvaluation(
    int n,
    double microF1,
    double macroF1,
    double[] precision,
    double[] recall,
    double[] f1,
    int[] support) {

  /** Evaluates {@code p[i][k] >= thresholds[k]} against the gold labels. */
  public static MultiLabelEvaluation of(double[][] p, double[] thresholds, boolean[][] gold) {
    int labels = thresholds.length;
    int[] tp = new int[labels];
    int[] fp = new int[labels];
    int[] fn = new int[labels];
    int[] support = new int[labels];
    for (int i = 0; i < p.length; i++) {
      for (int k = 0; k < labels; k++) {
        boolean predicted = p[i][k] >= thresholds[k];
        if (gold[i][k]) {
          support[k]++;
        }
        if (predicted && gold[i][k]) {
          tp[k]++;
        } else if (predicted) {
          fp[k]++;
        } else if (gold[i][k]) {
          fn[k]++;
        }
      }
    }
    double[] pr = new double[labels];
    double[] rc = new double[labels];
    double[] f = new double[labels];
    int stp = 0;
    int sfp = 0;
    int sfn = 0;
    double macro = 0;
    for (int k = 0; k < labels; k++) {
      pr[k] = tp[k] + fp[k] == 0 ? 0 : tp[k] / (double) (tp[k] + fp[k]);
      rc[k] = tp[k] + fn[k] == 0 ? 0 : tp[k] / (double) (tp[k] + fn[k]);
      f[k] = f1(tp[k], fp[k], fn[k]);
      macro += f[k];
      stp += tp[k];
      sfp += fp[k];
      sfn += fn[k];
    }
    return new MultiLabelEvaluation(
        p.length, f1(stp, sfp, sfn), macro / labels, pr, rc, f, support);
  }

  /** Per label, the threshold in {0.05, 0.10, ..., 0.95} with the best F1 on these posts. */
  public static double[] bestThresholds(double[][] p, boolean[][] gold) {
    int labels = gold[0].length;
    double[] best = new double[labels];
    for (int k = 0; k < labels; k++) {
      double bestF = -1;
      for (int s = 1; s <= 19; s++) {
        double t = s * 0.05;
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < p.length; i++) {
          boolean predicted = p[i][k] >= t;
          if (predicted && gold[i][k]) {
            tp++;
          } else if (predicted) {
            fp++;
          } else if (gold[i][k]) {
            fn++;
          }
        }
        double f = f1(tp, fp, fn);
        if (f > bestF) {
          bestF = f;
          best[k] = t;
        }
      }
    }
    return best;
  }

  private static double f1(int tp, int fp, int fn) {
    return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
  }

  /** One line for logs. */
  public String summary() {
    return String.format(Locale.ROOT, "n=%d microF1=%.4f macroF1=%.4f", n, microF1, macroF1);
  }

  /** The metrics as JSON, per label under its name. */
  public ObjectNode toJson(List<String> names) {
    ObjectNode o = ArtifactManifest.newObject();
    o.put("n", n);
    o.put("microF1", round(microF1));
    o.put("macroF1", round(macroF1));
    ObjectNode per = o.putObject("perGroup");
    for (int k = 0; k < names.size(); k++) {
      per.putObject(names.get(k))
          .put("support", support[k])
          .put("precision", round(precision[k]))
          .put("recall", round(recall[k]))
          .put("f1", round(f1[k]));
    }
    return o;
  }

  private static double round(double v) {
    return Math.round(v * 1e4) / 1e4;
  }
}
