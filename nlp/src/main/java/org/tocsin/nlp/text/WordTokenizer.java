package org.tocsin.nlp.text;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Splits text into lower-cased words: runs of Unicode letters, digits and combining marks.
 *
 * <p>The rules, in order of precedence:
 *
 * <ul>
 *   <li>URLs ({@code http://}, {@code https://}, {@code www.} up to the next white space) and
 *       {@code @handles} are skipped: they name places and people, not what is said about them.
 *   <li>A hashtag keeps its words: {@code #StopHindiImposition} gives {@code stop}, {@code hindi},
 *       {@code imposition} (split at underscores and at lower-to-upper case changes); an all-lower
 *       or all-upper hashtag stays one word. Hashtag words are marked {@link Token#hashtag()}.
 *   <li>An apostrophe ({@code '}, {@code ’}, {@code ‘}, {@code ʼ}, {@code ＇}) between two word
 *       characters stays in the word as {@code '} ({@code let's}, {@code don't}); elsewhere it
 *       separates words. Invisible format characters (zero-width space and joiners, soft hyphen,
 *       direction marks) inside a word are dropped, so {@code kill} with a zero-width space inside
 *       still reads as {@code kill}.
 *   <li>A run of letters in a script written without spaces between words (Myanmar, Thai, Lao,
 *       Khmer, Tibetan, Han, Hiragana, Katakana) is cut into words by ICU's dictionary-based word
 *       segmentation, so a Burmese or Thai sentence gives its words, not one long run (which,
 *       longer than {@link #MAX_TOKEN_CHARS}, would be dropped).
 *   <li>Each word is NFKC-normalised (full-width letters and ligatures become plain letters) and
 *       lower-cased with {@link Locale#ROOT}.
 * </ul>
 *
 * <p>Work is bounded: only the first {@link #MAX_CHARS} chars are read, at most {@link #MAX_TOKENS}
 * words are returned, and a word longer than {@link #MAX_TOKEN_CHARS} chars is dropped (it is not a
 * word of any lexicon). Time is linear in the part of the text read. Thread-safe: no state.
 */
public final class WordTokenizer {

  /** How many chars of a text are read; the rest is ignored and the result marked truncated. */
  public static final int MAX_CHARS = 100_000;

  /** How many words are returned at most; past that the result is marked truncated. */
  public static final int MAX_TOKENS = 20_000;

  /** Words longer than this many chars (before normalisation) are dropped. */
  public static final int MAX_TOKEN_CHARS = 64;

  /** ICU's word segmentation, cloned for each use (an instance is not thread-safe). */
  private static final BreakIterator WORDS = BreakIterator.getWordInstance(ULocale.ROOT);

  private WordTokenizer() {}

  /**
   * Splits a text into words.
   *
   * @param text any text, however hostile
   * @return the words in order, never {@code null}
   */
  public static TokenizedText tokenize(String text) {
    Objects.requireNonNull(text, "text");
    int limit = Math.min(text.length(), MAX_CHARS);
    if (limit < text.length() && limit > 0 && Character.isHighSurrogate(text.charAt(limit - 1))) {
      limit--; // do not split a surrogate pair
    }
    List<Token> out = new ArrayList<>();
    boolean sentenceStart = true;
    int i = 0;
    while (i < limit) {
      if (out.size() >= MAX_TOKENS) {
        return new TokenizedText(out, true);
      }
      int cp = text.codePointAt(i);
      if (isWordChar(cp)) {
        if (startsUrl(text, i)) {
          i = skipToWhitespace(text, i, limit);
        } else {
          i = readWord(text, i, limit, sentenceStart, out);
          sentenceStart = false;
        }
      } else if (cp == '#' && startsName(text, i, limit)) {
        i = readHashtag(text, i + 1, limit, out);
        sentenceStart = false;
      } else if (cp == '@' && startsName(text, i, limit)) {
        i = skipName(text, i + 1, limit);
      } else {
        if (isSentenceEnd(cp)) {
          sentenceStart = true;
        }
        i += Character.charCount(cp);
      }
    }
    return new TokenizedText(out, limit < text.length());
  }

  /** Whether a code point can be part of a word: a letter, a digit or a combining mark. */
  public static boolean isWordChar(int cp) {
    if (cp < 0x80) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    }
    if (Character.isLetterOrDigit(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  private static int readWord(
      String text, int start, int limit, boolean sentenceStart, List<Token> out) {
    StringBuilder word = new StringBuilder(16);
    boolean ascii = true;
    boolean tooLong = false;
    boolean spaceless = false;
    int i = start;
    int end = start;
    while (i < limit) {
      int cp = text.codePointAt(i);
      int n = Character.charCount(cp);
      if (isWordChar(cp)) {
        if (word.length() <= MAX_TOKEN_CHARS) {
          word.appendCodePoint(cp);
        } else {
          tooLong = true;
        }
        ascii &= cp < 0x80;
        spaceless |= !ascii && isSpaceless(cp);
        i += n;
        end = i;
      } else if (isApostrophe(cp) && i + n < limit && isWordChar(text.codePointAt(i + n))) {
        if (word.length() <= MAX_TOKEN_CHARS) {
          word.append('\'');
        }
        i += n;
      } else if (Character.getType(cp) == Character.FORMAT) {
        int j = i + n;
        while (j < limit && Character.getType(text.codePointAt(j)) == Character.FORMAT) {
          j += Character.charCount(text.codePointAt(j));
        }
        if (j < limit && isWordChar(text.codePointAt(j))) {
          i = j;
        } else {
          break;
        }
      } else {
        break;
      }
    }
    if (spaceless) {
      segment(text, start, end, sentenceStart, out);
    } else if (!tooLong && word.length() <= MAX_TOKEN_CHARS) {
      out.add(new Token(normalise(word, ascii), start, end, false, sentenceStart));
    }
    return i;
  }

  /** Whether a code point is in a script written without spaces between words. */
  static boolean isSpaceless(int cp) {
    if (cp < 0x0E00) {
      return false;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return switch (script) {
      case MYANMAR, THAI, LAO, KHMER, TIBETAN, HAN, HIRAGANA, KATAKANA -> true;
      default -> false;
    };
  }

  /**
   * Emits the words ICU finds in {@code text[start, end)}: each segment holding a word character,
   * without its invisible format characters, if not longer than {@link #MAX_TOKEN_CHARS}.
   */
  private static void segment(
      String text, int start, int end, boolean sentenceStart, List<Token> out) {
    BreakIterator words = (BreakIterator) WORDS.clone();
    words.setText(text.substring(start, end));
    boolean first = sentenceStart;
    for (int from = words.first(), to = words.next();
        to != BreakIterator.DONE && out.size() < MAX_TOKENS;
        from = to, to = words.next()) {
      StringBuilder word = new StringBuilder(to - from);
      boolean ascii = true;
      boolean wordChar = false;
      for (int k = start + from; k < start + to; ) {
        int cp = text.codePointAt(k);
        k += Character.charCount(cp);
        if (Character.getType(cp) == Character.FORMAT) {
          continue;
        }
        wordChar |= isWordChar(cp);
        ascii &= cp < 0x80;
        word.appendCodePoint(cp);
      }
      if (wordChar && word.length() <= MAX_TOKEN_CHARS) {
        out.add(new Token(normalise(word, ascii), start + from, start + to, false, first));
        first = false;
      }
    }
  }

  /** Reads a hashtag body from {@code start} (just after the {@code #}) and emits its words. */
  private static int readHashtag(String text, int start, int limit, List<Token> out) {
    int i = start;
    while (i < limit) {
      int cp = text.codePointAt(i);
      if (!isWordChar(cp) && cp != '_') {
        break;
      }
      i += Character.charCount(cp);
    }
    int bodyEnd = i;
    int partStart = start;
    int prev = -1;
    boolean first = true;
    for (int k = start; k < bodyEnd; ) {
      int cp = text.codePointAt(k);
      int n = Character.charCount(cp);
      if (cp == '_') {
        first &= !emitHashtagWord(text, partStart, k, first, out);
        partStart = k + n;
        prev = -1;
      } else {
        int next = k + n < bodyEnd ? text.codePointAt(k + n) : -1;
        if (k > partStart && isCamelBoundary(prev, cp, next)) {
          first &= !emitHashtagWord(text, partStart, k, first, out);
          partStart = k;
        }
        prev = cp;
      }
      k += n;
    }
    emitHashtagWord(text, partStart, bodyEnd, first, out);
    return bodyEnd;
  }

  /** Emits one word of a hashtag; the first word of a hashtag counts as a sentence start. */
  private static boolean emitHashtagWord(
      String text, int start, int end, boolean first, List<Token> out) {
    if (end <= start || end - start > MAX_TOKEN_CHARS || out.size() >= MAX_TOKENS) {
      return false;
    }
    StringBuilder word = new StringBuilder(end - start);
    boolean ascii = true;
    for (int k = start; k < end; ) {
      int cp = text.codePointAt(k);
      word.appendCodePoint(cp);
      ascii &= cp < 0x80;
      k += Character.charCount(cp);
    }
    out.add(new Token(normalise(word, ascii), start, end, true, first));
    return true;
  }

  private static boolean isCamelBoundary(int prev, int cur, int next) {
    if (!Character.isUpperCase(cur) || prev < 0) {
      return false;
    }
    if (Character.isLowerCase(prev) || Character.isDigit(prev)) {
      return true;
    }
    return Character.isUpperCase(prev) && next >= 0 && Character.isLowerCase(next);
  }

  private static String normalise(CharSequence word, boolean ascii) {
    String s = word.toString();
    if (!ascii) {
      s = Normalizer.normalize(s, Normalizer.Form.NFKC);
    }
    return s.toLowerCase(Locale.ROOT);
  }

  /** Whether a {@code #} or {@code @} at {@code i} starts a hashtag or handle. */
  private static boolean startsName(String text, int i, int limit) {
    if (i + 1 >= limit || !isWordChar(text.codePointAt(i + 1))) {
      return false;
    }
    return i == 0 || !isWordChar(text.codePointBefore(i));
  }

  private static int skipName(String text, int start, int limit) {
    int i = start;
    while (i < limit) {
      int cp = text.codePointAt(i);
      if (!isWordChar(cp) && cp != '_') {
        break;
      }
      i += Character.charCount(cp);
    }
    return i;
  }

  private static boolean startsUrl(String text, int i) {
    return text.regionMatches(true, i, "http://", 0, 7)
        || text.regionMatches(true, i, "https://", 0, 8)
        || text.regionMatches(true, i, "www.", 0, 4);
  }

  private static int skipToWhitespace(String text, int start, int limit) {
    int i = start;
    while (i < limit) {
      int cp = text.codePointAt(i);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        break;
      }
      i += Character.charCount(cp);
    }
    return i;
  }

  private static boolean isApostrophe(int cp) {
    return cp == '\'' || cp == '\u2019' || cp == '\u2018' || cp == '\u02BC' || cp == '\uFF07';
  }

  private static boolean isSentenceEnd(int cp) {
    switch (cp) {
      case '.':
      case '!':
      case '?':
      case '\n':
      case '\r':
      case '\u2026': // horizontal ellipsis
      case '\u3002': // ideographic full stop
      case '\uFF01': // full-width exclamation mark
      case '\uFF1F': // full-width question mark
      case '\u061F': // Arabic question mark
      case '\u06D4': // Arabic full stop
      case '\u0964': // Devanagari danda
      case '\u0965': // Devanagari double danda
      case '\u1362': // Ethiopic full stop
      case '\u104B': // Myanmar section mark
        return true;
      default:
        return false;
    }
  }
}
