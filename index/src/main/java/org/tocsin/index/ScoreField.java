package org.tocsin.index;

import java.util.Locale;
import org.tocsin.index.schema.PostFields;

/** A score of a post that searches can filter on, sort by and count in ranges. */
public enum ScoreField {
  /** The hate probability. */
  HATE(PostFields.HATE),
  /** The offensive probability. */
  OFFENSIVE(PostFields.OFFENSIVE),
  /** The incitement score. */
  INCITEMENT(PostFields.INCITEMENT),
  /** The dehumanisation score. */
  DEHUMANIZATION(PostFields.DEHUMANIZATION);

  private final String field;

  ScoreField(String field) {
    this.field = field;
  }

  /** The index field that holds the score. */
  public String field() {
    return field;
  }

  /** The name used in APIs: the lower-case enum name ({@code hate}, {@code incitement} ...). */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
