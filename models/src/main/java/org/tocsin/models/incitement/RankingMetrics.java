package org.tocsin.models.incitement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Binary detection metrics of a score against gold labels: precision, recall and F1 of {@code score
 * >= threshold}, the threshold that maximises F1, and the area under the precision-recall curve as
 * average precision ({@code sum over thresholds of (R_k - R_{k-1}) * P_k}, tied scores taken
 * together, the definition scikit-learn uses).
 */
public final class RankingMetrics {
  private final double[] scores;
  private final boolean[] gold;
  private final int positives;

  /** Precision, recall and F1 at one threshold, with the confusion counts. */
  public record AtThreshold(
      double threshold, int truePositives, int falsePositives, int falseNegatives) {

    /** TP / (TP + FP); 0 when nothing is flagged. */
    public double precision() {
      int flagged = truePositives + falsePositives;
      return flagged == 0 ? 0 : (double) truePositives / flagged;
    }

    /** TP / (TP + FN); 0 when there are no positives. */
    public double recall() {
      int pos = truePositives + falseNegatives;
      return pos == 0 ? 0 : (double) truePositives / pos;
    }

    /** The harmonic mean of precision and recall; 0 when both are 0. */
    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** One line: threshold, P, R, F1 and the counts. */
    public String describe() {
      return String.format(
          Locale.ROOT,
          "threshold %.4f: precision %.3f, recall %.3f, F1 %.3f (TP %d, FP %d, FN %d)",
          threshold,
          precision(),
          recall(),
          f1(),
          truePositives,
          falsePositives,
          falseNegatives);
    }
  }

  /**
   * Metrics of {@code scores[i]} against {@code gold[i]}.
   *
   * @throws IllegalArgumentException if the arrays differ in length, are empty, or a score is NaN
   */
  public RankingMetrics(double[] scores, boolean[] gold) {
    if (scores.length != gold.length || scores.length == 0) {
      throw new IllegalArgumentException(
          "need as many scores as labels, at least one [got "
              + scores.length
              + " scores, "
              + gold.length
              + " labels]");
    }
    int pos = 0;
    for (int i = 0; i < scores.length; i++) {
      if (Double.isNaN(scores[i])) {
        throw new IllegalArgumentException("score " + i + " is NaN");
      }
      if (gold[i]) {
        pos++;
      }
    }
    this.scores = scores.clone();
    this.gold = gold.clone();
    this.positives = pos;
  }

  /** How many gold positives there are. */
  public int positives() {
    return positives;
  }

  /** How many items there are. */
  public int size() {
    return scores.length;
  }

  /** Precision, recall and F1 of {@code score >= threshold}. */
  public AtThreshold at(double threshold) {
    int tp = 0;
    int fp = 0;
    for (int i = 0; i < scores.length; i++) {
      if (scores[i] >= threshold) {
        if (gold[i]) {
          tp++;
        } else {
          fp++;
        }
      }
    }
    return new AtThreshold(threshold, tp, fp, positives - tp);
  }

  /**
   * The threshold among the distinct scores above 0 with the highest F1 (ties go to the higher
   * threshold, which flags fewer posts). If no score is above 0, the threshold is 1e-4, the
   * smallest score the scorers write, so that nothing scored 0 is flagged.
   */
  public AtThreshold bestF1() {
    AtThreshold best = null;
    for (double t : distinctDescending()) {
      if (t <= 0) {
        break;
      }
      AtThreshold a = at(t);
      if (best == null || a.f1() > best.f1()) {
        best = a;
      }
    }
    return best != null ? best : at(1e-4);
  }

  /** Average precision (PR-AUC); 0 when there are no positives. */
  public double averagePrecision() {
    if (positives == 0) {
      return 0;
    }
    double ap = 0;
    double lastRecall = 0;
    for (double t : distinctDescending()) {
      AtThreshold a = at(t);
      ap += (a.recall() - lastRecall) * a.precision();
      lastRecall = a.recall();
    }
    return ap;
  }

  /**
   * The area under the ROC curve: the probability that a random positive scores above a random
   * negative, ties counting one half (the Mann-Whitney statistic); NaN when either class is empty.
   */
  public double rocAuc() {
    int negatives = scores.length - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
    double rankSum = 0;
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double midRank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (gold[order[k]]) {
          rankSum += midRank;
        }
      }
      i = j + 1;
    }
    return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  private List<Double> distinctDescending() {
    double[] s = scores.clone();
    Arrays.sort(s);
    List<Double> out = new ArrayList<>();
    for (int i = s.length - 1; i >= 0; i--) {
      if (out.isEmpty() || s[i] != out.get(out.size() - 1)) {
        out.add(s[i]);
      }
    }
    return out;
  }
}
