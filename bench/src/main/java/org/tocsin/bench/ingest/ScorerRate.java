package org.tocsin.bench.ingest;

import java.util.List;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.PostScorer;

/**
 * The scorer's own rate on the posts of an ingest run: {@link PostScorer#scoreAll} over all of them
 * (the shipped scorer spreads a batch over its configured threads), after a warm-up slice.
 */
record ScorerRate(int threads, double seconds, double cpuSeconds, int posts) {

  /** Posts per second of wall time. */
  double postsPerSecond() {
    return posts / seconds;
  }

  /** CPU milliseconds (all threads of this JVM) per post. */
  double cpuMillisPerPost() {
    return 1000 * cpuSeconds / posts;
  }

  /** Scores the posts in batches of 1,000, as the node's ingest does, on {@code threads}. */
  static ScorerRate measure(PostScorer scorer, int threads, List<Post> posts) {
    scorer.scoreAll(posts.subList(0, Math.min(5_000, posts.size()))); // warm-up
    long cpu0 = CpuClock.processCpuNanos();
    long t0 = System.nanoTime();
    for (int i = 0; i < posts.size(); i += 1000) {
      scorer.scoreAll(posts.subList(i, Math.min(posts.size(), i + 1000)));
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    double cpu = (CpuClock.processCpuNanos() - cpu0) / 1e9;
    return new ScorerRate(threads, secs, cpu, posts.size());
  }
}
