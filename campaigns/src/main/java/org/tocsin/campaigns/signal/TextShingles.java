package org.tocsin.campaigns.signal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns a post's text into the words and word shingles that near-duplicate detection compares.
 *
 * <p>Normalisation: Unicode NFKC (so look-alike full-width and ligature forms compare equal), lower
 * case in {@link Locale#ROOT}; a leading retweet marker ({@code RT @handle:}) is removed so that a
 * retweet reads as the text it repeats; URLs and {@code @mentions} are removed (shorteners differ
 * per post, and mentions are what copy-paste campaigns vary); a word is a maximal run of letters,
 * digits and marks, so {@code #StopIslam} and {@code stopislam} are the same word.
 */
public final class TextShingles {

  private static final Pattern RT_PREFIX = Pattern.compile("^\\s*rt\\s+@[\\p{L}\\p{N}_]+:?\\s*");
  private static final Pattern URL = Pattern.compile("(?:https?://|www\\.)\\S+");
  private static final Pattern MENTION = Pattern.compile("@[\\p{L}\\p{N}_]+");

  private TextShingles() {}

  /** The normalised words of {@code text}, in order. */
  public static List<String> words(String text) {
    String t = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    t = RT_PREFIX.matcher(t).replaceFirst("");
    t = URL.matcher(t).replaceAll(" ");
    t = MENTION.matcher(t).replaceAll(" ");
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= t.length(); i++) {
      boolean word = i < t.length() && isWordChar(t.charAt(i));
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        words.add(t.substring(start, i));
        start = -1;
      }
    }
    return words;
  }

  /**
   * 64-bit hashes of the word shingles of size {@code k} (FNV-1a over the words joined by a
   * separator no word contains); a text with fewer than {@code k} words has none.
   */
  public static long[] shingleHashes(List<String> words, int k) {
    int n = words.size() - k + 1;
    if (n <= 0) {
      return new long[0];
    }
    long[] wordHashes = new long[words.size()];
    for (int i = 0; i < wordHashes.length; i++) {
      wordHashes[i] = fnv(words.get(i));
    }
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      long h = 0xcbf29ce484222325L;
      for (int j = 0; j < k; j++) {
        h = (h ^ wordHashes[i + j]) * 0x100000001b3L;
        h = Long.rotateLeft(h, 17);
      }
      out[i] = h;
    }
    return out;
  }

  /**
   * The features near-duplicate detection compares, as 64-bit hashes: the word shingles of size
   * {@code wordShingle} and, if {@code charShingle > 0}, the character shingles of that length
   * inside each word (words shorter than it count whole). With {@code wordShingle = 1} both are
   * sets that ignore word order, so two copies with two words swapped have the same features and
   * one replaced word in a 12-word text keeps a Jaccard similarity of about 0.8.
   */
  public static long[] features(List<String> words, int wordShingle, int charShingle) {
    long[] w = shingleHashes(words, wordShingle);
    if (charShingle <= 0) {
      return w;
    }
    List<Long> chars = new ArrayList<>();
    for (String word : words) {
      if (word.length() <= charShingle) {
        chars.add(fnv("\u0001" + word) * 31);
        continue;
      }
      for (int i = 0; i + charShingle <= word.length(); i++) {
        chars.add(fnv(word.substring(i, i + charShingle)) * 31);
      }
    }
    long[] out = Arrays.copyOf(w, w.length + chars.size());
    for (int i = 0; i < chars.size(); i++) {
      out[w.length + i] = chars.get(i);
    }
    return out;
  }

  /**
   * The key of a short text for exact matching: its distinct normalised words, sorted, joined by
   * spaces (so word order does not matter); empty if it has no words.
   */
  public static String wordSetKey(List<String> words) {
    return String.join(" ", new TreeSet<>(words));
  }

  /** The normalised text: its words joined by single spaces. */
  public static String normalized(String text) {
    return String.join(" ", words(text));
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c)
        || Character.getType(c) == Character.NON_SPACING_MARK
        || Character.getType(c) == Character.COMBINING_SPACING_MARK;
  }

  private static long fnv(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001b3L;
    }
    return h;
  }
}
