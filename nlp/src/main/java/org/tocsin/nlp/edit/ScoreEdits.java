package org.tocsin.nlp.edit;

import java.util.List;
import org.tocsin.core.score.Explanation;
import org.tocsin.core.score.Factor;
import org.tocsin.core.score.Factors;
import org.tocsin.core.score.Score;
import org.tocsin.core.score.TargetScore;

/**
 * What a stage that raises or caps another scorer's score does to it (the harm grammar, the encoder
 * stage): the same rounding, the same rescaling of offensive, the same copy with new values.
 */
public final class ScoreEdits {
  private ScoreEdits() {}

  /** Rounded down to four decimals, as the stages write their scores. */
  public static double round(double v) {
    return Math.floor(v * 1e4) / 1e4;
  }

  /**
   * Offensive once hate rises from {@code s.hate()} to {@code hate}: rescaled by {@code (1 - hate)
   * / (1 - s.hate())}, so that hate, offensive and normal still sum to 1 and hate leads.
   */
  public static double offensiveAfter(Score s, double hate) {
    double offensive = s.hate() >= 1 ? 0 : s.offensive() * (1 - hate) / (1 - s.hate());
    return Math.max(0, Math.min(offensive, 1 - hate));
  }

  /** The factors with another intent. */
  public static Factors withIntent(Factors f, Factor intent) {
    return new Factors(f.context(), f.speaker(), intent, f.content(), f.extent(), f.likelihood());
  }

  /**
   * {@code s} with these values: its model, version, explanation tokens and lexicon hits kept, its
   * notes replaced by {@code notes}.
   */
  public static Score with(
      Score s,
      double hate,
      double offensive,
      double incitement,
      double dehumanization,
      List<TargetScore> targets,
      Factors factors,
      List<String> notes) {
    Explanation x = s.explanation();
    return new Score(
        s.model(),
        s.version(),
        hate,
        offensive,
        incitement,
        dehumanization,
        targets,
        factors,
        new Explanation(x.tokens(), x.lexicon(), notes));
  }
}
