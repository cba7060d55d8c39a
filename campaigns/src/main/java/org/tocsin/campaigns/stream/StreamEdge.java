package org.tocsin.campaigns.stream;

import java.util.HashSet;
import java.util.Set;
import org.tocsin.campaigns.signal.Signal;

/**
 * The co-shares of two accounts retained by the stream, weighted as in batch ({@link
 * org.tocsin.campaigns.graph.AccountPair#weight}): the smaller of the numbers of distinct posts
 * each account contributed.
 */
final class StreamEdge {

  /** Most distinct posts remembered per side; the weight saturates there. */
  static final int MAX_POSTS_PER_SIDE = 4096;

  final String accountA;
  final String accountB;
  private final Set<Long> postsA = new HashSet<>(4);
  private final Set<Long> postsB = new HashSet<>(4);
  final int[] coShares = new int[Signal.values().length];
  long firstA = Long.MAX_VALUE;
  long firstB = Long.MAX_VALUE;
  long firstLater = Long.MAX_VALUE;
  String firstObject;
  long lastMillis = Long.MIN_VALUE;

  StreamEdge(String accountA, String accountB) {
    this.accountA = accountA;
    this.accountB = accountB;
  }

  /** Adds a co-share; {@code earlier} and {@code later} are by the two accounts of this edge. */
  void add(Signal s, String key, WindowPost earlier, WindowPost later) {
    coShares[s.ordinal()]++;
    side(earlier);
    side(later);
    if (later.millis < firstLater || later.millis == firstLater && key.compareTo(firstObject) < 0) {
      firstLater = later.millis;
      firstObject = key;
    }
    lastMillis = Math.max(lastMillis, later.millis);
  }

  private void side(WindowPost p) {
    boolean a = p.account.equals(accountA);
    Set<Long> posts = a ? postsA : postsB;
    if (posts.size() < MAX_POSTS_PER_SIDE) {
      posts.add(p.seq);
    }
    if (a) {
      firstA = Math.min(firstA, p.millis);
    } else {
      firstB = Math.min(firstB, p.millis);
    }
  }

  int weight() {
    return Math.min(postsA.size(), postsB.size());
  }

  String other(String account) {
    return account.equals(accountA) ? accountB : accountA;
  }

  long firstOf(String account) {
    return account.equals(accountA) ? firstA : firstB;
  }
}
