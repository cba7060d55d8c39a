package org.tocsin.nlp.baseline;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tocsin.nlp.text.Token;

/**
 * An immutable, thread-safe lexicon of terms, each with a category and a weight, indexed for
 * matching against the words of a post.
 *
 * <p>Files are tab-separated UTF-8 text: a header line of three fields ({@code tocsin-lexicon},
 * {@code format=1}, {@code name=<name>}, optionally {@code lang=<ISO 639 code>}, English when
 * absent), then one entry per line (term, category, weight, group, ground, source); lines starting
 * with {@code #} and blank lines are ignored. The shipped {@code lexicon-v1.tsv} documents the
 * format in its comment header.
 */
public final class Lexicon {

  /** The only lexicon file format version this reader understands. */
  public static final int FORMAT_VERSION = 1;

  /** The language of a lexicon whose header names none. */
  public static final String DEFAULT_LANGUAGE = "en";

  /** The longest term, in words. */
  public static final int MAX_TERM_WORDS = 6;

  private final String name;
  private final String language;
  private final List<LexiconEntry> entries;
  private final Map<String, List<LexiconEntry>> singles = new HashMap<>();
  private final Map<String, List<Phrase>> phrasesByFirstWord = new HashMap<>();

  /** A multi-word term and every entry for it. */
  record Phrase(List<String> words, List<LexiconEntry> entries) {}

  Lexicon(String name, String language, List<LexiconEntry> entries) {
    this.name = Objects.requireNonNull(name, "name");
    this.language = Objects.requireNonNull(language, "language");
    this.entries = List.copyOf(entries);
    Map<String, List<LexiconEntry>> byPhrase = new HashMap<>();
    for (LexiconEntry e : this.entries) {
      if (e.wordCount() == 1) {
        singles.computeIfAbsent(e.term(), k -> new ArrayList<>(2)).add(e);
      } else {
        byPhrase.computeIfAbsent(e.term(), k -> new ArrayList<>(2)).add(e);
      }
    }
    singles.replaceAll((k, v) -> List.copyOf(v));
    for (Map.Entry<String, List<LexiconEntry>> p : byPhrase.entrySet()) {
      List<String> words = List.of(p.getKey().split(" "));
      phrasesByFirstWord
          .computeIfAbsent(words.get(0), k -> new ArrayList<>(2))
          .add(new Phrase(words, List.copyOf(p.getValue())));
    }
    // Longest phrase first, so that the matcher takes the longest match.
    phrasesByFirstWord.replaceAll(
        (k, v) -> {
          List<Phrase> sorted = new ArrayList<>(v);
          sorted.sort((a, b) -> Integer.compare(b.words().size(), a.words().size()));
          return List.copyOf(sorted);
        });
  }

  /**
   * Reads a lexicon.
   *
   * @param in the lexicon text; read to the end but not closed
   * @param resource the file or resource name, for error messages
   * @throws LexiconFormatException if the header is wrong, the format version is not {@value
   *     #FORMAT_VERSION}, or a line is malformed (the message gives the line number)
   * @throws IOException if reading fails
   */
  public static Lexicon read(BufferedReader in, String resource) throws IOException {
    return LexiconReader.read(in, resource);
  }

  /** The lexicon's name, as written into {@link org.tocsin.core.score.LexiconHit#lexicon()}. */
  public String name() {
    return name;
  }

  /** The language of the posts this lexicon is for: an ISO 639 code ({@code en}, {@code de}). */
  public String language() {
    return language;
  }

  /** Every entry, in file order. */
  public List<LexiconEntry> entries() {
    return entries;
  }

  /** How many entries the lexicon has. */
  public int size() {
    return entries.size();
  }

  /** How many entries each category has. */
  public Map<LexiconCategory, Integer> countByCategory() {
    Map<LexiconCategory, Integer> counts = new EnumMap<>(LexiconCategory.class);
    for (LexiconEntry e : entries) {
      counts.merge(e.category(), 1, Integer::sum);
    }
    return Collections.unmodifiableMap(counts);
  }

  /** Entries for a one-word term, or an empty list. */
  List<LexiconEntry> single(String word) {
    return singles.getOrDefault(word, List.of());
  }

  /** The longest multi-word term that starts at {@code tokens[i]}, or {@code null}. */
  Phrase longestPhraseAt(List<Token> tokens, int i) {
    List<Phrase> candidates = phrasesByFirstWord.get(tokens.get(i).text());
    if (candidates == null) {
      return null;
    }
    for (Phrase p : candidates) {
      List<String> words = p.words();
      if (i + words.size() > tokens.size()) {
        continue;
      }
      boolean match = true;
      for (int k = 1; k < words.size() && match; k++) {
        match = words.get(k).equals(tokens.get(i + k).text());
      }
      if (match) {
        return p;
      }
    }
    return null;
  }
}
