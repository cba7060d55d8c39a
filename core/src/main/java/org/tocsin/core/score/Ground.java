package org.tocsin.core.score;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The legal ground on which a group is protected: Rome Statute art. 6 (national, ethnical, racial,
 * religious) and art. 7(1)(h) (political, cultural, gender, other), plus the grounds Tocsin adds.
 */
public enum Ground {
  NATIONAL,
  ETHNIC,
  RACIAL,
  RELIGIOUS,
  POLITICAL,
  CULTURAL,
  GENDER,
  SEXUAL_ORIENTATION,
  DISABILITY,
  MIGRATION_STATUS,
  OTHER;

  /** The name used in JSON and in the index: lower case with underscores. */
  @JsonValue
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads a ground from its JSON name.
   *
   * @throws IllegalArgumentException if the name is not a ground
   */
  @JsonCreator
  public static Ground fromJson(String name) {
    for (Ground g : values()) {
      if (g.jsonName().equals(name)) {
        return g;
      }
    }
    throw new IllegalArgumentException("unknown ground [got " + name + "]");
  }
}
