package org.tocsin.index.bench;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tocsin.core.SuppressForbidden;
import org.tocsin.core.evidence.EvidenceRef;
import org.tocsin.core.post.Post;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.core.score.Explanation;
import org.tocsin.core.score.Factors;
import org.tocsin.core.score.Score;
import org.tocsin.index.PostIndex;
import org.tocsin.testkit.RealPosts;

/**
 * Measures {@link PostIndex#add} throughput: the posts of the testkit sample, cycled with fresh ids
 * (so every key is new, as in an import), added in batches and committed at the end (import), then
 * the same records added again and committed (replay, as a catch-up after a crash does: every key
 * exists). Arguments: {@code [posts] [batch] [runs]}, default 50,000 posts in batches of 1,000, 5
 * runs, each into a fresh index in a temporary directory.
 */
public final class IngestBenchmark {

  private IngestBenchmark() {}

  /** Runs the benchmark and prints posts/s per run. */
  @SuppressForbidden(reason = "a benchmark main reports its numbers on standard output")
  public static void main(String[] args) throws IOException {
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    List<ScoredPost> posts = corpus(n);
    out.printf(
        Locale.ROOT,
        "%d posts from %d real ones, batches of %d, %d runs, %d cores, Java %s%n",
        n,
        RealPosts.sample().size(),
        batch,
        runs,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int r = 0; r < runs; r++) {
      Path dir = Files.createTempDirectory("ingest-bench");
      long start = System.nanoTime();
      long cpuStart = threads.getCurrentThreadCpuTime();
      long adding = 0;
      double replayWall;
      double replayCpu;
      try (PostIndex index = PostIndex.open(dir)) {
        for (int i = 0; i < n; i += batch) {
          long t = System.nanoTime();
          index.add(posts.subList(i, Math.min(n, i + batch)), Map.of());
          adding += System.nanoTime() - t;
        }
        index.commit(n);
        // Replay: the same records again, as a catch-up after a crash does; every key exists.
        long t = System.nanoTime();
        long c = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i += batch) {
          index.add(posts.subList(i, Math.min(n, i + batch)), Map.of());
        }
        index.commit(n);
        replayWall = (System.nanoTime() - t) / 1e9;
        replayCpu = (threads.getCurrentThreadCpuTime() - c) / 1e9;
        start += System.nanoTime() - t;
        cpuStart += threads.getCurrentThreadCpuTime() - c;
      }
      double secs = (System.nanoTime() - start) / 1e9;
      double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
      out.printf(
          Locale.ROOT,
          "run %d: %.2f s wall, %.0f posts/s; add() %.2f s; indexing thread CPU %.2f s,"
              + " %.0f posts per CPU-s%n",
          r + 1,
          secs,
          n / secs,
          adding / 1e9,
          cpu,
          n / cpu);
      out.printf(
          Locale.ROOT,
          "run %d replay: %.2f s wall, %.0f posts/s; indexing thread CPU %.2f s,"
              + " %.0f posts per CPU-s%n",
          r + 1,
          replayWall,
          n / replayWall,
          replayCpu,
          n / replayCpu);
      delete(dir);
    }
  }

  private static List<ScoredPost> corpus(int n) {
    List<Post> base = RealPosts.sample();
    Score score =
        new Score(
            "bench",
            "1",
            0.5,
            0.2,
            0.1,
            0.1,
            List.of(),
            Factors.NONE,
            new Explanation(List.of(), List.of(), List.of()));
    List<ScoredPost> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Post b = base.get(i % base.size());
      Post p =
          new Post(
              b.platform(),
              b.id() + "-" + i,
              b.url(),
              b.author(),
              b.createdAt(),
              b.text(),
              b.lang(),
              b.replyTo(),
              b.repostOf(),
              b.quoteOf(),
              b.links(),
              b.hashtags(),
              b.mentions(),
              b.media(),
              b.metrics(),
              b.edited(),
              b.extra());
      byte[] digest = new byte[32];
      for (int k = 0; k < 8; k++) {
        digest[k] = (byte) (i >>> (8 * k));
      }
      out.add(
          new ScoredPost(
              p, score, new EvidenceRef(i + 1L, HexFormat.of().formatHex(digest), b.createdAt())));
    }
    return out;
  }

  private static void delete(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.delete(f);
      }
    }
    Files.delete(dir);
  }
}
