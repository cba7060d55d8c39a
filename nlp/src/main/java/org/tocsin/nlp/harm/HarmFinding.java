package org.tocsin.nlp.harm;

import java.util.Objects;
import org.tocsin.core.score.Ground;

/**
 * One construction found in a post.
 *
 * @param construction what was found
 * @param act the act it names ({@link Act#NONE} for comparisons and derogation)
 * @param group the group it is aimed at (taxonomy name)
 * @param ground the group's legal ground
 * @param words the post's words the construction was read from, in order
 * @param viaPronoun the group was named earlier and the construction refers to it by a pronoun
 * @param blocker why it does not count (negation, quotation ...), or null if it does
 */
public record HarmFinding(
    Construction construction,
    Act act,
    String group,
    Ground ground,
    String words,
    boolean viaPronoun,
    String blocker) {

  /** Checks the fields. */
  public HarmFinding {
    Objects.requireNonNull(construction, "construction");
    Objects.requireNonNull(act, "act");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(words, "words");
  }

  /** Whether it counts (no blocker). */
  public boolean fires() {
    return blocker == null;
  }

  /** One line for a note: "call (extermination) on 'kill all gays' aimed at gay". */
  public String describe() {
    return construction.label()
        + (act == Act.NONE ? "" : " (" + act.label() + ")")
        + " on '"
        + words
        + "' aimed at "
        + group
        + (viaPronoun ? " (named earlier, referred to by a pronoun)" : "");
  }
}
