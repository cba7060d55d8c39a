package org.tocsin.nlp.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.PostScorer;
import org.tocsin.core.score.Score;

/**
 * Spreads {@link #scoreAll} over {@code threads} workers, the calling thread among them, for a
 * thread-safe scorer whose own {@code scoreAll} scores one post after another (the default scorer:
 * the language router over the classifiers). Workers claim the next unscored post one at a time, so
 * a few slow posts do not leave the other workers idle; the i-th score is the i-th post's, and the
 * batch returns when every post is scored. {@link #score} runs on the calling thread.
 *
 * <p>The workers are daemon threads named {@code tocsin-score-N}, started on the first batch large
 * enough to share (by default {@value #MIN_PARALLEL_BATCH} posts per worker) and gone after 30 s
 * idle: no thread outlives its use, and nothing needs closing. Thread-safe if the scorer is.
 */
public final class ParallelScorer implements PostScorer {

  /** Below this many posts per worker a batch is scored on fewer workers (or the caller alone). */
  public static final int MIN_PARALLEL_BATCH = 32;

  private final int minPerWorker;

  private final PostScorer scorer;
  private final Function<Post, Score> one;
  private final int threads;
  private final String threadName;
  private volatile ThreadPoolExecutor pool;

  /**
   * A scorer that scores batches of {@code scorer}'s on {@code threads} threads.
   *
   * @throws IllegalArgumentException if {@code threads} is not in [1, 256]
   */
  public ParallelScorer(PostScorer scorer, int threads) {
    this(scorer, scorer::score, threads, MIN_PARALLEL_BATCH, "tocsin-score-");
  }

  /**
   * Batches of posts scored by {@code one} on {@code threads} threads named {@code threadName}N,
   * each given at least {@code minPerWorker} posts, for a scorer that batches its own {@code score}
   * ({@code scorer} gives the model name).
   */
  public ParallelScorer(
      PostScorer scorer,
      Function<Post, Score> one,
      int threads,
      int minPerWorker,
      String threadName) {
    this.scorer = Objects.requireNonNull(scorer, "scorer");
    this.one = Objects.requireNonNull(one, "one");
    this.threadName = Objects.requireNonNull(threadName, "threadName");
    if (threads < 1 || threads > 256) {
      throw new IllegalArgumentException("threads must be in [1, 256] [got " + threads + "]");
    }
    this.threads = threads;
    this.minPerWorker = Math.max(1, minPerWorker);
  }

  /** The number of threads a batch is spread over. */
  public int threads() {
    return threads;
  }

  /** The scorer's model name. */
  @Override
  public String model() {
    return scorer.model();
  }

  /** The scorer's model version. */
  @Override
  public String version() {
    return scorer.version();
  }

  /** Scores one post on the calling thread. */
  @Override
  public Score score(Post post) {
    return one.apply(post);
  }

  /** Scores a batch over the workers; the i-th score is the i-th post's. */
  @Override
  public List<Score> scoreAll(List<Post> posts) {
    int n = posts.size();
    int workers = Math.min(threads, n / minPerWorker);
    if (workers <= 1) {
      List<Score> out = new ArrayList<>(n);
      for (Post p : posts) {
        out.add(one.apply(p));
      }
      return out;
    }
    Score[] out = new Score[n];
    ThreadPoolExecutor p = pool();
    AtomicInteger next = new AtomicInteger();
    Runnable work = () -> claim(posts, out, next);
    List<Future<?>> futures = new ArrayList<>();
    for (int w = 1; w < workers; w++) {
      futures.add(p.submit(work));
    }
    work.run();
    for (Future<?> f : futures) {
      boolean interrupted = false;
      while (true) {
        try {
          f.get();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // its posts are still being scored: wait for it, re-assert later
        } catch (ExecutionException e) {
          Throwable c = e.getCause();
          if (c instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException("a scoring worker failed", c);
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    return Arrays.asList(out);
  }

  private void claim(List<Post> posts, Score[] out, AtomicInteger next) {
    for (int i = next.getAndIncrement(); i < out.length; i = next.getAndIncrement()) {
      out[i] = one.apply(posts.get(i));
    }
  }

  private ThreadPoolExecutor pool() {
    ThreadPoolExecutor p = pool;
    if (p == null) {
      synchronized (this) {
        p = pool;
        if (p == null) {
          AtomicInteger seq = new AtomicInteger();
          p =
              new ThreadPoolExecutor(
                  threads - 1,
                  threads - 1,
                  30,
                  TimeUnit.SECONDS,
                  new LinkedBlockingQueue<>(),
                  r -> {
                    Thread t = new Thread(r, threadName + seq.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                  });
          p.allowCoreThreadTimeOut(true); // idle workers go away: no thread outlives its use
          pool = p;
        }
      }
    }
    return p;
  }
}
