package org.tocsin.nlp.classifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tocsin.core.score.TokenWeight;
import org.tocsin.nlp.text.Token;
import org.tocsin.nlp.text.WordTokenizer;

/**
 * Explains a prediction by occlusion: each word is dropped in turn and the text re-classified; a
 * word's weight is how much {@code p(hate) + p(offensive)} falls without it. All variants go
 * through the network in one batch. Words that appear several times keep their largest weight; only
 * words with a positive weight (they push towards hate or offensive) are returned, strongest first,
 * under their spelling in the post.
 */
final class OcclusionExplainer {

  /** Only the first this many words of a long text are occluded. */
  static final int MAX_OCCLUDED = 128;

  /** Log-odds drops below this are noise and not reported. */
  static final double MIN_LOG_ODDS = 0.05;

  private OcclusionExplainer() {}

  static Explained explain(HateClassifier classifier, String text, int topK) {
    Objects.requireNonNull(text, "text");
    if (topK < 0) {
      throw new IllegalArgumentException("topK must be >= 0 [got " + topK + "]");
    }
    List<Token> tokens = WordTokenizer.tokenize(text).tokens();
    List<String> words = new ArrayList<>(tokens.size());
    for (Token t : tokens) {
      words.add(t.text());
    }
    int n = Math.min(words.size(), MAX_OCCLUDED);
    List<List<String>> variants = new ArrayList<>(n + 1);
    variants.add(words);
    for (int i = 0; i < n; i++) {
      List<String> without = new ArrayList<>(words);
      without.remove(i);
      variants.add(without);
    }
    List<Prediction> p = classifier.predictTokens(variants);
    double base = p.get(0).abusive();
    double baseLogOdds = logOdds(base);
    Map<String, TokenWeight> best = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      double without = p.get(i + 1).abusive();
      if (baseLogOdds - logOdds(without) < MIN_LOG_ODDS) {
        continue;
      }
      double weight = base - without;
      Token t = tokens.get(i);
      String surface = safeSubstring(text, t);
      TokenWeight old = best.get(t.text());
      if (old == null || old.weight() < weight) {
        best.put(t.text(), new TokenWeight(surface, weight));
      }
    }
    List<TokenWeight> top = new ArrayList<>(best.values());
    top.sort(Comparator.comparingDouble(TokenWeight::weight).reversed());
    return new Explained(p.get(0), top.subList(0, Math.min(topK, top.size())), n);
  }

  private static String safeSubstring(String text, Token t) {
    return t.end() <= text.length() ? text.substring(t.start(), t.end()) : t.text();
  }

  private static double logOdds(double p) {
    double q = Math.min(1 - 1e-12, Math.max(1e-12, p));
    return Math.log(q / (1 - q));
  }
}
