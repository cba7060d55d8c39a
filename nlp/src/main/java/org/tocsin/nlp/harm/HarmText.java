package org.tocsin.nlp.harm;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A post cut into the words the harm grammar reads, each folded and de-obfuscated ({@link
 * Deobfuscator}), with where it stands: its sentence (cut at {@code . ! ?} and line breaks), its
 * clause (also cut at {@code , ; :}, brackets, dashes and the language's adversative and causal
 * conjunctions), whether it stands inside quotation marks, and whether its sentence is a question.
 *
 * <p>URLs and {@code @handles} are skipped; a hashtag's words are split at case changes and, when
 * written in one case, as words run together; zero-width and other invisible format characters are
 * dropped; three or more single letters in a row ({@code k i l l}, {@code k.i.l.l}) are read as one
 * word. Work is bounded: only the first {@value #MAX_CHARS} chars and {@value #MAX_WORDS} words are
 * read.
 */
final class HarmText {

  /** How many chars of a post are read. */
  static final int MAX_CHARS = 5_000;

  /** How many words of a post are read. */
  static final int MAX_WORDS = 600;

  final String[] words;
  final String[] surface;
  final boolean[] quoted;
  final int[] sentence;
  final int[] clause;
  final boolean[] question;
  final List<String> readings;

  private HarmText(
      String[] words,
      String[] surface,
      boolean[] quoted,
      int[] sentence,
      int[] clause,
      boolean[] question,
      List<String> readings) {
    this.words = words;
    this.surface = surface;
    this.quoted = quoted;
    this.sentence = sentence;
    this.clause = clause;
    this.question = question;
    this.readings = readings;
  }

  int size() {
    return words.length;
  }

  /** A raw token before reading. */
  private record Raw(
      String text, boolean quoted, int sentence, int clause, boolean hashtag, boolean joined) {}

  /** Cuts and reads a post's text. */
  /**
   * How HateXplain and corpora built like it write an anonymised handle; read like {@code @handle}
   * (skipped), so that a call after it still opens its sentence.
   */
  static final String USER_PLACEHOLDER = "<user>";

  static HarmText of(String text, Deobfuscator reader, String language) {
    String t = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    if (!Folding.ascii(t) && !Normalizer.isNormalized(t, Normalizer.Form.NFKC)) {
      t = Normalizer.normalize(t, Normalizer.Form.NFKC);
    }
    List<Raw> raw = new ArrayList<>();
    List<Boolean> questions = new ArrayList<>();
    int sentence = 0;
    int clause = 0;
    boolean inQuote = false;
    boolean sentenceHasWords = false;
    StringBuilder word = new StringBuilder();
    int n = t.length();
    int i = 0;
    boolean hashtag = false;
    while (i < n && raw.size() < MAX_WORDS * 2) {
      char c = t.charAt(i);
      if (Character.isWhitespace(c)) {
        flush(word, raw, inQuote, sentence, clause, hashtag);
        hashtag = false;
        if (c == '\n' && sentenceHasWords) {
          questions.add(false);
          sentence++;
          clause++;
          sentenceHasWords = false;
        }
        i++;
        // a URL or a handle runs to the next white space (a corpus's anonymised handle, <user>,
        // too)
        if (i < n
            && (startsWith(t, i, "http://")
                || startsWith(t, i, USER_PLACEHOLDER)
                || startsWith(t, i, "https://")
                || startsWith(t, i, "www.")
                || (t.charAt(i) == '@'
                    && i + 3 < n
                    && Character.isLetter(t.charAt(i + 1))
                    && Character.isLetter(t.charAt(i + 2))
                    && Character.isLetter(t.charAt(i + 3))))) {
          while (i < n && !Character.isWhitespace(t.charAt(i))) {
            i++;
          }
        }
        continue;
      }
      if (i == 0
          && (startsWith(t, 0, "http")
              || startsWith(t, 0, USER_PLACEHOLDER)
              || startsWith(t, 0, "www.")
              || c == '@'
                  && n > 3
                  && Character.isLetter(t.charAt(1))
                  && Character.isLetter(t.charAt(2))
                  && Character.isLetter(t.charAt(3)))) {
        while (i < n && !Character.isWhitespace(t.charAt(i))) {
          i++;
        }
        continue;
      }
      int type = Character.getType(c);
      if (type == Character.FORMAT) { // zero-width space, joiners, soft hyphen, direction marks
        i++;
        continue;
      }
      char prev = i > 0 ? t.charAt(i - 1) : ' ';
      char next = i + 1 < n ? t.charAt(i + 1) : ' ';
      if (Character.isLetterOrDigit(c)
          || type == Character.NON_SPACING_MARK
          || type == Character.COMBINING_SPACING_MARK) {
        word.append(c);
        sentenceHasWords = true;
        i++;
        continue;
      }
      boolean inWord = word.length() > 0;
      if (isApostrophe(c) && inWord && Character.isLetter(next)) {
        word.append('\'');
        i++;
        continue;
      }
      if ((c == '@' || c == '$' || c == '|' || c == '*')
          && (inWord || Character.isLetterOrDigit(next))
          && word.length() < 40
          && (Character.isLetterOrDigit(next) || inWord)) {
        word.append(c);
        i++;
        continue;
      }
      if (c == '!' && inWord && Character.isLetter(next)) {
        word.append(c);
        i++;
        continue;
      }
      if (c == '#' && !inWord) {
        hashtag = true;
        i++;
        continue;
      }
      // a separator
      if (c == '.' && inWord && Character.isLetter(next) && word.length() == 1) {
        flush(word, raw, inQuote, sentence, clause, hashtag); // k.i.l.l
        i++;
        continue;
      }
      flush(word, raw, inQuote, sentence, clause, hashtag);
      hashtag = false;
      if (c == '"'
          || c == '\u201C'
          || c == '\u201D'
          || c == '\u00AB'
          || c == '\u00BB'
          || c == '\u201E'
          || ((c == '\'' || c == '\u2018' || c == '\u2019')
              && (!Character.isLetter(prev) || !Character.isLetter(next)))) {
        if (c == '\u201C' || c == '\u00AB' || c == '\u201E') {
          inQuote = true;
        } else if (c == '\u201D' || c == '\u00BB') {
          inQuote = false;
        } else if (c == '"') {
          inQuote = !inQuote;
        } else if (c == '\u2018' || (c == '\'' && !Character.isLetterOrDigit(prev))) {
          inQuote = Character.isLetter(next) || inQuote;
        } else {
          inQuote = false;
        }
      } else if (c == '.'
          || c == '!'
          || c == '?'
          || c == '\u2026'
          || c == '\u061F'
          || c == '\u3002') {
        if (sentenceHasWords) {
          boolean q = c == '?' || c == '\u061F';
          questions.add(q);
          sentence++;
          clause++;
          sentenceHasWords = false;
        } else if ((c == '?' || c == '\u061F') && !questions.isEmpty()) {
          questions.set(questions.size() - 1, true);
        }
      } else if (c == ','
          || c == ';'
          || c == ':'
          || c == '('
          || c == ')'
          || c == '\u2013'
          || c == '\u2014'
          || c == '\u060C'
          || c == '\u061B'
          || (c == '-' && prev == ' ')) {
        if (sentenceHasWords) {
          clause++;
        }
      } else if (c == '=') {
        raw.add(new Raw("=", inQuote, sentence, clause, false, false));
      }
      i++;
    }
    flush(word, raw, inQuote, sentence, clause, hashtag);
    while (questions.size() <= sentence) {
      questions.add(false);
    }
    return read(joinSingles(raw), reader, language, questions);
  }

  private static boolean startsWith(String t, int i, String p) {
    return t.regionMatches(true, i, p, 0, p.length());
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019' || c == '\u02BC' || c == '\uFF07' || c == '\u2018';
  }

  private static void flush(
      StringBuilder word, List<Raw> raw, boolean q, int sentence, int clause, boolean hashtag) {
    if (word.length() == 0) {
      return;
    }
    String w = word.toString();
    word.setLength(0);
    if (hashtag && hasCaseChange(w)) {
      int start = 0;
      for (int k = 1; k <= w.length(); k++) {
        if (k == w.length()
            || (Character.isUpperCase(w.charAt(k)) && !Character.isUpperCase(w.charAt(k - 1)))) {
          raw.add(new Raw(w.substring(start, k), q, sentence, clause, false, false));
          start = k;
        }
      }
      return;
    }
    raw.add(new Raw(w, q, sentence, clause, hashtag, false));
  }

  private static boolean hasCaseChange(String w) {
    boolean lower = false;
    for (int k = 0; k < w.length(); k++) {
      char c = w.charAt(k);
      if (Character.isLowerCase(c)) {
        lower = true;
      } else if (Character.isUpperCase(c) && lower) {
        return true;
      }
    }
    return false;
  }

  /** Three or more one-letter words in a row, in one clause, become one word. */
  private static List<Raw> joinSingles(List<Raw> raw) {
    List<Raw> out = new ArrayList<>(raw.size());
    int i = 0;
    while (i < raw.size()) {
      int j = i;
      while (j < raw.size()
          && raw.get(j).text().length() == 1
          && raw.get(j).clause() == raw.get(i).clause()
          && !raw.get(j).text().equals("=")) {
        j++;
      }
      if (j - i >= 3) {
        StringBuilder b = new StringBuilder();
        for (int k = i; k < j; k++) {
          b.append(raw.get(k).text());
        }
        Raw r = raw.get(i);
        out.add(new Raw(b.toString(), r.quoted(), r.sentence(), r.clause(), true, true));
        i = j;
      } else {
        out.add(raw.get(i));
        i++;
      }
    }
    return out;
  }

  private static HarmText read(
      List<Raw> raw, Deobfuscator reader, String language, List<Boolean> questions) {
    int cap = Math.min(MAX_WORDS, raw.size() * 2);
    List<String> words = new ArrayList<>(raw.size() + 4);
    List<String> surface = new ArrayList<>(raw.size() + 4);
    List<Raw> where = new ArrayList<>(raw.size() + 4);
    List<String> readings = new ArrayList<>(2);
    for (Raw r : raw) {
      if (words.size() >= cap) {
        break;
      }
      String lower = r.text().toLowerCase(Locale.ROOT);
      Deobfuscator.Reading reading = reader.read(lower, r.hashtag());
      if (reading.how() != null && readings.size() < 8) {
        readings.add(
            "'"
                + r.text()
                + "' read as '"
                + String.join(" ", reading.words())
                + "' ("
                + reading.how()
                + ")");
      }
      for (String w : reading.words()) {
        words.add(w);
        surface.add(r.text());
        where.add(r);
      }
    }
    int m = words.size();
    boolean[] quoted = new boolean[m];
    int[] sentence = new int[m];
    int[] clause = new int[m];
    for (int k = 0; k < m; k++) {
      Raw r = where.get(k);
      quoted[k] = r.quoted();
      sentence[k] = r.sentence();
      clause[k] = r.clause();
    }
    Conjunctions.split(language, words, clause);
    boolean[] q = new boolean[questions.size()];
    for (int k = 0; k < q.length; k++) {
      q[k] = questions.get(k);
    }
    return new HarmText(
        words.toArray(new String[0]),
        surface.toArray(new String[0]),
        quoted,
        sentence,
        clause,
        q,
        readings);
  }

  /** Whether sentence {@code s} ends in a question mark. */
  boolean isQuestion(int s) {
    return s < question.length && question[s];
  }
}
