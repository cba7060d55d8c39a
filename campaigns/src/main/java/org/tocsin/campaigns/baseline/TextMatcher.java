package org.tocsin.campaigns.baseline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.campaigns.signal.TextShingles;

/**
 * Finds which of some reference texts a post's text is a near-duplicate of, by the detector's own
 * measure: texts of at least {@code text.minTokens} words match when the Jaccard similarity of
 * their features ({@link TextShingles#features}) reaches {@code text.similarity}, computed exactly
 * rather than estimated by MinHash; shorter texts match when their sets of words are equal.
 * Candidates are the references sharing a word shingle with the text, so a post costs about what
 * detection spent on it.
 *
 * @param <T> what a reference text stands for
 */
final class TextMatcher<T> {
  private final CampaignConfig cfg;
  private final Map<Long, List<Reference<T>>> byShingle = new HashMap<>();
  private final Map<String, List<T>> byWordSet = new HashMap<>();

  private record Reference<T>(Set<Long> features, T value) {}

  TextMatcher(CampaignConfig cfg) {
    this.cfg = cfg;
  }

  /** Adds a reference text. */
  void add(String text, T value) {
    List<String> words = TextShingles.words(text);
    if (words.isEmpty()) {
      return;
    }
    if (words.size() < cfg.minTextTokens()) {
      byWordSet.computeIfAbsent(TextShingles.wordSetKey(words), k -> new ArrayList<>()).add(value);
      return;
    }
    Reference<T> r = new Reference<>(features(words), value);
    for (long h : TextShingles.shingleHashes(words, cfg.shingleSize())) {
      List<Reference<T>> list = byShingle.computeIfAbsent(h, k -> new ArrayList<>());
      if (list.isEmpty() || list.get(list.size() - 1) != r) {
        list.add(r);
      }
    }
  }

  /** The values of the references {@code text} is a near-duplicate of; empty if none. */
  List<T> matches(String text) {
    if (byShingle.isEmpty() && byWordSet.isEmpty()) {
      return List.of();
    }
    List<String> words = TextShingles.words(text);
    if (words.isEmpty()) {
      return List.of();
    }
    if (words.size() < cfg.minTextTokens()) {
      return byWordSet.getOrDefault(TextShingles.wordSetKey(words), List.of());
    }
    Set<Reference<T>> candidates = Collections.newSetFromMap(new IdentityHashMap<>());
    for (long h : TextShingles.shingleHashes(words, cfg.shingleSize())) {
      candidates.addAll(byShingle.getOrDefault(h, List.of()));
    }
    if (candidates.isEmpty()) {
      return List.of();
    }
    Set<Long> mine = features(words);
    List<T> out = new ArrayList<>();
    for (Reference<T> r : candidates) {
      if (jaccard(mine, r.features()) >= cfg.textSimilarity()) {
        out.add(r.value());
      }
    }
    return out;
  }

  private Set<Long> features(List<String> words) {
    Set<Long> set = new HashSet<>();
    for (long f : TextShingles.features(words, cfg.shingleSize(), cfg.charShingleSize())) {
      set.add(f);
    }
    return set;
  }

  private static double jaccard(Set<Long> a, Set<Long> b) {
    int common = 0;
    for (Long x : a.size() <= b.size() ? a : b) {
      if ((a.size() <= b.size() ? b : a).contains(x)) {
        common++;
      }
    }
    int union = a.size() + b.size() - common;
    return union == 0 ? 0 : (double) common / union;
  }
}
