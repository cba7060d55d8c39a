package org.tocsin.nlp.harm;

import java.util.Objects;

/**
 * Undoes obfuscated spelling of one word against a language's harm vocabulary, before the grammar
 * reads it: leetspeak ({@code 4→a, 3→e, 1→i or l, 0→o, @→a, $→s, 5→s, 7→t, !→i, |→l}), Cyrillic and
 * Greek look-alike letters ({@code кіll}), letters repeated for emphasis ({@code kiiill}), words
 * glued together ({@code killallgays}), one dropped, added or swapped letter in a vocabulary word
 * of at least {@value #MIN_FUZZY} letters (never the first letter), and the clitics French, Spanish
 * and Arabic attach to a word ({@code l'égorger}, {@code matarlos}, {@code اقتلوهم}, {@code
 * لليهود}; {@link ArabicAffixes}), and a Spanish future or conditional of an act ({@link
 * SpanishVerbs}). A word of the language's list of ordinary words ({@code
 * harm-known-<lang>-v1.txt}) is never corrected or split. Letters spaced out ({@code k i l l},
 * {@code k.i.l.l}) and zero-width characters are undone by the tokenizer ({@link HarmText});
 * full-width forms by its NFKC step.
 *
 * <p>A word the vocabulary knows is returned as it is, so ordinary words cost one or two hash
 * lookups; the fuzzy steps only ever map onto a vocabulary word, so an unknown word stays unknown.
 * Thread-safe.
 */
final class Deobfuscator {

  /** The shortest word the fuzzy (edit distance 1) match applies to. */
  static final int MIN_FUZZY = 5;

  /** The shortest unknown word that is tried as words glued together (hashtags: any). */
  static final int MIN_GLUED = 10;

  /**
   * The shortest unknown English word tried as words glued together: a group or an act glued to an
   * ordinary word ("jewswho", "womenare"), the pieces may be ordinary words of the language.
   */
  static final int MIN_GLUED_EN = 6;

  /** The longest word glue splitting reads. */
  static final int MAX_GLUED = 40;

  private final HarmVocabulary vocabulary;
  private final String language;
  private final boolean latin;
  private final boolean english;
  private final ArabicAffixes arabic;
  private final SpanishVerbs spanish;

  Deobfuscator(HarmVocabulary vocabulary) {
    this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
    this.language = vocabulary.language();
    this.latin = !language.equals("ar");
    this.english = language.equals("en");
    this.arabic = new ArabicAffixes(vocabulary);
    this.spanish = new SpanishVerbs(vocabulary);
  }

  /** What a word was read as, and why; {@code how} is null when the word was taken as written. */
  record Reading(String[] words, String how) {}

