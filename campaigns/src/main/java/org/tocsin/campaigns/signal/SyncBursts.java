package org.tocsin.campaigns.signal;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.IntToLongFunction;
import java.util.function.IntUnaryOperator;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.campaigns.internal.IntList;

/**
 * Synchronised bursts, the content-free signal ({@link Signal#BURST}): accounts that post in the
 * same narrow time bins again and again, when those bins hold far more posts than usual.
 *
 * <p>Posts fall into bins of {@code burst.bin}. A bin is a burst when it holds at least {@code
 * burst.minFactor} times the mean posts per bin of the {@code burst.baseline} span centred on it
 * (the bin itself included) and posts by at least {@code minAccounts} accounts. Each burst bin is a
 * shared object, keyed {@code bin:START} with the bin's start time; its posts are then paired like
 * the posts of any object, so that two accounts become an edge only after {@code minRepeat} bursts
 * together. One pass over posts in time order; memory is one entry per non-empty bin.
 */
public final class SyncBursts {

  private SyncBursts() {}

  /**
   * Calls {@code sink} once per burst bin with its key and its posts.
   *
   * @param n number of posts, indexed {@code 0..n-1} in non-decreasing time order
   * @param millis creation time of post {@code i}
   * @param account account index of post {@code i}
   * @param cfg the burst parameters and {@code minAccounts}
   * @param sink receives the bin's key and its posts in time order
   */
  public static void forEach(
      int n,
      IntToLongFunction millis,
      IntUnaryOperator account,
      CampaignConfig cfg,
      BiConsumer<String, IntList> sink) {
    if (n == 0) {
      return;
    }
    long width = cfg.burst().bin().toMillis();
    long half = Math.max(0, cfg.burst().baseline().toMillis() / width / 2);
    double span = 2 * half + 1;
    // bins[k] = bin index, start[k] = first post of bin k; start[bins] = n
    IntList starts = new IntList();
    long[] bins = new long[16];
    int count = 0;
    long last = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      long b = Math.floorDiv(millis.applyAsLong(i), width);
      if (b < last) {
        throw new IllegalArgumentException("posts must be in time order [post " + i + "]");
      }
      if (b != last) {
        if (count == bins.length) {
          bins = java.util.Arrays.copyOf(bins, count * 2);
        }
        bins[count++] = b;
        starts.add(i);
        last = b;
      }
    }
    starts.add(n);
    int lo = 0;
    int hi = 0;
    long around = 0;
    for (int k = 0; k < count; k++) {
      while (hi < count && bins[hi] <= bins[k] + half) {
        around += starts.get(hi + 1) - starts.get(hi);
        hi++;
      }
      while (bins[lo] < bins[k] - half) {
        around -= starts.get(lo + 1) - starts.get(lo);
        lo++;
      }
      int from = starts.get(k);
      int to = starts.get(k + 1);
      int size = to - from;
      if (size < cfg.minAccounts() || size < cfg.burst().minFactor() * (around / span)) {
        continue;
      }
      Set<Integer> accounts = new HashSet<>();
      IntList posts = new IntList(size);
      for (int i = from; i < to; i++) {
        accounts.add(account.applyAsInt(i));
        posts.add(i);
      }
      if (accounts.size() >= cfg.minAccounts()) {
        sink.accept("bin:" + Instant.ofEpochMilli(bins[k] * width), posts);
      }
    }
  }
}
