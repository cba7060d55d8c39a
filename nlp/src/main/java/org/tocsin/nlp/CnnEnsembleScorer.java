package org.tocsin.nlp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.Explanation;
import org.tocsin.core.score.PostScorer;
import org.tocsin.core.score.Score;
import org.tocsin.core.score.TargetScore;
import org.tocsin.nlp.baseline.LexiconScorer;
import org.tocsin.nlp.classifier.CnnEnsembleClassifier;
import org.tocsin.nlp.classifier.Explained;
import org.tocsin.nlp.classifier.TargetClassifier;

/**
 * Scores posts as {@link ModelScorer} does, with {@link CnnEnsembleClassifier} (n-gram MLPs and
 * word CNNs) for {@code hate} and {@code offensive}: dehumanisation, the Rabat factors and
 * incitement from {@link LexiconScorer}, targets from the lexicon and the trained {@link
 * TargetClassifier}.
 *
 * <p>Every post gets its explanation tokens, since they cost one pass of the CNNs (exact gradient ×
 * input shares of the CNNs' abusive-versus-normal margin), not one re-classification per word as
 * occlusion does. Thread-safe; {@link #score} never throws for any content.
 */
public final class CnnEnsembleScorer implements PostScorer {

  /**
   * The scorer version written into every score: {@link ModelScorer}'s {@code 2} is hate-3way v1
   * alone, {@code 3} is this composition.
   */
  public static final String VERSION = "3";

  private static final System.Logger LOG = System.getLogger(CnnEnsembleScorer.class.getName());

  private final CnnEnsembleClassifier classifier;
  private final TargetClassifier targetClassifier; // null: the lexicon's targets only
  private final LexiconScorer lexicon;
  private final String modelNote;

  /**
   * A scorer over a loaded ensemble, target classifier and lexicon.
   *
   * @param targetClassifier names target groups alongside the lexicon; null for the lexicon's only
   */
  public CnnEnsembleScorer(
      CnnEnsembleClassifier classifier, TargetClassifier targetClassifier, LexiconScorer lexicon) {
    this.classifier = Objects.requireNonNull(classifier, "classifier");
    this.targetClassifier = targetClassifier;
    this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    this.modelNote =
        String.format(
            Locale.ROOT,
            "hate and offensive from %s v%s: the DL4J n-gram classifier %s v%s (weight %.2f)"
                + " averaged with word CNNs (weight %.2f) (HateXplain, English); %s the lexicon;"
                + " dehumanisation, factors and incitement from %s v%s",
            classifier.name(),
            classifier.version(),
            classifier.ngram().manifest().name(),
            classifier.ngram().manifest().version(),
            1 - classifier.cnnWeight(),
            classifier.cnnWeight(),
            targetClassifier == null
                ? "targets from"
                : "targets from the DL4J classifier "
                    + targetClassifier.manifest().name()
                    + " v"
                    + targetClassifier.manifest().version()
                    + " and",
            LexiconScorer.MODEL,
            LexiconScorer.VERSION);
  }

  @Override
  public String model() {
    return ModelScorer.MODEL;
  }

  @Override
  public String version() {
    return VERSION;
  }

  /** Scores one post; never throws for any content. */
  @Override
  public Score score(Post post) {
    Objects.requireNonNull(post, "post");
    Score base = lexicon.score(post);
    List<String> notes = new ArrayList<>();
    notes.add(modelNote);
    try {
      Explained e = classifier.explain(post.text(), ModelScorer.TOP_TOKENS);
      notes.add(
          String.format(
              Locale.ROOT,
              "explanation tokens: each word's share of the CNNs' %s-versus-normal logit margin"
                  + " (gradient x input, %d words read)",
              e.prediction().hate() >= e.prediction().offensive() ? "hate" : "offensive",
              e.occludedTokens()));
      notes.addAll(base.explanation().notes());
      return new Score(
          ModelScorer.MODEL,
          version(),
          floor4(e.prediction().hate()),
          floor4(e.prediction().offensive()),
          base.incitement(),
          base.dehumanization(),
          targets(post.text(), base.targets()),
          base.factors(),
          new Explanation(e.tokens(), base.explanation().lexicon(), notes));
    } catch (RuntimeException ex) {
      LOG.log(System.Logger.Level.WARNING, "classifier failed on a post", ex);
      notes.add(
          "the classifier could not judge this post ("
              + ex.getClass().getSimpleName()
              + "); hate and offensive are the lexicon baseline's");
      notes.addAll(base.explanation().notes());
      return new Score(
          ModelScorer.MODEL,
          version(),
          base.hate(),
          base.offensive(),
          base.incitement(),
          base.dehumanization(),
          base.targets(),
          base.factors(),
          new Explanation(base.explanation().tokens(), base.explanation().lexicon(), notes));
    }
  }

  /** The lexicon's targets merged with the target classifier's, strongest first. */
  private List<TargetScore> targets(String text, List<TargetScore> fromLexicon) {
    if (targetClassifier == null) {
      return fromLexicon;
    }
    Map<String, TargetScore> byGroup = new LinkedHashMap<>();
    for (TargetScore t : fromLexicon) {
      byGroup.put(t.group(), t);
    }
    for (TargetScore t : targetClassifier.targets(text)) {
      TargetScore known = byGroup.get(t.group());
      if (known == null || known.confidence() < t.confidence()) {
        byGroup.put(
            t.group(),
            new TargetScore(
                t.group(), known == null ? t.ground() : known.ground(), t.confidence()));
      }
    }
    List<TargetScore> out = new ArrayList<>(byGroup.values());
    out.sort((x, y) -> Double.compare(y.confidence(), x.confidence()));
    return out;
  }

  private static double floor4(double v) {
    return Math.max(0, Math.floor(v * 1e4) / 1e4);
  }
}
