package org.tocsin.models.functional;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Applies one {@link Obfuscation} to one word of a text, deterministically for a given seed. The
 * word (of four letters or more; three in Arabic script) is chosen among the values a template put
 * in (the group's name, the violent verb, the dehumanising noun ...), since that is what people
 * disguise to slip past filters; a word the transform cannot change is skipped. Every transform
 * keeps the text recoverable: {@link #normalise} maps look-alikes back and drops spaces, and the
 * normalised texts are then at most one edit apart (a swap counted as one edit).
 */
public final class Obfuscator {
  private static final Map<Character, Character> LEET =
      Map.of('a', '4', 'e', '3', 'i', '1', 'o', '0', 's', '$', 't', '7');
  private static final Map<Character, Character> HOMOGLYPH =
      Map.of(
          'a', '\u0430', 'e', '\u0435', 'o', '\u043e', 'c', '\u0441', 'p', '\u0440', 'x', '\u0445',
          'y', '\u0443', 'i', '\u0456', '\u0643', '\u06a9', '\u064a', '\u06cc');
  private static final Map<Character, Character> ARABIC_HOMOGLYPH_EXTRA =
      Map.of('\u0647', '\u06c1');
  private static final char TATWEEL = '\u0640';

  private Obfuscator() {}

  /**
   * The text with one word transformed, or {@code null} when no word of {@code text} (preferring
   * those in {@code targets}) can take the transform.
   */
  public static String apply(Obfuscation o, String text, List<String> targets, long seed) {
    Random random = new Random(seed);
    List<int[]> words = candidates(o, text, targets);
    if (words.isEmpty()) {
      words = candidates(o, text, List.of(text));
    }
    if (words.isEmpty()) {
      return null;
    }
    int[] w = words.get(random.nextInt(words.size()));
    String word = text.substring(w[0], w[1]);
    String changed = transform(o, word, text, w, random);
    return text.substring(0, w[0])
        + changed
        + text.substring(o == Obfuscation.SPACE_REMOVE ? w[1] + 1 : w[1]);
  }

  /** Spans {start, end} of the words of {@code text} inside a target that {@code o} can change. */
  private static List<int[]> candidates(Obfuscation o, String text, List<String> targets) {
    List<int[]> out = new ArrayList<>();
    for (String t : targets) {
      int at = text.indexOf(t);
      if (at < 0 && !t.isEmpty()) {
        // the renderer capitalises a value that starts a sentence
        at = text.indexOf(t.substring(0, 1).toUpperCase(Locale.ROOT) + t.substring(1));
      }
      if (at < 0) {
        continue;
      }
      int i = at;
      int end = at + t.length();
      while (i < end) {
        while (i < end && !Character.isLetter(text.charAt(i))) {
          i++;
        }
        int s = i;
        while (i < text.length() && Character.isLetter(text.charAt(i))) {
          i++;
        }
        if (i > s && i - s >= minLength(text, s) && fits(o, text, s, i) && !contains(out, s)) {
          out.add(new int[] {s, i});
        }
      }
    }
    return out;
  }

  /** Short words (articles, pronouns) are not worth disguising: 4 letters, 3 in Arabic script. */
  private static int minLength(String text, int s) {
    return Character.UnicodeScript.of(text.codePointAt(s)) == Character.UnicodeScript.ARABIC
        ? 3
        : 4;
  }

  private static boolean contains(List<int[]> spans, int start) {
    for (int[] sp : spans) {
      if (sp[0] == start) {
        return true;
      }
    }
    return false;
  }

  private static boolean fits(Obfuscation o, String text, int s, int e) {
    String w = text.substring(s, e);
    return switch (o) {
      case SWAP -> w.length() >= 4 && swappable(w) >= 0;
      case DELETE, SPACE_ADD -> w.length() >= 3;
      case LEET -> arabic(w) ? w.length() >= 3 : mapped(w, LEET) >= 0;
      case HOMOGLYPH -> mapped(w, HOMOGLYPH) >= 0 || mapped(w, ARABIC_HOMOGLYPH_EXTRA) >= 0;
      case SPACE_REMOVE ->
          w.length() >= 3
              && e + 1 < text.length()
              && text.charAt(e) == ' '
              && Character.isLetter(text.charAt(e + 1));
    };
  }

  private static String transform(Obfuscation o, String w, String text, int[] span, Random r) {
    switch (o) {
      case SWAP -> {
        int i = swappable(w);
        List<Integer> options = new ArrayList<>();
        for (int k = 1; k + 2 < w.length(); k++) {
          if (w.charAt(k) != w.charAt(k + 1)) {
            options.add(k);
          }
        }
        i = options.isEmpty() ? i : options.get(r.nextInt(options.size()));
        return w.substring(0, i) + w.charAt(i + 1) + w.charAt(i) + w.substring(i + 2);
      }
      case DELETE -> {
        int i = 1 + r.nextInt(w.length() - 2);
        return w.substring(0, i) + w.substring(i + 1);
      }
      case LEET -> {
        if (arabic(w)) {
          int i = 1 + r.nextInt(w.length() - 2);
          return w.substring(0, i) + TATWEEL + TATWEEL + w.substring(i);
        }
        return replaceAll(w, LEET);
      }
      case HOMOGLYPH -> {
        String out = replaceAll(w, HOMOGLYPH);
        return out.equals(w) ? replaceAll(w, ARABIC_HOMOGLYPH_EXTRA) : out;
      }
      case SPACE_ADD -> {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < w.length(); k++) {
          if (k > 0) {
            b.append(' ');
          }
          b.append(w.charAt(k));
        }
        return b.toString();
      }
      case SPACE_REMOVE -> {
        return w;
      }
      default -> throw new IllegalStateException(o.name());
    }
  }

  /** The first inner index k with w[k] != w[k+1], or -1. */
  private static int swappable(String w) {
    for (int k = 1; k + 2 < w.length(); k++) {
      if (w.charAt(k) != w.charAt(k + 1)) {
        return k;
      }
    }
    return -1;
  }

  private static int mapped(String w, Map<Character, Character> map) {
    for (int k = 0; k < w.length(); k++) {
      if (map.containsKey(Character.toLowerCase(w.charAt(k)))) {
        return k;
      }
    }
    return -1;
  }

  private static String replaceAll(String w, Map<Character, Character> map) {
    StringBuilder b = new StringBuilder(w.length());
    for (int k = 0; k < w.length(); k++) {
      char c = w.charAt(k);
      Character to = map.get(Character.toLowerCase(c));
      b.append(to == null ? c : Character.isUpperCase(c) ? Character.toUpperCase(to) : to);
    }
    return b.toString();
  }

  private static boolean arabic(String w) {
    return Character.UnicodeScript.of(w.codePointAt(0)) == Character.UnicodeScript.ARABIC;
  }

  /**
   * The text as a reader would restore it: look-alikes mapped back, tatweel and spaces dropped,
   * lower case. Used to check that a transform keeps the text recoverable.
   */
  public static String normalise(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int k = 0; k < text.length(); k++) {
      char c = Character.toLowerCase(text.charAt(k));
      if (c == ' ' || c == TATWEEL) {
        continue;
      }
      b.append(back(c));
    }
    return b.toString();
  }

  private static char back(char c) {
    for (Map<Character, Character> m : List.of(LEET, HOMOGLYPH, ARABIC_HOMOGLYPH_EXTRA)) {
      for (Map.Entry<Character, Character> e : m.entrySet()) {
        if (e.getValue() == c) {
          return e.getKey();
        }
      }
    }
    return c;
  }
}
