package org.tocsin.index.highlight;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Formats highlighted passages as plain text with the matches wrapped in {@link #MARK_START} and
 * {@link #MARK_END}.
 *
 * <p>The text is not escaped: the caller escapes for its output format and then turns the markers
 * into markup. Marker characters already in the text become {@code U+FFFD}, so every marker in the
 * output is one this class wrote and they always pair up. Passages are joined with {@code " … "},
 * and a passage that does not start at the beginning or end at the end of the text gets a {@code …}
 * on that side.
 */
public final class MarkerPassageFormatter extends PassageFormatter {

  /** Marks the start of a match ({@code U+0002}, START OF TEXT). */
  public static final char MARK_START = '\u0002';

  /** Marks the end of a match ({@code U+0003}, END OF TEXT). */
  public static final char MARK_END = '\u0003';

  /** Shown where text was left out. */
  public static final String ELLIPSIS = "…";

  /** Creates the formatter. */
  public MarkerPassageFormatter() {}

  /** Formats the passages of one document; returns a {@code String}. */
  @Override
  public Object format(Passage[] passages, String content) {
    StringBuilder sb = new StringBuilder();
    int lastEnd = 0;
    for (int p = 0; p < passages.length; p++) {
      Passage passage = passages[p];
      int start = clamp(passage.getStartOffset(), content);
      int end = Math.max(start, clamp(passage.getEndOffset(), content));
      if (p > 0) {
        sb.append(' ').append(ELLIPSIS).append(' ');
      } else if (start > 0) {
        sb.append(ELLIPSIS);
      }
      int pos = start;
      int[] starts = passage.getMatchStarts();
      int[] ends = passage.getMatchEnds();
      for (int i = 0; i < passage.getNumMatches(); i++) {
        int matchStart = Math.max(pos, clamp(starts[i], content));
        int matchEnd = clamp(ends[i], content);
        // Overlapping matches (synonyms, nested phrases) are merged into one marked span.
        while (i + 1 < passage.getNumMatches() && starts[i + 1] < matchEnd) {
          matchEnd = Math.max(matchEnd, clamp(ends[++i], content));
        }
        matchEnd = Math.min(matchEnd, end);
        if (matchEnd <= matchStart) {
          continue;
        }
        appendClean(sb, content, pos, matchStart);
        sb.append(MARK_START);
        appendClean(sb, content, matchStart, matchEnd);
        sb.append(MARK_END);
        pos = matchEnd;
      }
      appendClean(sb, content, pos, end);
      lastEnd = end;
    }
    if (passages.length > 0 && lastEnd < content.length()) {
      sb.append(ELLIPSIS);
    }
    return sb.toString();
  }

  private static int clamp(int offset, String content) {
    return Math.max(0, Math.min(offset, content.length()));
  }

  private static void appendClean(StringBuilder sb, String content, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = content.charAt(i);
      sb.append(c == MARK_START || c == MARK_END ? '\uFFFD' : c);
    }
  }
}
