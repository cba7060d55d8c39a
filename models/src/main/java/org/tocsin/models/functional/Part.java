package org.tocsin.models.functional;

import java.util.Locale;

/** The two disjoint parts of the suite: train (for training and tuning) and test (for reports). */
public enum Part {
  /** Templates and fillers that training and tuning may use. */
  TRAIN,
  /** Templates and fillers kept for measurement only. */
  TEST;

  /** The directory name in models/functional: {@code train} or {@code test}. */
  public String dir() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The part named {@code name} ({@code train} or {@code test}, any case).
   *
   * @throws IllegalArgumentException for any other name
   */
  public static Part parse(String name) {
    for (Part p : values()) {
      if (p.dir().equalsIgnoreCase(name == null ? "" : name.strip())) {
        return p;
      }
    }
    throw new IllegalArgumentException("part must be train or test [got " + name + "]");
  }
}
