package org.tocsin.nlp.baseline;

import java.util.Locale;

/** What a lexicon entry signals. */
public enum LexiconCategory {
  /** A name of a protected group ({@code rohingya}, {@code refugees}). */
  GROUP,
  /** A slur: names a group and insults it ({@code kike}). */
  SLUR,
  /** Likens people to vermin, disease or animals ({@code vermin}, {@code cockroaches}). */
  DEHUMANIZATION,
  /** Names a violent act ({@code exterminate}, {@code wipe out}). */
  VIOLENCE,
  /** Urges the audience to act ({@code we must}, {@code rise up}). */
  CALL_TO_ACTION,
  /** Sets the act in the near future ({@code tonight}, {@code at dawn}). */
  IMMINENCE,
  /** Profanity or insult that is offensive but names no group by itself ({@code scum}). */
  INSULT;

  /** The name used in lexicon files and in {@link org.tocsin.core.score.LexiconHit#category()}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether entries of this category name a group, and so carry a group and a ground. */
  public boolean namesGroup() {
    return this == GROUP || this == SLUR;
  }

  /**
   * Reads a category from its file name.
   *
   * @throws IllegalArgumentException if the name is not a category
   */
  public static LexiconCategory fromJsonName(String name) {
    for (LexiconCategory c : values()) {
      if (c.jsonName().equals(name)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown lexicon category [got " + name + "]");
  }
}
