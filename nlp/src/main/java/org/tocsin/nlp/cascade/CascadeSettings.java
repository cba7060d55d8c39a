package org.tocsin.nlp.cascade;

/**
 * When the deep stage runs, and on how many threads a batch is scored.
 *
 * <p>The gate (see {@link CascadeScorer#gate}): an English post goes to CoreNLP when the screen
 * found a violence or call-to-action lexicon term <em>together with</em> a target-group signal (a
 * group, slur or dehumanisation term, or a target the classifier names with confidence at least
 * {@code targetThreshold}), or when the screen's incitement pre-score reaches {@code
 * incitementThreshold}. A post the classifier merely finds abusive does not go deep: CoreNLP is
 * there to confirm the structure of a call to action, which needs a violent act and a target.
 *
 * @param deepStage whether the deep stage runs at all
 * @param targetThreshold a classifier target at this confidence or above is a target-group signal
 * @param incitementThreshold a post whose screen incitement reaches this goes deep regardless
 * @param threads worker threads {@link CascadeScorer#scoreAll} spreads a batch over (1: the calling
 *     thread only)
 */
public record CascadeSettings(
    boolean deepStage, double targetThreshold, double incitementThreshold, int threads) {

  /** The defaults of the node configuration. */
  public static final CascadeSettings DEFAULTS = new CascadeSettings(true, 0.8, 0.3, 2);

  /** The most worker threads a cascade may use. */
  public static final int MAX_THREADS = 64;

  /** Checks the thresholds and the thread count. */
  public CascadeSettings {
    check("targetThreshold", targetThreshold);
    check("incitementThreshold", incitementThreshold);
    if (threads < 1 || threads > MAX_THREADS) {
      throw new IllegalArgumentException(
          "threads must be in [1, " + MAX_THREADS + "] [got " + threads + "]");
    }
  }

  private static void check(String name, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1] [got " + v + "]");
    }
  }
}
