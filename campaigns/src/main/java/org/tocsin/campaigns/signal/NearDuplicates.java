package org.tocsin.campaigns.signal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.campaigns.internal.IntList;

/**
 * Groups near-duplicate texts with MinHash and LSH banding, never comparing all pairs.
 *
 * <p>For each band, the texts' band keys are sorted; texts with equal keys form a bucket, and each
 * member of a bucket is verified against the bucket's first member and the member before it. A pair
 * whose estimated Jaccard similarity (over the word set and the characters shingles inside words,
 * {@link TextShingles#features}) reaches {@code text.similarity} is joined in a union-find whose
 * root is the earliest post. The work is linear in the number of texts times the number of bands,
 * plus a sort per band. Defaults and the candidate probability curve are documented on {@link
 * MinHash}.
 */
public final class NearDuplicates {

  /** Most texts one batch can group: band keys pack the text index into 24 bits. */
  public static final int MAX_TEXTS = 1 << 24;

  private static final long INDEX_MASK = (1L << 24) - 1;

  private NearDuplicates() {}

  /**
   * Groups near-duplicates among {@code n} posts in time order.
   *
   * @param n number of posts
   * @param text the text of post {@code i}
   * @param cfg shingle size, minimum words, permutations, bands and similarity threshold
   * @return for each post, the index of the earliest post of its near-duplicate group (itself when
   *     it has none), or -1 when the text has no words; texts with fewer than {@code
   *     text.minTokens} words are grouped by their exact set of normalised words instead
   * @throws IllegalArgumentException if more than {@link #MAX_TEXTS} texts take part
   */
  public static int[] group(int n, IntFunction<String> text, CampaignConfig cfg) {
    MinHash mh = new MinHash(cfg.permutations(), cfg.bands());
    int perms = mh.permutations();
    long[][] shingles = new long[n][];
    String[] shortKeys = new String[n];
    IntStream.range(0, n)
        .parallel()
        .forEach(
            i -> {
              List<String> words = TextShingles.words(text.apply(i));
              if (words.size() < cfg.minTextTokens()) {
                shortKeys[i] = words.isEmpty() ? null : TextShingles.wordSetKey(words);
              } else {
                shingles[i] =
                    TextShingles.features(words, cfg.shingleSize(), cfg.charShingleSize());
              }
            });
    IntList textPosts = new IntList(n);
    for (int i = 0; i < n; i++) {
      if (shingles[i] != null && shingles[i].length > 0) {
        textPosts.add(i);
      }
    }
    int m = textPosts.size();
    if (m > MAX_TEXTS) {
      throw new IllegalArgumentException("too many texts for one batch [got " + m + "]");
    }
    byte[] sigs = new byte[m * perms];
    long[][] keys = new long[mh.bands()][m];
    IntStream.range(0, m)
        .parallel()
        .forEach(
            t -> {
              int[] sig = new int[perms];
              mh.signature(shingles[textPosts.get(t)], sig);
              for (int i = 0; i < perms; i++) {
                sigs[t * perms + i] = (byte) sig[i];
              }
              for (int b = 0; b < mh.bands(); b++) {
                keys[b][t] = (mh.bandKey(sig, b) & ~INDEX_MASK) | t;
              }
            });
    int[] parent = new int[m];
    Arrays.setAll(parent, i -> i);
    for (long[] band : keys) {
      Arrays.parallelSort(band);
      int runStart = 0;
      for (int i = 1; i <= m; i++) {
        if (i < m && (band[i] & ~INDEX_MASK) == (band[runStart] & ~INDEX_MASK)) {
          int first = (int) (band[runStart] & INDEX_MASK);
          int prev = (int) (band[i - 1] & INDEX_MASK);
          int cur = (int) (band[i] & INDEX_MASK);
          if (mh.similarity(sigs, first, cur) >= cfg.textSimilarity()) {
            union(parent, first, cur);
          } else if (prev != first && mh.similarity(sigs, prev, cur) >= cfg.textSimilarity()) {
            union(parent, prev, cur);
          }
        } else {
          runStart = i;
        }
      }
      Arrays.fill(band, 0);
    }
    int[] root = new int[n];
    Arrays.fill(root, -1);
    for (int t = 0; t < m; t++) {
      root[textPosts.get(t)] = textPosts.get(find(parent, t));
    }
    Map<String, Integer> firstShort = new HashMap<>();
    for (int i = 0; i < n; i++) {
      if (shortKeys[i] != null) {
        Integer first = firstShort.putIfAbsent(shortKeys[i], i);
        root[i] = first == null ? i : first;
      }
    }
    return root;
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
}
