package org.tocsin.models.functional;

import java.util.Locale;

/**
 * The linguistic functions of the suite: what a case tests. Hateful functions must be labelled hate
 * by a good scorer; the others are contrasts it must leave alone.
 */
public enum CaseFunction {
  /** A direct threat against a group ("I am going to kill ..."). */
  THREAT_DIRECT(true, true),
  /** A threat stated as a norm ("... should be killed", "... deserve ..."). */
  THREAT_NORMATIVE(true, true),
  /** A call to violence, expulsion or extermination (imperative, modal, "someone should"). */
  CALL_VIOLENCE(true, true),
  /** A dehumanising comparison (vermin, disease, animals). */
  DEHUMANISE(true, true),
  /** Derogation by a negative attribute or a stated emotion. */
  DEROGATE(true, true),
  /** A slur for the group. */
  SLUR(true, true),
  /** Hate expressed with profanity. */
  PROFANITY_HATE(true, true),
  /** Hate carried by a pronoun or a subordinate clause. */
  PRONOUN_SUBCLAUSE(true, true),
  /** Hate phrased as a question or an opinion. */
  QUESTION_OPINION(true, true),
  /** Hate as a negated positive statement ("... are not worth respecting"). */
  NEGATED_POSITIVE(true, true),
  /**
   * A hateful case with its spelling obfuscated (swap, deletion, leetspeak, spaces, homoglyphs).
   */
  OBFUSCATED(true, true),
  /** A neutral statement that mentions the group. */
  IDENTITY_NEUTRAL(false, true),
  /** A positive statement about the group. */
  IDENTITY_POSITIVE(false, true),
  /** Negated hate: the group does not deserve harm. */
  NEGATED_HATE(false, true),
  /** Counter-speech that quotes or reports hate in order to reject it. */
  COUNTER_SPEECH(false, true),
  /** A news report about violence against the group. */
  NEWS_VIOLENCE(false, true),
  /** A slur reclaimed by members of the group. */
  SLUR_RECLAIMED(false, false),
  /** A word that is a slur used in its other, harmless sense. */
  SLUR_HOMONYM(false, false),
  /** Abuse aimed at an object. */
  ABUSE_OBJECT(false, false),
  /** Abuse aimed at an individual, not for belonging to a group. */
  ABUSE_INDIVIDUAL(false, false),
  /** Profanity with no target. */
  PROFANITY_UNTARGETED(false, false);

  private final boolean hateful;
  private final boolean everyGroup;

  CaseFunction(boolean hateful, boolean everyGroup) {
    this.hateful = hateful;
    this.everyGroup = everyGroup;
  }

  /** Whether cases of this function are hateful (gold label). */
  public boolean hateful() {
    return hateful;
  }

  /**
   * Whether the suite promises this function for every group in every language and part (slurs,
   * reclaimed slurs and homonyms exist only where the language has such a word; abuse of objects
   * and individuals and untargeted profanity have no group).
   */
  public boolean everyGroup() {
    return everyGroup && this != SLUR;
  }

  /** The name used in the template files and reports: {@code threat_direct}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The function named {@code id} in a template file.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static CaseFunction parse(String id) {
    for (CaseFunction f : values()) {
      if (f.id().equals(id)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown function [got " + id + "]");
  }
}
