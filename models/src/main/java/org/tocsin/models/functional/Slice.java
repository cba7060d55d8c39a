package org.tocsin.models.functional;

import java.util.List;
import org.tocsin.models.incitement.RankingMetrics;

/**
 * The measures of one slice of outcomes (a language, a function, a group ...): accuracy, recall on
 * hateful cases, false-positive rates on neutral and on positive identity statements, recall of
 * incitement cases at incitement >= 0.5 and the ROC-AUC of the incitement score against the
 * incitement gold. A measure with nothing to count is NaN.
 *
 * @param n cases
 * @param correct cases whose predicted label matches the gold label
 * @param hateful hateful cases
 * @param hatefulFound hateful cases predicted hate
 * @param neutral neutral identity statements
 * @param neutralFlagged of those, predicted hate
 * @param positive positive identity statements
 * @param positiveFlagged of those, predicted hate
 * @param incitement incitement cases
 * @param incitementFound of those, with incitement >= 0.5
 * @param incitementAuc ROC-AUC of the incitement score against the incitement gold
 */
public record Slice(
    int n,
    int correct,
    int hateful,
    int hatefulFound,
    int neutral,
    int neutralFlagged,
    int positive,
    int positiveFlagged,
    int incitement,
    int incitementFound,
    double incitementAuc) {

  /** The incitement score from which a case counts as found. */
  public static final double INCITEMENT_THRESHOLD = 0.5;

  /** The measures of {@code outcomes}. */
  public static Slice of(List<Outcome> outcomes) {
    int correct = 0;
    int hateful = 0;
    int found = 0;
    int neutral = 0;
    int neutralFlagged = 0;
    int positive = 0;
    int positiveFlagged = 0;
    int inc = 0;
    int incFound = 0;
    double[] scores = new double[outcomes.size()];
    boolean[] gold = new boolean[outcomes.size()];
    for (int i = 0; i < outcomes.size(); i++) {
      Outcome o = outcomes.get(i);
      FunctionalCase c = o.fcase();
      correct += o.correct() ? 1 : 0;
      if (c.hateful()) {
        hateful++;
        found += o.predictedHate() ? 1 : 0;
      }
      if (c.function() == CaseFunction.IDENTITY_NEUTRAL) {
        neutral++;
        neutralFlagged += o.predictedHate() ? 1 : 0;
      } else if (c.function() == CaseFunction.IDENTITY_POSITIVE) {
        positive++;
        positiveFlagged += o.predictedHate() ? 1 : 0;
      }
      if (c.incitement()) {
        inc++;
        incFound += o.incitement() >= INCITEMENT_THRESHOLD ? 1 : 0;
      }
      scores[i] = o.incitement();
      gold[i] = c.incitement();
    }
    double auc = outcomes.isEmpty() ? Double.NaN : new RankingMetrics(scores, gold).rocAuc();
    return new Slice(
        outcomes.size(),
        correct,
        hateful,
        found,
        neutral,
        neutralFlagged,
        positive,
        positiveFlagged,
        inc,
        incFound,
        auc);
  }

  private static double rate(int k, int of) {
    return of == 0 ? Double.NaN : (double) k / of;
  }

  /** Share of cases labelled right. */
  public double accuracy() {
    return rate(correct, n);
  }

  /** Share of hateful cases predicted hate. */
  public double hatefulRecall() {
    return rate(hatefulFound, hateful);
  }

  /** Share of cases that are not hateful and were not predicted hate. */
  public double contrastAccuracy() {
    return rate(correct - hatefulFound, n - hateful);
  }

  /** Share of neutral identity statements predicted hate. */
  public double neutralFpr() {
    return rate(neutralFlagged, neutral);
  }

  /** Share of positive identity statements predicted hate. */
  public double positiveFpr() {
    return rate(positiveFlagged, positive);
  }

  /** Share of incitement cases with incitement >= 0.5. */
  public double incitementRecall() {
    return rate(incitementFound, incitement);
  }
}