  /**
   * Reads one word.
   *
   * @param word the word as cut by the tokenizer, lower case (NFKC applied)
   * @param glued try it as words written without spaces even if it is short (a hashtag, letters
   *     joined from single letters)
   */
  Reading read(String word, boolean glued) {
    String w = Folding.fold(language, word);
    if (language.equals("fr")) {
      int a = w.indexOf('\'');
      if (a > 0 && a <= 6 && a + 1 < w.length()) {
        return new Reading(new String[] {w.substring(0, a + 1), w.substring(a + 1)}, null);
      }
    }
    if (language.equals("de") && !vocabulary.isTerm(w)) {
      String adjective = GermanWords.base(w, vocabulary); // "dreckigen", "ehrlichen"
      if (adjective != null) {
        return new Reading(new String[] {adjective}, "a form of '" + adjective + "'");
      }
    }
    if (language.equals("fr") && !vocabulary.isTerm(w)) {
      String verb = FrenchVerbs.base(w, vocabulary); // "massacrera", "chasse" (listed in a phrase)
      if (verb != null) {
        return new Reading(new String[] {verb}, "a form of '" + verb + "'");
      }
    }
    if (language.equals("en")) {
      String[] c = EnglishContractions.split(w);
      if (c != null) {
        return new Reading(c, null); // "they're" as "they" "are"
      }
    }
    if (vocabulary.isWord(w) || vocabulary.isKnown(w)) {
      return new Reading(new String[] {w}, null); // a vocabulary word, or an ordinary one
    }
    String how = null;
    if (latin && hasLeet(w)) {
      String l = leet(w, 'i');
      if (!vocabulary.isWord(l) && w.indexOf('1') >= 0) {
        String alt = leet(w, 'l');
        if (vocabulary.isWord(alt)) {
          l = alt;
        }
      }
      if (!l.equals(w)) {
        w = l;
        how = "leetspeak";
        if (vocabulary.isWord(w)) {
          return new Reading(new String[] {w}, how);
        }
      }
    }
    if (latin && !Folding.ascii(w)) {
      String h = Homoglyphs.toLatin(w);
      if (!h.equals(w) && (Homoglyphs.mixed(w) || vocabulary.isWord(h))) {
        w = h;
        how = join(how, "look-alike letters");
        if (vocabulary.isWord(w)) {
          return new Reading(new String[] {w}, how);
        }
      }
    }
    if (hasDouble(w)) {
      String r = squeeze(w);
      if (r != null) {
        return new Reading(new String[] {r}, join(how, "repeated letters"));
      }
    }
    if (vocabulary.isKnown(w)) {
      return new Reading(new String[] {w}, how); // an ordinary word, not a misspelling
    }
    String[] clitic = clitic(w, word.endsWith("\u0629")); // ة folds to ه: no suffix
    if (clitic != null) {
      return new Reading(clitic, join(how, "clitic split"));
    }
    String[] verb = language.equals("es") ? spanish.periphrasis(w) : null;
    if (verb != null) {
      return new Reading(verb, join(how, "future or conditional")); // "mataremos"
    }
    if (w.length() >= MIN_FUZZY && w.length() <= 30) {
      String f = fuzzy(w);
      if (f != null) {
        return new Reading(new String[] {f}, join(how, "one letter off '" + f + "'"));
      }
    } else if (w.length() == 4) {
      String f = swappedShortGroup(w);
      if (f != null) {
        return new Reading(new String[] {f}, join(how, "two letters swapped in '" + f + "'"));
      }
    }
    if (english && (w.length() == 3 || w.length() == 4)) {
      String f = shortWithOneMore(w);
      if (f != null) {
        return new Reading(new String[] {f}, join(how, "one letter off '" + f + "'"));
      }
    }
    if ((glued || w.length() >= (english ? MIN_GLUED_EN : MIN_GLUED)) && w.length() <= MAX_GLUED) {
      String[] parts = unglue(w);
      if (parts != null) {
        return new Reading(parts, join(how, "words run together"));
      }
    }
    return new Reading(new String[] {w}, how);
  }

  private static String join(String a, String b) {
    return a == null ? b : a + ", " + b;
  }

