package org.tocsin.core.score;

/** Range checks shared by the score records. */
final class Scores {
  private Scores() {}

  static void checkUnit(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must lie in [0, 1] [got " + value + "]");
    }
  }
}
