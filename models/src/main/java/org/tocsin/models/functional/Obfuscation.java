package org.tocsin.models.functional;

import java.util.Locale;

/** The spelling transforms that make obfuscated cases from hateful ones. */
public enum Obfuscation {
  /** Two adjacent inner letters swapped: "kill" to "klil". */
  SWAP,
  /** One inner letter dropped: "vermin" to "vermn". */
  DELETE,
  /**
   * Letters replaced by look-alike digits or symbols (a 4, e 3, i 1, o 0, s $, t 7); in Arabic,
   * where there is no leetspeak, a word stretched with tatweel (kashida) instead.
   */
  LEET,
  /** Spaces put between the letters of a word: "k i l l". */
  SPACE_ADD,
  /** The space between a word and the next one removed: "killall". */
  SPACE_REMOVE,
  /**
   * Letters replaced by look-alikes from another script (Latin a, e, o, c, p to Cyrillic; Arabic
   * kaf, yeh, heh to their Persian and Urdu forms).
   */
  HOMOGLYPH;

  /** The name used in case ids and reports: {@code space_add}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
