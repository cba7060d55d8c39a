package org.tocsin.campaigns.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.campaigns.internal.IntList;
import org.tocsin.campaigns.signal.NearDuplicates;
import org.tocsin.campaigns.signal.SharedObjects;
import org.tocsin.campaigns.signal.Signal;
import org.tocsin.campaigns.signal.SyncBursts;
import org.tocsin.campaigns.signal.TextShingles;
import org.tocsin.core.post.PostKey;

/**
 * The weighted coordination graph of a batch of posts, built in the manner of CooRTweet.
 *
 * <ol>
 *   <li>Each post's shared objects are collected per signal ({@link SharedObjects}); near-duplicate
 *       texts are grouped first ({@link NearDuplicates}); burst time bins are found over the posts
 *       in time order ({@link SyncBursts}).
 *   <li>For each object, its posts in time order are scanned with a sliding window: two posts by
 *       different accounts at most {@code window} apart are a co-share. Each post is compared with
 *       at most {@code maxComparisonsPerPost} earlier posts, which bounds the work on trending
 *       objects.
 *   <li>Co-shares accumulate per account pair ({@link AccountPair}); pairs with weight below {@code
 *       minRepeat} are dropped, then those below the {@code edgeWeightQuantile} quantile of the
 *       remaining weights (R's type-7 quantile; ties with the threshold are kept).
 * </ol>
 */
public final class CoordinationGraph {

  private final PostTable table;
  private final List<AccountPair> edges;
  private final int candidatePairs;
  private final int repeatedPairs;
  private final double weightThreshold;

  private CoordinationGraph(
      PostTable table, List<AccountPair> edges, int candidates, int repeated, double threshold) {
    this.table = table;
    this.edges = edges;
    this.candidatePairs = candidates;
    this.repeatedPairs = repeated;
    this.weightThreshold = threshold;
  }

  /** Builds the graph of {@code table} under {@code cfg}. */
  public static CoordinationGraph build(PostTable table, CampaignConfig cfg) {
    int n = table.size();
    int[] textRoot = new int[0];
    if (cfg.signals().contains(Signal.TEXT)) {
      textRoot = NearDuplicates.group(n, i -> table.post(i).text(), cfg);
      int[] size = new int[n];
      for (int r : textRoot) {
        if (r >= 0) {
          size[r]++;
        }
      }
      for (int i = 0; i < n; i++) {
        if (textRoot[i] >= 0 && size[textRoot[i]] < 2) {
          textRoot[i] = -1;
        }
      }
    }
    Map<Signal, Map<String, IntList>> objects = new EnumMap<>(Signal.class);
    for (int i = 0; i < n; i++) {
      int post = i;
      PostKey group =
          textRoot.length > 0 && textRoot[i] >= 0 ? table.post(textRoot[i]).key() : null;
      SharedObjects.forEach(
          table.post(i),
          group,
          cfg,
          (s, o) ->
              objects
                  .computeIfAbsent(s, k -> new HashMap<>())
                  .computeIfAbsent(o, k -> new IntList(2))
                  .add(post));
    }
    if (cfg.signals().contains(Signal.BURST)) {
      Map<String, IntList> bursts = new HashMap<>();
      SyncBursts.forEach(n, table::millis, table::account, cfg, bursts::put);
      objects.put(Signal.BURST, bursts);
    }
    Map<Long, AccountPair> pairs = new HashMap<>();
    boolean[] shared = new boolean[n];
    long span = n == 0 ? 0 : table.millis(n - 1) - table.millis(0);
    for (Map.Entry<Signal, Map<String, IntList>> bySignal : objects.entrySet()) {
      boolean text = bySignal.getKey() == Signal.TEXT;
      for (Map.Entry<String, IntList> e : bySignal.getValue().entrySet()) {
        IntList posts = e.getValue();
        if (posts.size() >= 2) {
          long window = text ? textWindow(table, posts, cfg, span) : cfg.window().toMillis();
          scan(
              table,
              bySignal.getKey(),
              e.getKey(),
              posts,
              window,
              cfg.window().toMillis(),
              cfg,
              pairs,
              shared);
        }
      }
    }
    int[] sharedPosts = new int[table.accountCount()];
    for (int i = 0; i < n; i++) {
      if (shared[i]) {
        sharedPosts[table.account(i)]++;
      }
    }
    List<AccountPair> repeated = new ArrayList<>();
    for (AccountPair p : pairs.values()) {
      if (p.weight(table) >= cfg.minRepeat()
          && p.association(table, sharedPosts) >= cfg.minAssociation()) {
        repeated.add(p);
      }
    }
    double threshold = quantile(repeated, table, cfg.edgeWeightQuantile());
    List<AccountPair> kept = new ArrayList<>();
    for (AccountPair p : repeated) {
      if (p.weight(table) >= threshold) {
        kept.add(p);
      }
    }
    kept.sort(
        (x, y) ->
            x.accountA() != y.accountA()
                ? Integer.compare(x.accountA(), y.accountA())
                : Integer.compare(x.accountB(), y.accountB()));
    return new CoordinationGraph(table, kept, pairs.size(), repeated.size(), threshold);
  }

