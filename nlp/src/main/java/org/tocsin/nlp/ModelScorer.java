package org.tocsin.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.Explanation;
import org.tocsin.core.score.PostScorer;
import org.tocsin.core.score.Score;
import org.tocsin.core.score.TargetScore;
import org.tocsin.core.score.TokenWeight;
import org.tocsin.nlp.baseline.LexiconScorer;
import org.tocsin.nlp.classifier.AbuseClassifier;
import org.tocsin.nlp.classifier.CnnEnsembleClassifier;
import org.tocsin.nlp.classifier.Explained;
import org.tocsin.nlp.classifier.HateClassifier;
import org.tocsin.nlp.classifier.Prediction;
import org.tocsin.nlp.classifier.TargetClassifier;
import org.tocsin.nlp.classifier.TargetMerge;
import org.tocsin.nlp.classifier.TextFeatures;

/**
 * Scores posts with a trained hate / offensive / normal classifier ({@link AbuseClassifier}: the
 * n-gram MLPs of {@link HateClassifier}, or {@link CnnEnsembleClassifier} with word CNNs), composed
 * with the baseline lexicon: {@code hate} and {@code offensive} come from the classifier;
 * dehumanisation, the Rabat factors and incitement come from {@link LexiconScorer}, whose lexicon
 * hits are kept in the explanation; targets are the lexicon's together with those of the trained
 * {@link TargetClassifier} when one is given (a group both name keeps the higher confidence).
 *
 * <p>Explanation tokens are the classifier's ({@link AbuseClassifier#explain}): on every post when
 * they are cheap (the CNNs' gradient × input, one pass), else only when {@code p(hate) +
 * p(offensive)} reaches {@code explainThreshold} (occlusion is incremental, a few feature rows per
 * word, but still costs about as much as the classification itself). The post is tokenised once
 * ({@link TextFeatures}) and, when both classifiers share their features, vectorised once for both.
 * Both models are named in the notes.
 *
 * <p>Thread-safe. {@link #score} never throws: if the classifier fails on a post, the lexicon's
 * score is returned with a note saying so.
 */
public final class ModelScorer implements PostScorer {

  /** The model name written into every score. */
  public static final String MODEL = "tocsin-hate-3way";

  /**
   * The version written into the scores of hate-3way v1's n-gram classifier ({@link
   * AbuseClassifier#scorerVersion} gives each classifier's).
   */
  public static final String VERSION = "2";

  /** Default for {@code explainThreshold}. */
  public static final double DEFAULT_EXPLAIN_THRESHOLD = 0.5;

  /** How many occlusion tokens an explanation lists at most. */
  public static final int TOP_TOKENS = 8;

  private static final System.Logger LOG = System.getLogger(ModelScorer.class.getName());

  private final AbuseClassifier classifier;
  private final TargetClassifier targetClassifier; // null: the lexicon's targets only
  private final LexiconScorer lexicon;
  private final double explainThreshold;
  private final String modelNote;

  /**
   * A scorer over a loaded classifier and lexicon.
   *
   * @param explainThreshold an expensive explanation (occlusion) runs when {@code p(hate) +
   *     p(offensive) >= } this; 0 always explains, a value above 1 never does; a cheap one always
   *     runs
   */
  public ModelScorer(AbuseClassifier classifier, LexiconScorer lexicon, double explainThreshold) {
    this(classifier, null, lexicon, explainThreshold);
  }

  /**
   * A scorer over a loaded classifier, target classifier and lexicon.
   *
   * @param targetClassifier names target groups alongside the lexicon; null for the lexicon's only
   * @param explainThreshold as in {@link #ModelScorer(AbuseClassifier, LexiconScorer, double)}
   */
  public ModelScorer(
      AbuseClassifier classifier,
      TargetClassifier targetClassifier,
      LexiconScorer lexicon,
      double explainThreshold) {
    this.classifier = Objects.requireNonNull(classifier, "classifier");
    this.targetClassifier = targetClassifier;
    this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    if (!(explainThreshold >= 0)) {
      throw new IllegalArgumentException(
          "explainThreshold must be >= 0 [got " + explainThreshold + "]");
    }
    this.explainThreshold = explainThreshold;
    this.modelNote =
        "hate and offensive from "
            + classifier.description()
            + "; "
            + (targetClassifier == null
                ? "targets from"
                : "targets from the DL4J classifier "
                    + targetClassifier.manifest().name()
                    + " v"
                    + targetClassifier.manifest().version()
                    + " and")
            + " the lexicon; dehumanisation, factors and incitement from "
            + LexiconScorer.MODEL
            + " v"
            + LexiconScorer.VERSION;
  }

  @Override
  public String model() {
    return MODEL;
  }

  @Override
  public String version() {
    return classifier.scorerVersion();
  }

  /** Scores one post; never throws for any content. */
  @Override
  public Score score(Post post) {
    Objects.requireNonNull(post, "post");
    Score base = lexicon.score(post);
    List<String> notes = new ArrayList<>();
    notes.add(modelNote);
    try {
      TextFeatures features = TextFeatures.of(post.text());
      Prediction p = null;
      List<TokenWeight> tokens = List.of();
      if (!classifier.explainsCheaply()) {
        p = classifier.predict(features);
      }
      if (p == null || p.abusive() >= explainThreshold) {
        Explained e = classifier.explain(features, TOP_TOKENS);
        p = e.prediction();
        tokens = e.tokens();
        notes.add(classifier.explanationNote(e));
      } else {
        notes.add(
            String.format(
                Locale.ROOT,
                "no token explanation: p(hate)+p(offensive) = %.3f is below %.2f",
                p.abusive(),
                explainThreshold));
      }
      notes.addAll(base.explanation().notes());
      Explanation explanation = new Explanation(tokens, base.explanation().lexicon(), notes);
      return new Score(
          MODEL,
          version(),
          floor4(p.hate()),
          floor4(p.offensive()),
          base.incitement(),
          base.dehumanization(),
          targets(features, base.targets()),
          base.factors(),
          explanation);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "classifier failed on a post", e);
      notes.add(
          "the classifier could not judge this post ("
              + e.getClass().getSimpleName()
              + "); hate and offensive are the lexicon baseline's");
      notes.addAll(base.explanation().notes());
      return new Score(
          MODEL,
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

  /** The lexicon's targets merged with the target classifier's ({@link TargetMerge}). */
  private List<TargetScore> targets(TextFeatures features, List<TargetScore> fromLexicon) {
    if (targetClassifier == null) {
      return fromLexicon;
    }
    return TargetMerge.merge(
        fromLexicon, targetClassifier.targets(features), TargetMerge.INFERRED_MIN_WHEN_NAMED);
  }

  private static double floor4(double v) {
    return Math.max(0, Math.floor(v * 1e4) / 1e4);
  }
}
