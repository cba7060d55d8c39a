package org.tocsin.campaigns.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tocsin.campaigns.internal.IntList;
import org.tocsin.campaigns.signal.Signal;

/**
 * Accumulates the co-shares of two accounts while the graph is built, and turns them into a {@link
 * CoordinationEdge}. Counts, gaps and post lists are complete; verbatim samples are capped.
 */
public final class AccountPair {

  private final int accountA;
  private final int accountB;
  private final IntList posts = new IntList(4);
  private final PerSignal[] signals = new PerSignal[Signal.values().length];
  private int weight = -1;
  private int firstLater = Integer.MAX_VALUE;
  private String firstObject;
  private int[] postIndices;

  /** A pair with nothing accumulated yet; {@code accountA < accountB}. */
  AccountPair(int accountA, int accountB) {
    this.accountA = accountA;
    this.accountB = accountB;
  }

  /** The lesser account index. */
  public int accountA() {
    return accountA;
  }

  /** The greater account index. */
  public int accountB() {
    return accountB;
  }

  void add(PostTable t, Signal s, String object, int earlier, int later, int maxSamples) {
    PerSignal ps = signals[s.ordinal()];
    if (ps == null) {
      ps = new PerSignal();
      signals[s.ordinal()] = ps;
    }
    ps.coShares++;
    if (!object.equals(ps.lastObject)) {
      ps.lastObject = object;
      ps.objectCount++;
      if (ps.objects.size() < maxSamples) {
        ps.objects.add(object);
      }
    }
    long gap = t.millis(later) - t.millis(earlier);
    ps.gaps.add((int) Math.min(Integer.MAX_VALUE, gap));
    if (ps.samples.size() < maxSamples) {
      ps.samples.add(new int[] {earlier, later});
      ps.sampleObjects.add(object);
    }
    posts.add(earlier);
    posts.add(later);
    String key = s.jsonName() + ":" + object;
    if (later < firstLater || later == firstLater && key.compareTo(firstObject) < 0) {
      firstLater = later;
      firstObject = key;
    }
  }

  /** Index of the later post of the pair's earliest co-share. */
  public int firstCoShare() {
    return firstLater;
  }

  /** The object of the pair's earliest co-share, as {@code signal:object}. */
  public String firstObject() {
    return firstObject;
  }

  /**
   * The weight: the smaller of the numbers of distinct posts each account contributed to the pair's
   * co-shares, so that one account repeating itself does not inflate it.
   */
  public int weight(PostTable t) {
    if (weight < 0) {
      posts.sortUnique();
      postIndices = posts.toArray();
      int a = 0;
      for (int p : postIndices) {
        if (t.account(p) == accountA) {
          a++;
        }
      }
      weight = Math.min(a, postIndices.length - a);
    }
    return weight;
  }

  /** Every post behind the pair, in time order; valid after {@link #weight}. */
  public int[] postIndices(PostTable t) {
    weight(t);
    return postIndices;
  }

  /**
   * How exclusively the two accounts share with each other: of all their posts in a co-share with
   * any other account, the share behind their own co-shares, as the lower end of its one-sided 95%
   * Wilson interval, in [0, 1]. Accounts that post a lot meet others by chance on a few of their
   * posts; fans of one account meet on some of the posts they all repost; coordinated accounts meet
   * on most of theirs. The lower bound keeps two or three chance co-shares of accounts that post
   * little from looking exclusive.
   *
   * @param sharedPosts per account, its posts in a co-share with any other account
   */
  public double association(PostTable t, int[] sharedPosts) {
    int k = postIndices(t).length;
    int n = Math.max(k, sharedPosts[accountA] + sharedPosts[accountB]);
    return n == 0 ? 0 : wilsonLower(k, n);
  }

  /** Lower end of the one-sided 95% Wilson score interval of {@code k} successes in {@code n}. */
  public static double wilsonLower(int k, int n) {
    double z = 1.6448536269514722;
    double p = (double) k / n;
    double z2 = z * z;
    double centre = p + z2 / (2.0 * n);
    double spread = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
    return Math.max(0, (centre - spread) / (1 + z2 / n));
  }

  /** Number of co-shares under signal {@code s}. */
  public int coShares(Signal s) {
    PerSignal ps = signals[s.ordinal()];
    return ps == null ? 0 : ps.coShares;
  }

  /** The public view with evidence refs. */
  public CoordinationEdge toEdge(PostTable t) {
    List<SignalEvidence> evidence = new ArrayList<>();
    for (Signal s : Signal.values()) {
      PerSignal ps = signals[s.ordinal()];
      if (ps == null) {
        continue;
      }
      int[] gaps = ps.gaps.toArray();
      Arrays.sort(gaps);
      List<CoShare> samples = new ArrayList<>(ps.samples.size());
      for (int i = 0; i < ps.samples.size(); i++) {
        int[] pair = ps.samples.get(i);
        samples.add(
            new CoShare(
                ps.sampleObjects.get(i),
                t.ref(pair[0]),
                t.ref(pair[1]),
                t.millis(pair[1]) - t.millis(pair[0])));
      }
      evidence.add(
          new SignalEvidence(
              s,
              ps.coShares,
              ps.objectCount,
              ps.objects,
              gaps[0],
              gaps[(gaps.length - 1) / 2],
              gaps[gaps.length - 1],
              samples));
    }
    List<PostRef> refs = new ArrayList<>();
    for (int p : postIndices(t)) {
      refs.add(t.ref(p));
    }
    return new CoordinationEdge(
        t.accountId(accountA), t.accountId(accountB), weight(t), evidence, refs);
  }

  private static final class PerSignal {
    int coShares;
    int objectCount;
    String lastObject;
    final List<String> objects = new ArrayList<>(2);
    final IntList gaps = new IntList(2);
    final List<int[]> samples = new ArrayList<>(2);
    final List<String> sampleObjects = new ArrayList<>(2);
  }
}