  /**
   * The window for one near-duplicate text group: {@code text.window}, but no longer than the
   * group's organic baseline allows. If its {@code A} accounts posted it independently over the
   * batch's span, two of them would fall within {@code span / A} of each other about once; a
   * co-share at a longer gap is what a popular text does anyway, so it does not count. Short texts
   * (fewer than {@code text.minTokens} words) keep the short window: they repeat by themselves.
   */
  private static long textWindow(PostTable t, IntList posts, CampaignConfig cfg, long span) {
    long shortWindow = cfg.window().toMillis();
    long longWindow = cfg.textWindow().toMillis();
    if (longWindow <= shortWindow
        || TextShingles.words(t.post(posts.get(0)).text()).size() < cfg.minTextTokens()) {
      return shortWindow;
    }
    Set<Integer> accounts = new HashSet<>();
    for (int i = 0; i < posts.size(); i++) {
      accounts.add(t.account(posts.get(i)));
    }
    return Math.max(shortWindow, Math.min(longWindow, span / accounts.size()));
  }

  private static void scan(
      PostTable t,
      Signal signal,
      String object,
      IntList posts,
      long window,
      long shortWindow,
      CampaignConfig cfg,
      Map<Long, AccountPair> pairs,
      boolean[] shared) {
    int first = t.account(posts.get(0));
    boolean several = false;
    for (int i = 1; i < posts.size() && !several; i++) {
      several = t.account(posts.get(i)) != first;
    }
    if (!several) {
      return;
    }
    int lo = 0;
    for (int i = 1; i < posts.size(); i++) {
      int later = posts.get(i);
      long tl = t.millis(later);
      while (tl - t.millis(posts.get(lo)) > window) {
        lo++;
      }
      for (int j = Math.max(lo, i - cfg.maxComparisonsPerPost()); j < i; j++) {
        int earlier = posts.get(j);
        int a = t.account(earlier);
        int b = t.account(later);
        if (a == b
            || tl - t.millis(earlier) > shortWindow && (t.isRepost(earlier) || t.isRepost(later))) {
          continue;
        }
        long key = a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
        AccountPair p = pairs.get(key);
        if (p == null) {
          p = new AccountPair(Math.min(a, b), Math.max(a, b));
          pairs.put(key, p);
        }
        p.add(t, signal, object, earlier, later, cfg.maxEvidencePerSignal());
        shared[earlier] = true;
        shared[later] = true;
      }
    }
  }

  private static double quantile(List<AccountPair> pairs, PostTable t, double q) {
    if (pairs.isEmpty()) {
      return 0;
    }
    int[] w = new int[pairs.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = pairs.get(i).weight(t);
    }
    Arrays.sort(w);
    double h = (w.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(w.length - 1, lo + 1);
    return w[lo] + (h - lo) * (w[hi] - w[lo]);
  }

  /** The posts the graph was built from. */
  public PostTable table() {
    return table;
  }

  /** The edges that passed both filters, ordered by account indices. */
  public List<AccountPair> edges() {
    return edges;
  }

  /** Account pairs with at least one co-share, before filtering. */
  public int candidatePairs() {
    return candidatePairs;
  }

  /** Account pairs that passed {@code minRepeat}. */
  public int repeatedPairs() {
    return repeatedPairs;
  }

  /** The weight threshold the quantile gave (0 when there were no edges). */
  public double weightThreshold() {
    return weightThreshold;
  }
}
