package org.tocsin.index.bench;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.tocsin.core.SuppressForbidden;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.index.PostIndex;
import org.tocsin.index.ScoreField;
import org.tocsin.index.ScoreRange;
import org.tocsin.index.SearchFilters;
import org.tocsin.index.SearchRequest;
import org.tocsin.index.stats.Facet;

/**
 * Profiling aid, not a benchmark: builds (once) a generated corpus in a directory that is kept
 * between runs, then runs one query class over and over so that a sampling profiler (JFR) sees
 * where a search spends its time. Arguments: the demo corpus, the index directory, the number of
 * posts, the query class ({@code term}, {@code phrase}, {@code bool}, {@code facets}) and the
 * number of runs.
 */
public final class SearchProfile {

  private SearchProfile() {}

  /** Runs the profile; see the class comment for the arguments. */
  @SuppressForbidden(reason = "a profiling main reports on standard output")
  public static void main(String[] args) throws Exception {
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    Path demo = Path.of(args[0]);
    Path dir = Path.of(args[1]);
    int n = Integer.parseInt(args[2]);
    String kind = args[3];
    int runs = Integer.parseInt(args[4]);
    boolean fresh = !Files.exists(dir);
    try (PostIndex index = PostIndex.open(dir, IndexBenchmark.NO_TIMEOUT)) {
      if (fresh) {
        BenchCorpus corpus = BenchCorpus.load(demo, 42);
        for (long i = 0; i < n; i += 5_000) {
          List<ScoredPost> batch = corpus.next(i, (int) Math.min(5_000, n - i));
          index.add(batch);
          if ((i + 5_000) % 100_000 == 0 || i + 5_000 >= n) {
            index.commit(Math.min(i + 5_000, n));
            out.printf(Locale.ROOT, "%,d posts%n", Math.min(i + 5_000, n));
          }
        }
      }
      String[] words = {"women", "muslims", "white", "people", "refugees", "jews", "black"};
      Instant from = BenchCorpus.START.plus(Duration.ofDays(30));
      SearchFilters bool =
          SearchFilters.builder()
              .from(from)
              .to(from.plus(Duration.ofDays(30)))
              .platforms("twitter", "gab")
              .score(ScoreField.HATE, ScoreRange.atLeast(0.5))
              .build();
      List<Facet> dims = List.of(Facet.TARGET, Facet.LANGUAGE, Facet.PLATFORM, Facet.LABEL);
      Random r = new Random(7);
      long[] nanos = new long[runs];
      long[] cpu = new long[runs];
      java.lang.management.ThreadMXBean mx =
          java.lang.management.ManagementFactory.getThreadMXBean();
      long sink = 0;
      for (int i = 0; i < runs; i++) {
        String w = words[r.nextInt(words.length)];
        long c = mx.getCurrentThreadCpuTime();
        long t = System.nanoTime();
        sink +=
            switch (kind) {
              case "term" ->
                  index.search(SearchRequest.of(w).withTotalHitsThreshold(10_000)).totalHits();
              case "exact" -> index.search(SearchRequest.of(w)).totalHits();
              case "phrase" -> index.search(SearchRequest.of("\"white people\"")).totalHits();
              case "bool" ->
                  index
                      .search(
                          SearchRequest.of(
                              "muslims OR refugees OR " + w,
                              bool,
                              SearchRequest.Sort.RELEVANCE,
                              20))
                      .totalHits();
              case "facets" -> index.facets("", SearchFilters.NONE, dims, 10).totalHits();
              default -> throw new IllegalArgumentException("unknown kind " + kind);
            };
        nanos[i] = System.nanoTime() - t;
        cpu[i] = mx.getCurrentThreadCpuTime() - c;
      }
      // the second half only: the first is JIT warm-up
      long[] wall = Arrays.copyOfRange(nanos, runs / 2, runs);
      long[] own = Arrays.copyOfRange(cpu, runs / 2, runs);
      Arrays.sort(wall);
      Arrays.sort(own);
      int m = wall.length;
      out.printf(
          Locale.ROOT,
          "%s: wall p50 %.2f, p95 %.2f, p99 %.2f ms; thread CPU p50 %.2f, p95 %.2f, p99 %.2f ms"
              + " (%d)%n",
          kind,
          wall[m / 2] / 1e6,
          wall[m * 95 / 100] / 1e6,
          wall[m * 99 / 100] / 1e6,
          own[m / 2] / 1e6,
          own[m * 95 / 100] / 1e6,
          own[m * 99 / 100] / 1e6,
          sink);
    }
  }
}
