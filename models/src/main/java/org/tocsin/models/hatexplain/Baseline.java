package org.tocsin.models.hatexplain;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.tocsin.nlp.classifier.FeatureConfig;
import org.tocsin.nlp.classifier.TfidfVectorizer;

/**
 * The plain linear baseline of issue 5, measured in the same run as the shipped model: TF-IDF over
 * word 1–2-grams and character 3–4-grams (hashed into 2^18 buckets, IDF from train) with
 * multinomial logistic regression on the majority labels, no class weights, no extra data; the L2
 * penalty and the epoch chosen on validation macro-F1.
 *
 * @param vectorizer its features
 * @param model the fitted regression
 * @param l2 the penalty chosen
 */
record Baseline(TfidfVectorizer vectorizer, LinearTrainer.Model model, double l2) {

  /** What the baseline is, for the manifest. */
  static final String DESCRIPTION =
      "TF-IDF word 1-2-grams + char 3-4-grams (2^18 hashed buckets, sublinear tf, IDF from train)"
          + " + multinomial logistic regression on majority labels (AdaGrad, L2 and epoch chosen on"
          + " validation)";

  static final FeatureConfig FEATURES = new FeatureConfig(18, 2, 3, 4, 2, 20200);

  /** Its validation metrics. */
  Evaluation val() {
    return model.val();
  }

  /** Trains the baseline on train, choosing on val. */
  static Baseline train(
      List<HateXplainData.Post> train, List<HateXplainData.Post> val, PrintStream log) {
    TfidfVectorizer v =
        TfidfVectorizer.fit(FEATURES, train.stream().map(HateXplainData.Post::tokens).toList());
    var trainX = TrainHateClassifier.vectorize(v, train);
    var valX = TrainHateClassifier.vectorize(v, val);
    double[][] targets = TrainHateClassifier.targets(train, false);
    double[] ones = new double[train.size()];
    Arrays.fill(ones, 1);
    Baseline best = null;
    for (double l2 : new double[] {1e-4, 1e-3, 3e-3}) {
      LinearTrainer.Model m =
          new LinearTrainer(0.05, l2, 12, 42, log)
              .train(
                  FEATURES.dimension(),
                  trainX,
                  targets,
                  ones,
                  valX,
                  TrainHateClassifier.labels(val));
      log.printf(Locale.ROOT, "baseline l2=%s val %s%n", l2, m.val().summary());
      if (best == null || m.val().macroF1() > best.val().macroF1()) {
        best = new Baseline(v, m, l2);
      }
    }
    return best;
  }

  /** Evaluates on posts (the test split, once). */
  Evaluation evaluate(List<HateXplainData.Post> posts) {
    return Evaluation.of(
        model.predict(TrainHateClassifier.vectorize(vectorizer, posts)),
        TrainHateClassifier.labels(posts));
  }
}
