package org.tocsin.nlp.classifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tocsin.core.score.TokenWeight;
import org.tocsin.nlp.text.Token;

/**
 * Explains a prediction by occlusion: each word is dropped in turn and the text re-classified; a
 * word's weight is how much {@code p(hate) + p(offensive)} falls without it. Words that appear
 * several times keep their largest weight; only words with a positive weight (they push towards
 * hate or offensive) are returned, strongest first, under their spelling in the post.
 *
 * <p>The re-classification is incremental and exact: dropping a word only takes out its word
 * n-grams, puts in the n-grams that now bridge the gap and takes out its character n-grams, so the
 * networks' first-layer sums over the whole text are kept per feature block and only the rows of
 * the buckets whose TF-IDF weight changes are read, before each block is rescaled to its new unit
 * length ({@link HateClassifier#abusiveWithoutEach}). That gives what vectorising and classifying
 * each shortened text afresh gives ({@link #explainByReclassification}, the reference the tests
 * compare with) up to float rounding, at the cost of a few dozen feature rows per word instead of
 * the whole post.
 */
final class OcclusionExplainer {

  /** Only the first this many words of a long text are occluded. */
  static final int MAX_OCCLUDED = 128;

  /** Log-odds drops below this are noise and not reported. */
  static final double MIN_LOG_ODDS = 0.05;

  private OcclusionExplainer() {}

  /** The explanation, with incremental re-classification. */
  static Explained explain(HateClassifier classifier, TextFeatures features, int topK) {
    checkTopK(topK);
    List<String> words = features.words();
    int n = Math.min(words.size(), MAX_OCCLUDED);
    Prediction base = classifier.predict(features);
    double[] without = classifier.abusiveWithoutEach(features, n);
    return explained(features.text(), features.tokens(), base, without, topK);
  }

  /**
   * The explanation by vectorising and classifying every shortened text afresh: the slow reference
   * that {@link #explain} must equal.
   */
  static Explained explainByReclassification(HateClassifier classifier, String text, int topK) {
    Objects.requireNonNull(text, "text");
    checkTopK(topK);
    TextFeatures features = TextFeatures.of(text);
    List<String> words = features.words();
    int n = Math.min(words.size(), MAX_OCCLUDED);
    List<List<String>> variants = new ArrayList<>(n + 1);
    variants.add(words);
    for (int i = 0; i < n; i++) {
      List<String> shorter = new ArrayList<>(words);
      shorter.remove(i);
      variants.add(shorter);
    }
    List<Prediction> p = classifier.predictTokens(variants);
    double[] without = new double[n];
    for (int i = 0; i < n; i++) {
      without[i] = p.get(i + 1).abusive();
    }
    return explained(text, features.tokens(), p.get(0), without, topK);
  }

  private static Explained explained(
      String text, List<Token> tokens, Prediction basePrediction, double[] without, int topK) {
    double base = basePrediction.abusive();
    double baseLogOdds = logOdds(base);
    Map<String, TokenWeight> best = new LinkedHashMap<>();
    for (int i = 0; i < without.length; i++) {
      if (baseLogOdds - logOdds(without[i]) < MIN_LOG_ODDS) {
        continue;
      }
      double weight = base - without[i];
      Token t = tokens.get(i);
      String surface = safeSubstring(text, t);
      TokenWeight old = best.get(t.text());
      if (old == null || old.weight() < weight) {
        best.put(t.text(), new TokenWeight(surface, weight));
      }
    }
    List<TokenWeight> top = new ArrayList<>(best.values());
    top.sort(Comparator.comparingDouble(TokenWeight::weight).reversed());
    return new Explained(
        basePrediction, top.subList(0, Math.min(topK, top.size())), without.length);
  }

  private static void checkTopK(int topK) {
    if (topK < 0) {
      throw new IllegalArgumentException("topK must be >= 0 [got " + topK + "]");
    }
  }

  private static String safeSubstring(String text, Token t) {
    return t.end() <= text.length() ? text.substring(t.start(), t.end()) : t.text();
  }

  private static double logOdds(double p) {
    double q = Math.min(1 - 1e-12, Math.max(1e-12, p));
    return Math.log(q / (1 - q));
  }
}
