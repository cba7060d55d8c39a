package org.tocsin.nlp.cascade;

/**
 * When the deep stage runs.
 *
 * @param deepStage whether the deep stage runs at all
 * @param abusiveThreshold a post is flagged when {@code p(hate) + p(offensive) >=} this
 * @param lexiconThreshold ... or when the screen's dehumanisation or incitement reaches this; a
 *     lexicon hit of category {@code violence} or {@code call_to_action} always flags
 */
public record CascadeSettings(boolean deepStage, double abusiveThreshold, double lexiconThreshold) {

  /** The defaults of the node configuration. */
  public static final CascadeSettings DEFAULTS = new CascadeSettings(true, 0.5, 0.3);

  /** Checks the thresholds. */
  public CascadeSettings {
    check("abusiveThreshold", abusiveThreshold);
    check("lexiconThreshold", lexiconThreshold);
  }

  private static void check(String name, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1] [got " + v + "]");
    }
  }
}
