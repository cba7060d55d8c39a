package org.tocsin.campaigns.stream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tocsin.campaigns.graph.CoordinationEdge;
import org.tocsin.campaigns.graph.PostRef;
import org.tocsin.campaigns.graph.SignalEvidence;
import org.tocsin.campaigns.signal.Signal;

/**
 * The co-shares of two accounts retained by the stream, weighted as in batch ({@link
 * org.tocsin.campaigns.graph.AccountPair#weight}): the smaller of the numbers of distinct posts
 * each account contributed. Each side remembers its posts with their evidence refs, and each signal
 * its evidence ({@link EdgeTrail}), so that a live edge explains itself as a batch edge does; every
 * part is bounded.
 */
final class StreamEdge {

  /** Most distinct posts remembered per side; the weight saturates there. */
  static final int MAX_POSTS_PER_SIDE = 4096;

  final String accountA;
  final String accountB;
  private final Map<Long, PostRef> postsA = new LinkedHashMap<>(4);
  private final Map<Long, PostRef> postsB = new LinkedHashMap<>(4);
  final int[] coShares = new int[Signal.values().length];
  private final EdgeTrail[] trails = new EdgeTrail[Signal.values().length];
  long firstA = Long.MAX_VALUE;
  long firstB = Long.MAX_VALUE;
  long firstLater = Long.MAX_VALUE;
  String firstObject;
  long lastMillis = Long.MIN_VALUE;

  StreamEdge(String accountA, String accountB) {
    this.accountA = accountA;
    this.accountB = accountB;
  }

  /**
   * Adds a co-share; {@code earlier} and {@code later} are by the two accounts of this edge.
   *
   * @param maxSamples co-shares kept verbatim per signal ({@code maxEvidencePerSignal})
   */
  void add(Signal s, String key, WindowPost earlier, WindowPost later, int maxSamples) {
    coShares[s.ordinal()]++;
    EdgeTrail t = trails[s.ordinal()];
    if (t == null) {
      t = new EdgeTrail();
      trails[s.ordinal()] = t;
    }
    t.add(key, earlier, later, maxSamples);
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
    Map<Long, PostRef> posts = a ? postsA : postsB;
    if (posts.size() < MAX_POSTS_PER_SIDE) {
      posts.putIfAbsent(p.seq, p.ref);
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

  /** The stream's sequence numbers of the posts behind this edge, both sides. */
  Iterable<Long> postSeqs() {
    List<Long> all = new ArrayList<>(postsA.size() + postsB.size());
    all.addAll(postsA.keySet());
    all.addAll(postsB.keySet());
    return all;
  }

  /** Posts remembered on the two sides together, at most {@code 2 * MAX_POSTS_PER_SIDE}. */
  int postCount() {
    return postsA.size() + postsB.size();
  }

  /** Co-shares kept verbatim over all signals. */
  int sampleCount() {
    int n = 0;
    for (EdgeTrail t : trails) {
      n += t == null ? 0 : t.sampleCount();
    }
    return n;
  }

  /** This edge as batch reports one: signals with their evidence, posts in arrival order. */
  CoordinationEdge toEdge(int maxObjects) {
    List<SignalEvidence> signals = new ArrayList<>();
    for (Signal s : Signal.values()) {
      if (trails[s.ordinal()] != null) {
        signals.add(trails[s.ordinal()].toEvidence(s, maxObjects));
      }
    }
    TreeMap<Long, PostRef> posts = new TreeMap<>(postsA);
    posts.putAll(postsB);
    return new CoordinationEdge(
        accountA, accountB, weight(), signals, new ArrayList<>(posts.values()));
  }
}
