package org.tocsin.core.score;

import java.util.Objects;

/**
 * The Rabat Plan of Action's six-part test, each part scored with its evidence.
 *
 * @param context the social and political context (watchlists, analyst-set risk)
 * @param speaker the speaker's standing and reach
 * @param intent explicit calls to act, glorification
 * @param content content and form: dehumanisation, calls to violence, the classifier's view
 * @param extent the reach of the speech: reposts, replies, campaign membership
 * @param likelihood likelihood and imminence: velocity, times and places
 */
public record Factors(
    Factor context,
    Factor speaker,
    Factor intent,
    Factor content,
    Factor extent,
    Factor likelihood) {

  /** All factors empty. */
  public static final Factors NONE =
      new Factors(Factor.NONE, Factor.NONE, Factor.NONE, Factor.NONE, Factor.NONE, Factor.NONE);

  /** Checks that every factor is present. */
  public Factors {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(speaker, "speaker");
    Objects.requireNonNull(intent, "intent");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(extent, "extent");
    Objects.requireNonNull(likelihood, "likelihood");
  }
}
