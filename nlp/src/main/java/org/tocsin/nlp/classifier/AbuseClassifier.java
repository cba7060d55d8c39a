package org.tocsin.nlp.classifier;

/**
 * A hate / offensive / normal classifier that {@link org.tocsin.nlp.ModelScorer} composes with the
 * lexicon: it classifies a post's {@link TextFeatures} (tokenised once, shared with the target
 * classifier) and names the words that drove its judgement.
 *
 * <p>Implementations are thread-safe.
 */
public interface AbuseClassifier {

  /** Classifies one tokenised text. */
  Prediction predict(TextFeatures features);

  /**
   * Classifies a text and names the words that pushed it towards hate or offensive, strongest
   * first.
   *
   * @param topK at most this many tokens are returned
   */
  Explained explain(TextFeatures features, int topK);

  /**
   * Whether {@link #explain} costs about one classification, so that every post can get its tokens;
   * false when it costs a re-classification per word (occlusion), which a scorer runs only on the
   * posts that look abusive.
   */
  boolean explainsCheaply();

  /** How notes name this classifier, e.g. {@code the DL4J classifier hate-3way v1}. */
  String description();

  /** What the weights of {@link #explain}'s tokens mean, for a score's notes. */
  String explanationNote(Explained e);

  /**
   * The version a scorer writes into the scores this classifier judges: the composition is
   * versioned with its classifier ({@code 2} for hate-3way v1's n-gram MLPs with occlusion, {@code
   * 3} for v2's ensemble with word CNNs).
   */
  String scorerVersion();
}