  private static boolean hasLeet(String w) {
    boolean letter = false;
    boolean symbol = false;
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (Character.isLetter(c)) {
        letter = true;
      } else if ("4310@$57!|".indexOf(c) >= 0) {
        symbol = true;
      }
    }
    return letter && symbol;
  }

  private static String leet(String w, char one) {
    StringBuilder b = new StringBuilder(w.length());
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      b.append(
          switch (c) {
            case '4', '@' -> 'a';
            case '3' -> 'e';
            case '1' -> one;
            case '0' -> 'o';
            case '$', '5' -> 's';
            case '7' -> 't';
            case '!' -> 'i';
            case '|' -> 'l';
            default -> c;
          });
    }
    return b.toString();
  }

  private static boolean hasDouble(String w) {
    for (int i = 1; i < w.length(); i++) {
      if (w.charAt(i) == w.charAt(i - 1) && Character.isLetter(w.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** The vocabulary word a word with repeated letters is, or null. */
  private String squeeze(String w) {
    String one = runsTo(w, 3, 1);
    if (vocabulary.isWord(one)) {
      return one;
    }
    String two = runsTo(w, 3, 2);
    if (vocabulary.isWord(two)) {
      return two;
    }
    String all = runsTo(w, 2, 1);
    if (vocabulary.isWord(all)) {
      return all;
    }
    return null;
  }

  /** Replaces every run of at least {@code min} equal letters by {@code to} of them. */
  private static String runsTo(String w, int min, int to) {
    StringBuilder b = new StringBuilder(w.length());
    int i = 0;
    while (i < w.length()) {
      char c = w.charAt(i);
      int j = i;
      while (j < w.length() && w.charAt(j) == c) {
        j++;
      }
      int n = j - i;
      int keep = n >= min && Character.isLetter(c) ? to : n;
      for (int k = 0; k < keep; k++) {
        b.append(c);
      }
      i = j;
    }
    return b.toString();
  }

  /** One dropped, added or swapped letter (never the first) in a content word, or null. */
  private String fuzzy(String w) {
    String more = vocabulary.contentWithOneMore(w);
    if (more != null) {
      return more;
    }
    StringBuilder b = new StringBuilder(w);
    for (int i = 1; i < w.length(); i++) {
      String less = w.substring(0, i) + w.substring(i + 1);
      if (less.length() >= MIN_FUZZY && vocabulary.isContent(less)) {
        return less;
      }
    }
    for (int i = 1; i + 1 < w.length(); i++) {
      char a = b.charAt(i);
      char c = b.charAt(i + 1);
      if (a == c) {
        continue;
      }
      b.setCharAt(i, c);
      b.setCharAt(i + 1, a);
      String s = b.toString();
      b.setCharAt(i, a);
      b.setCharAt(i + 1, c);
      if (vocabulary.isContent(s)) {
        return s;
      }
    }
    return null;
  }

  /**
   * A group name or act one letter longer than a short unknown word (not the first letter dropped):
   * "wmen" as "women", "jws" as "jews", "kil" as "kill"; never a slur ("slut", "dark" and "pike"
   * stay as they are). English only.
   */
  private String shortWithOneMore(String w) {
    return vocabulary.groupWithOneMore(w);
  }

  /** A 4-letter group name with two adjacent letters (not the first) swapped ("jwes"), or null. */
  private String swappedShortGroup(String w) {
    char[] c = w.toCharArray();
    for (int i = 1; i + 1 < c.length; i++) {
      if (c[i] == c[i + 1]) {
        continue;
      }
      char x = c[i];
      c[i] = c[i + 1];
      c[i + 1] = x;
      String s = new String(c);
      c[i + 1] = c[i];
      c[i] = x;
      if ((vocabulary.isShortGroup(s) || english && vocabulary.isAnyContent(s))
          && !vocabulary.isSlurWord(s)) {
        return s;
      }
    }
    return null;
  }

  /**
   * Splits a word into vocabulary words with the fewest pieces, if at least one is a content word
   * of 4 letters or more and no piece is a single letter; null if there is no such split.
   */
  private String[] unglue(String w) {
    int n = w.length();
    int maxPiece = Math.min(vocabulary.maxWordLength(), 16);
    int[] best = new int[n + 1];
    int[] from = new int[n + 1];
    java.util.Arrays.fill(best, Integer.MAX_VALUE);
    best[0] = 0;
    for (int j = 2; j <= n; j++) {
      for (int i = Math.max(0, j - maxPiece); i <= j - 2; i++) {
        if (best[i] == Integer.MAX_VALUE || best[i] + 1 >= best[j]) {
          continue;
        }
        String piece = w.substring(i, j);
        if (vocabulary.isWord(piece) || english && vocabulary.isKnown(piece)) {
          best[j] = best[i] + 1;
          from[j] = i;
        }
      }
    }
    if (best[n] == Integer.MAX_VALUE || best[n] < 2) {
      return null;
    }
    String[] parts = new String[best[n]];
    boolean content = false;
    boolean ordinary = false;
    boolean slur = false;
    for (int j = n, k = parts.length - 1; j > 0; j = from[j], k--) {
      parts[k] = w.substring(from[j], j);
      content |= parts[k].length() >= 4 && vocabulary.isAnyContent(parts[k]);
      ordinary |= !vocabulary.isWord(parts[k]);
      slur |= vocabulary.isSlurWord(parts[k]);
    }
    // glued to an ordinary word or in a short word, a slur is more often a word of its own
    // ("lesbophobic", "fucktard")
    return content && !(slur && (ordinary || n < MIN_GLUED)) ? parts : null;
  }

  /**
   * Clitics: French elision ({@code l'}, {@code qu'}), Spanish object pronouns after a verb ({@code
   * matarlos}), Arabic conjunctions, prepositions and object suffixes; null if none.
   */
  private String[] clitic(String w, boolean taMarbuta) {
    switch (language) {
      case "fr" -> {
        int a = w.indexOf('\'');
        if (a > 0 && a <= 6 && a + 1 < w.length()) {
          return new String[] {w.substring(0, a + 1), w.substring(a + 1)};
        }
      }
      case "es" -> {
        for (String s : new String[] {"los", "las", "les", "lo", "la", "nos", "os"}) {
          if (w.length() > s.length() + 3
              && w.endsWith(s)
              && !(s.equals("os") && (w.endsWith("ados") || w.endsWith("idos")))) { // matados
            String stem = w.substring(0, w.length() - s.length());
            if (vocabulary.isWord(stem)) {
              return new String[] {stem, s};
            }
          }
        }
      }
      case "ar" -> {
        return arabic.split(w, taMarbuta);
      }
      default -> {}
    }
    return null;
  }
}
