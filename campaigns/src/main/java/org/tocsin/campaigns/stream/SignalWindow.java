package org.tocsin.campaigns.stream;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.campaigns.graph.PostRef;
import org.tocsin.campaigns.signal.MinHash;
import org.tocsin.campaigns.signal.SharedObjects;
import org.tocsin.campaigns.signal.Signal;
import org.tocsin.campaigns.signal.TextShingles;
import org.tocsin.core.evidence.EvidenceRef;
import org.tocsin.core.post.Post;
import org.tocsin.core.post.PostKey;

/**
 * The sliding window of recent posts, indexed by shared object and by LSH band key, that finds the
 * co-shares of each arriving post with the posts before it.
 *
 * <p>Near-duplicate text works as in batch ({@link org.tocsin.campaigns.signal.NearDuplicates}) but
 * incrementally: the new post's band keys are looked up in the window's buckets, candidates are
 * verified against {@code text.similarity}, and the post joins the text group of the earliest
 * verified candidate (or starts its own). Its objects are then scanned like a batch object list: it
 * is a co-share with each window post of the same object by another account at most {@code window}
 * apart, newest first, at most {@code maxComparisonsPerPost} of them.
 */
final class SignalWindow {

  /** Receives one co-share. */
  interface CoShareSink {
    void coShare(Signal signal, String key, WindowPost earlier, WindowPost later);
  }

  private final CampaignConfig cfg;
  private final MinHash minHash;
  private final int maxPosts;
  private final long window;
  private final ArrayDeque<WindowPost> posts = new ArrayDeque<>();
  private final Map<String, ArrayDeque<WindowPost>> objects = new HashMap<>();
  private final Map<Long, ArrayDeque<WindowPost>> buckets = new HashMap<>();

  /** The keys of the last {@code maxPosts} posts added, whatever their age, oldest first. */
  private final LinkedHashSet<PostKey> seen = new LinkedHashSet<>();

  private int bucketEntries;
  private long latest = Long.MIN_VALUE;
  private long seq;

  SignalWindow(CampaignConfig cfg, int maxPosts) {
    this.cfg = cfg;
    this.minHash = new MinHash(cfg.permutations(), cfg.bands());
    this.maxPosts = maxPosts;
    this.window = cfg.window().toMillis();
  }

  /**
   * Evicts what fell out, adds {@code p}, and reports its co-shares to {@code sink}.
   *
   * @param evidence the post's ledger reference, or null when it came without one
   * @return false, and nothing reported, if a post with the same key was among the last {@code
   *     maxPosts} added, whatever its age (the same post offered again after a failed batch, or
   *     re-captured after an edit)
   */
  boolean add(Post p, EvidenceRef evidence, CoShareSink sink) {
    long millis = p.createdAt().toEpochMilli();
    latest = Math.max(latest, millis);
    while (!posts.isEmpty()
        && (posts.size() >= maxPosts || posts.peekFirst().millis < latest - window)) {
      evict(posts.pollFirst());
    }
    if (!seen.add(p.key())) {
      return false;
    }
    if (seen.size() > maxPosts) {
      seen.remove(seen.iterator().next());
    }
    WindowPost w = new WindowPost(seq++, millis, p.author().id(), new PostRef(p.key(), evidence));
    if (cfg.signals().contains(Signal.TEXT)) {
      text(p, w);
    }
    SharedObjects.forEach(p, null, cfg, (s, o) -> w.objects.add(s.jsonName() + ":" + o));
    for (String key : w.objects) {
      ArrayDeque<WindowPost> list = objects.computeIfAbsent(key, k -> new ArrayDeque<>(2));
      Signal signal = Signal.fromJson(key.substring(0, key.indexOf(':')));
      Iterator<WindowPost> it = list.descendingIterator();
      for (int n = 0; it.hasNext() && n < cfg.maxComparisonsPerPost(); n++) {
        WindowPost q = it.next();
        if (q.account.equals(w.account) || Math.abs(q.millis - millis) > window) {
          continue;
        }
        boolean qFirst = q.millis < millis || q.millis == millis && q.seq < w.seq;
        sink.coShare(signal, key, qFirst ? q : w, qFirst ? w : q);
      }
      list.addLast(w);
    }
    posts.addLast(w);
    return true;
  }

  private void text(Post p, WindowPost w) {
    List<String> words = TextShingles.words(p.text());
    if (words.size() < cfg.minTextTokens()) {
      return;
    }
    long[] shingles = TextShingles.features(words, cfg.shingleSize(), cfg.charShingleSize());
    if (shingles.length == 0) {
      return;
    }
    int[] sig = new int[minHash.permutations()];
    minHash.signature(shingles, sig);
    w.signature = new byte[sig.length];
    for (int i = 0; i < sig.length; i++) {
      w.signature[i] = (byte) sig[i];
    }
    w.bandKeys = new long[minHash.bands()];
    WindowPost best = null;
    int checks = 0;
    for (int b = 0; b < w.bandKeys.length; b++) {
      w.bandKeys[b] = minHash.bandKey(sig, b);
      ArrayDeque<WindowPost> bucket = buckets.get(w.bandKeys[b]);
      if (bucket == null) {
        continue;
      }
      for (Iterator<WindowPost> it = bucket.descendingIterator();
          it.hasNext() && checks < cfg.maxComparisonsPerPost(); ) {
        WindowPost q = it.next();
        if ((best == null || q.seq < best.seq)
            && minHash.similarity(q.signature, w.signature) >= cfg.textSimilarity()) {
          best = q;
        }
        checks++;
      }
    }
    w.textGroup = best == null ? w.key.toString() : best.textGroup;
    w.objects.add(Signal.TEXT.jsonName() + ":" + w.textGroup);
    for (long k : w.bandKeys) {
      buckets.computeIfAbsent(k, x -> new ArrayDeque<>(2)).addLast(w);
      bucketEntries++;
    }
  }

  private void evict(WindowPost w) {
    for (String key : w.objects) {
      removeFrom(objects, key, w);
    }
    if (w.bandKeys != null) {
      for (long k : w.bandKeys) {
        if (removeFrom(buckets, k, w)) {
          bucketEntries--;
        }
      }
    }
  }

  private static <K> boolean removeFrom(Map<K, ArrayDeque<WindowPost>> index, K key, WindowPost w) {
    ArrayDeque<WindowPost> list = index.get(key);
    if (list == null) {
      return false;
    }
    boolean removed = list.peekFirst() == w ? list.pollFirst() != null : list.remove(w);
    if (list.isEmpty()) {
      index.remove(key);
    }
    return removed;
  }

  /** The time of the latest post seen, epoch milliseconds. */
  long latest() {
    return latest;
  }

  int size() {
    return posts.size();
  }

  int objectCount() {
    return objects.size();
  }

  int bucketEntries() {
    return bucketEntries;
  }
}
