package org.tocsin.models.harm;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tocsin.models.hatexplain.HateXplainData;

/**
 * Writes the list of ordinary English words the harm grammar's reader must not take for a
 * misspelled vocabulary word ({@code money} is one letter off {@code monkey}, {@code breasts} off
 * {@code beasts}): every word of at least 5 letters that occurs at least {@value #MIN_COUNT} times
 * in the posts of HateXplain's <b>train</b> split. A deliberate misspelling is rare in a corpus, so
 * it stays off the list and is still read; the grammar's own vocabulary words are kept off the list
 * by the reader itself.
 *
 * <pre>{@code
 * java -cp ... org.tocsin.models.harm.KnownWords \
 *     ../shared/data/hatexplain/hatexplain_official_split.jsonl \
 *     nlp/src/main/resources/org/tocsin/nlp/harm/harm-known-en-v1.txt
 * }</pre>
 */
public final class KnownWords {
  private KnownWords() {}

  /** How often a word must occur to be listed. */
  static final int MIN_COUNT = 3;

  /** Counts the words of the train split and writes the list, sorted. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: KnownWords HATEXPLAIN_JSONL OUT");
    }
    Path data = Path.of(args[0]);
    Map<String, Integer> counts = new HashMap<>();
    for (HateXplainData.Post p : HateXplainData.read(data).split("train")) {
      for (String w : p.tokens()) {
        if (w.length() >= 5 && w.chars().allMatch(Character::isLetter)) {
          counts.merge(w, 1, Integer::sum);
        }
      }
    }
    List<String> words = new ArrayList<>();
    counts.forEach(
        (w, n) -> {
          if (n >= MIN_COUNT) {
            words.add(w);
          }
        });
    words.sort(null);
    try (Writer out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
      out.write(
          "# Ordinary English words (>= 5 letters, >= "
              + MIN_COUNT
              + " occurrences in the"
              + " HateXplain train split, MIT / CC-BY-4.0, Mathew et al. 2021): the harm grammar's"
              + " reader never takes them for a misspelled vocabulary word. Written by"
              + " org.tocsin.models.harm.KnownWords; "
              + words.size()
              + " words.\n");
      for (String w : words) {
        out.write(w);
        out.write('\n');
      }
    }
  }
}
