package org.tocsin.campaigns.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tocsin.campaigns.graph.AccountPair;
import org.tocsin.campaigns.signal.Signal;

/**
 * The coordination graph of recently seen accounts, kept in least-recently-seen order so that the
 * oldest accounts, and their edges, are evicted first.
 */
final class AccountGraph {

  /** An account with its retained edges and its campaign, if any. */
  static final class Account {
    final String id;
    long lastSeen;
    final Map<String, StreamEdge> edges = new HashMap<>(4);
    String campaign;

    /** Its posts in a co-share with any other account, while it is kept. */
    int sharedPosts;

    Account(String id) {
      this.id = id;
    }
  }

  private final LinkedHashMap<String, Account> accounts = new LinkedHashMap<>(1024, 0.75f, true);
  private final Map<String, Account> byId = new HashMap<>(1024);
  private final Set<StreamEdge> repeated = new HashSet<>();
  private final int minRepeat;
  private final int maxSamples;
  private final double minAssociation;
  private int edges;

  AccountGraph(int minRepeat, int maxSamples, double minAssociation) {
    this.minRepeat = minRepeat;
    this.maxSamples = maxSamples;
    this.minAssociation = minAssociation;
  }

  /**
   * Whether edge {@code e} is a coordination edge now: its weight reaches {@code threshold} and its
   * association reaches {@code minAssociation}, as in batch ({@link
   * org.tocsin.campaigns.graph.AccountPair#association}): the posts behind it, against the two
   * accounts' posts in a co-share with anyone while they are kept, on the lower end of the
   * one-sided 95% Wilson interval.
   */
  boolean passes(StreamEdge e, double threshold) {
    if (e.weight() < threshold) {
      return false;
    }
    if (minAssociation <= 0) {
      return true;
    }
    int k = e.postCount();
    Account a = byId.get(e.accountA);
    Account b = byId.get(e.accountB);
    int n = Math.max(k, (a == null ? 0 : a.sharedPosts) + (b == null ? 0 : b.sharedPosts));
    return AccountPair.wilsonLower(k, n) >= minAssociation;
  }

  /** The account {@code id}, created if new, marked as seen at {@code millis}. */
  Account touch(String id, long millis) {
    Account a = accounts.get(id);
    if (a == null) {
      a = new Account(id);
      accounts.put(id, a);
      byId.put(id, a);
    }
    a.lastSeen = Math.max(a.lastSeen, millis);
    return a;
  }

  /** The account {@code id} if it is kept, without changing the eviction order. */
  Account peek(String id) {
    return byId.get(id);
  }

  /** Records a co-share and returns its edge. */
  StreamEdge coShare(Signal s, String key, WindowPost earlier, WindowPost later) {
    Account x = touch(earlier.account, earlier.millis);
    Account y = touch(later.account, later.millis);
    if (!earlier.shared) {
      earlier.shared = true;
      x.sharedPosts++;
    }
    if (!later.shared) {
      later.shared = true;
      y.sharedPosts++;
    }
    StreamEdge e = x.edges.get(y.id);
    if (e == null) {
      boolean xFirst = x.id.compareTo(y.id) < 0;
      e = new StreamEdge(xFirst ? x.id : y.id, xFirst ? y.id : x.id);
      x.edges.put(y.id, e);
      y.edges.put(x.id, e);
      edges++;
    }
    e.add(s, key, earlier, later, maxSamples);
    if (e.weight() >= minRepeat) {
      repeated.add(e);
    }
    return e;
  }

  /**
   * Evicts accounts last seen before {@code before} and, oldest first, those beyond {@code max}.
   *
   * @return the evicted accounts
   */
  List<Account> evict(long before, int max) {
    List<Account> out = new ArrayList<>();
    Iterator<Account> it = accounts.values().iterator();
    while (it.hasNext()) {
      Account a = it.next();
      if (a.lastSeen >= before && accounts.size() <= max) {
        break;
      }
      it.remove();
      byId.remove(a.id);
      for (StreamEdge e : a.edges.values()) {
        Account o = byId.get(e.other(a.id));
        if (o != null) {
          o.edges.remove(a.id);
        }
        repeated.remove(e);
        edges--;
      }
      out.add(a);
    }
    return out;
  }

  /** Drops edges whose latest co-share is before {@code before}. */
  void sweepEdges(long before) {
    for (Account a : accounts.values()) {
      for (Iterator<StreamEdge> it = a.edges.values().iterator(); it.hasNext(); ) {
        StreamEdge e = it.next();
        if (e.lastMillis < before) {
          it.remove();
          if (e.accountA.equals(a.id)) {
            edges--;
            repeated.remove(e);
          }
        }
      }
    }
  }

  /** The edge-weight quantile over edges of at least {@code minRepeat}, as batch computes it. */
  double quantile(double q) {
    if (repeated.isEmpty()) {
      return minRepeat;
    }
    int[] w = repeated.stream().mapToInt(StreamEdge::weight).toArray();
    Arrays.sort(w);
    double h = (w.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(w.length - 1, lo + 1);
    return Math.max(minRepeat, w[lo] + (h - lo) * (w[hi] - w[lo]));
  }

  /** Post refs and verbatim co-shares held by all edges: {@code {posts, samples}}. */
  long[] evidenceSizes() {
    long posts = 0;
    long samples = 0;
    for (Account a : accounts.values()) {
      for (StreamEdge e : a.edges.values()) {
        if (e.accountA.equals(a.id)) {
          posts += e.postCount();
          samples += e.sampleCount();
        }
      }
    }
    return new long[] {posts, samples};
  }

  /** Retained edges of at least {@code minRepeat}, over which the quantile is taken. */
  int repeatedCount() {
    return repeated.size();
  }

  int accountCount() {
    return accounts.size();
  }

  int edgeCount() {
    return edges;
  }
}
