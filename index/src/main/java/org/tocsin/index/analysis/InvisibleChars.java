package org.tocsin.index.analysis;

import java.io.Reader;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;

/**
 * Removes invisible formatting characters before tokenising: zero-width spaces and joiners,
 * bidirectional overrides and isolates, word joiners, the byte-order mark and soft hyphens.
 *
 * <p>They are a common way to dodge filters ({@code k\u200Bill}) and to disguise text ({@code
 * U+202E} reverses what follows). Removing them makes such text findable by what it says; the
 * stored post keeps them, and offsets still point into the original text.
 */
final class InvisibleChars {

  private static final NormalizeCharMap MAP = build(false);
  private static final NormalizeCharMap MAP_ZWNJ_AS_SPACE = build(true);

  private InvisibleChars() {}

  /** Wraps a reader so that the invisible characters are dropped. */
  static Reader strip(Reader in) {
    return new MappingCharFilter(MAP, in);
  }

  /**
   * Wraps a reader so that the invisible characters are dropped; if {@code zwnjAsSpace}, a
   * zero-width non-joiner becomes a space instead (in Persian it separates the parts of a word,
   * which the Persian analyzer reads as a break).
   */
  static Reader strip(Reader in, boolean zwnjAsSpace) {
    return new MappingCharFilter(zwnjAsSpace ? MAP_ZWNJ_AS_SPACE : MAP, in);
  }

  private static NormalizeCharMap build(boolean zwnjAsSpace) {
    NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
    int[][] ranges = {
      {0x00AD, 0x00AD}, // soft hyphen
      {0x061C, 0x061C}, // Arabic letter mark
      {0x180E, 0x180E}, // Mongolian vowel separator
      {0x200B, 0x200F}, // zero-width space, non-joiner, joiner; LRM, RLM
      {0x202A, 0x202E}, // bidirectional embeddings and overrides
      {0x2060, 0x2064}, // word joiner, invisible operators
      {0x2066, 0x2069}, // bidirectional isolates
      {0xFEFF, 0xFEFF}, // byte-order mark, zero-width no-break space
    };
    for (int[] r : ranges) {
      for (int c = r[0]; c <= r[1]; c++) {
        b.add(String.valueOf((char) c), zwnjAsSpace && c == 0x200C ? " " : "");
      }
    }
    return b.build();
  }
}
