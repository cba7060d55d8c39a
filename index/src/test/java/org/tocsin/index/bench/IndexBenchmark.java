package org.tocsin.index.bench;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.IOUtils;
import org.tocsin.core.SuppressForbidden;
import org.tocsin.core.post.PostKey;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.index.PostIndex;
import org.tocsin.index.ScoreField;
import org.tocsin.index.ScoreRange;
import org.tocsin.index.SearchFilters;
import org.tocsin.index.SearchRequest;
import org.tocsin.index.stats.Facet;
import org.tocsin.index.stats.Interval;

/**
 * Indexes a generated corpus through {@link PostIndex} and through plain Lucene, then measures
 * p50/p99 latency of term, phrase, boolean+filters, facet and histogram queries on both, one
 * thread, and writes a Markdown report. Arguments: the demo corpus ({@code posts.jsonl.gz}), the
 * report path, optionally the number of posts (default 1,000,000) and optionally a directory where
 * both indexes are kept: a later run with the same directory and number of posts reuses them
 * instead of indexing again (its indexing row is the one of the run that built them).
 */
public final class IndexBenchmark {

  private static final int BATCH = 5_000;
  private static final int COMMIT_EVERY = 100_000;
  private static final int WARMUP = 30;
  private static final int RUNS = 200;

  /**
   * The search time limit: far past any latency measured, so that a loaded machine slows the
   * benchmark down rather than stopping it.
   */
  static final java.time.Duration NO_TIMEOUT = java.time.Duration.ofMinutes(10);

  private static final String[] WORDS = {
    "women",
    "muslims",
    "white",
    "people",
    "refugees",
    "jews",
    "black",
    "immigrants",
    "country",
    "kill"
  };
  private static final String[][] PHRASES = {
    {"white", "people"},
    {"illegal", "immigrants"},
    {"these", "people"},
    {"go", "back"},
    {"black", "people"}
  };

  private final List<String> rows = new ArrayList<>();
  private final PrintStream log;

  private IndexBenchmark(PrintStream log) {
    this.log = log;
  }

  /** Runs the benchmark; see the class comment for the arguments. */
  @SuppressForbidden(reason = "a benchmark main reports progress on standard output")
  public static void main(String[] args) throws Exception {
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    int n = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
    Path keep = args.length > 3 ? Path.of(args[3]) : null;
    new IndexBenchmark(out).run(Path.of(args[0]), Path.of(args[1]), n, keep);
  }

  private void run(Path demo, Path report, int n, Path keep) throws Exception {
    Path work = keep == null ? Files.createTempDirectory("tocsin-index-bench") : keep;
    Path tocsinDir = work.resolve("tocsin-" + n);
    Path plainDir = work.resolve("plain-" + n);
    Path built = work.resolve("built-" + n + ".md");
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    try {
      BenchCorpus corpus = BenchCorpus.load(demo, 42);
      boolean reuse = keep != null && Files.exists(built);
      if (!reuse) {
        IOUtils.rm(tocsinDir, plainDir);
      }
      long t0 = System.nanoTime();
      try (PostIndex index = PostIndex.open(tocsinDir, NO_TIMEOUT)) {
        if (!reuse) {
          build(index, corpus, n);
        }
        double tocsinSecs = (System.nanoTime() - t0) / 1e9;
        long tocsinBytes = size(tocsinDir);
        BenchCorpus again = BenchCorpus.load(demo, 42);
        long t1 = System.nanoTime();
        try (PlainLucene plain = new PlainLucene(plainDir)) {
          if (!reuse) {
            for (long i = 0; i < n; i += BATCH) {
              plain.add(again.next(i, (int) Math.min(BATCH, n - i)));
              if ((i + BATCH) % COMMIT_EVERY == 0 || i + BATCH >= n) {
                plain.commit();
              }
            }
          }
          double plainSecs = (System.nanoTime() - t1) / 1e9;
          plain.open();
          if (reuse) {
            rows.add(Files.readString(built, StandardCharsets.UTF_8).strip());
          } else {
            log.printf(
                Locale.ROOT, "indexing: tocsin %.1f s, plain %.1f s%n", tocsinSecs, plainSecs);
            rows.add(
                String.format(
                    Locale.ROOT,
                    "| indexing (posts/s) | %,.0f (%.1f s, %,d MiB on disk) | %,.0f (%.1f s, %,d"
                        + " MiB on disk) |",
                    n / tocsinSecs,
                    tocsinSecs,
                    tocsinBytes >> 20,
                    n / plainSecs,
                    plainSecs,
                    plain.sizeBytes() >> 20));
            if (keep != null) {
              Files.writeString(built, rows.get(rows.size() - 1), StandardCharsets.UTF_8);
            }
          }
          measure(index, plain);
        }
      }
      double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      write(report, n, corpus.baseSize(), loadBefore, loadAfter, reuse);
    } finally {
      if (keep == null) {
        IOUtils.rm(work);
      }
    }
  }

  private void build(PostIndex index, BenchCorpus corpus, int n) throws IOException {
    for (long i = 0; i < n; i += BATCH) {
      List<ScoredPost> batch = corpus.next(i, (int) Math.min(BATCH, n - i));
      index.add(batch, campaigns(batch));
      if ((i + BATCH) % COMMIT_EVERY == 0 || i + BATCH >= n) {
        index.commit(Math.min(i + BATCH, n));
        log.printf(Locale.ROOT, "tocsin: %,d posts%n", Math.min(i + BATCH, n));
      }
    }
  }

  private void measure(PostIndex index, PlainLucene plain) throws Exception {
    Instant from = BenchCorpus.START.plus(java.time.Duration.ofDays(30));
    Instant to = from.plus(java.time.Duration.ofDays(30));
    Instant end = BenchCorpus.START.plus(java.time.Duration.ofDays(BenchCorpus.DAYS));
    SearchFilters month = SearchFilters.builder().from(from).to(to).build();
    SearchFilters all = SearchFilters.builder().from(BenchCorpus.START).to(end).build();
    SearchFilters bool =
        month.toBuilder()
            .platforms("twitter", "gab")
            .score(ScoreField.HATE, ScoreRange.atLeast(0.5))
            .build();
    List<Facet> dims = List.of(Facet.TARGET, Facet.LANGUAGE, Facet.PLATFORM, Facet.LABEL);
    long start = BenchCorpus.START.toEpochMilli();
    row(
        "term (top 20, count exact to 10,000: the API default)",
        r -> index.search(api(SearchRequest.of(word(r)))).totalHits(),
        r -> plain.search(new TermQuery(new Term("text", word(r)))));
    row(
        "term (top 20, every hit counted: exactTotal=true)",
        r -> index.search(SearchRequest.of(word(r))).totalHits(),
        r -> plain.search(new TermQuery(new Term("text", word(r)))));
    row(
        "phrase (top 20)",
        r -> index.search(api(SearchRequest.of(phraseText(r)))).totalHits(),
        r -> plain.search(new PhraseQuery("text", PHRASES[r.nextInt(PHRASES.length)])));
    row(
        "boolean + filters (3 terms OR, 2 platforms, hate >= 0.5, 30 days)",
        r ->
            index
                .search(
                    api(
                        SearchRequest.of(
                            "muslims OR refugees OR " + word(r),
                            bool,
                            SearchRequest.Sort.RELEVANCE,
                            20)))
                .totalHits(),
        r -> plain.search(plainBool(word(r), from, to)));
    row(
        "facets of a term, 30 days (4 dims, top 10)",
        r -> index.facets(word(r), month, dims, 10).totalHits(),
        r -> plain.facets(plainTermInRange(word(r), from, to)));
    row(
        "facets of all posts (4 dims, top 10), counted afresh",
        r -> {
          index.clearCaches();
          return index.facets("", SearchFilters.NONE, dims, 10).totalHits();
        },
        r -> plain.facets(new MatchAllDocsQuery()));
    row(
        "facets of all posts (4 dims, top 10), asked again (segment counts cached)",
        r -> index.facets("", SearchFilters.NONE, dims, 10).totalHits(),
        r -> plain.facets(new MatchAllDocsQuery()));
    row(
        "histogram of a term, 90 days by day",
        r -> index.histogram(word(r), all, Interval.DAY, null).totalHits(),
        r -> plain.days(new TermQuery(new Term("text", word(r))), start, BenchCorpus.DAYS));
    row(
        "histogram of all posts, 90 days by day",
        r -> index.histogram("", all, Interval.DAY, null).totalHits(),
        r -> plain.days(new MatchAllDocsQuery(), start, BenchCorpus.DAYS));
    row(
        "histogram of a term by day split by target (Tocsin only)",
        r -> index.histogram(word(r), all, Interval.DAY, Facet.TARGET).totalHits(),
        null);
  }

  /** A request as the search API makes it by default: exact counts up to 10,000. */
  private static SearchRequest api(SearchRequest r) {
    return r.withTotalHitsThreshold(10_000);
  }

  private static BooleanQuery plainBool(String w, Instant from, Instant to) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String t : new String[] {"muslims", "refugees", w}) {
      any.add(new TermQuery(new Term("text", t)), Occur.SHOULD);
    }
    BooleanQuery.Builder platforms = new BooleanQuery.Builder();
    platforms.add(new TermQuery(new Term("platform", "twitter")), Occur.SHOULD);
    platforms.add(new TermQuery(new Term("platform", "gab")), Occur.SHOULD);
    return new BooleanQuery.Builder()
        .add(any.build(), Occur.MUST)
        .add(platforms.build(), Occur.FILTER)
        .add(DoublePoint.newRangeQuery("hate", 0.5, 1.0), Occur.FILTER)
        .add(range(from, to), Occur.FILTER)
        .build();
  }

  private static BooleanQuery plainTermInRange(String w, Instant from, Instant to) {
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term("text", w)), Occur.MUST)
        .add(range(from, to), Occur.FILTER)
        .build();
  }

  private static org.apache.lucene.search.Query range(Instant from, Instant to) {
    return LongPoint.newRangeQuery("createdAt", from.toEpochMilli(), to.toEpochMilli() - 1);
  }

  /** One measured query kind; returns something so the JIT cannot drop the work. */
  private interface Op {
    long run(Random r) throws Exception;
  }

  private void row(String name, Op tocsin, Op plain) throws Exception {
    String a = latencies(tocsin);
    String b = plain == null ? "—" : latencies(plain);
    rows.add("| " + name + " | " + a + " | " + b + " |");
    log.println(name + ": " + a + " / " + b);
  }

  private static String latencies(Op op) throws Exception {
    Random r = new Random(7);
    long sink = 0;
    for (int i = 0; i < WARMUP; i++) {
      sink += op.run(r);
    }
    java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long[] nanos = new long[RUNS];
    long[] cpu = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long c = mx.getCurrentThreadCpuTime();
      long t = System.nanoTime();
      sink += op.run(r);
      nanos[i] = System.nanoTime() - t;
      cpu[i] = mx.getCurrentThreadCpuTime() - c;
    }
    Arrays.sort(nanos);
    Arrays.sort(cpu);
    return String.format(
        Locale.ROOT,
        "p50 %.1f, p95 %.1f, p99 %.1f ms (CPU p50 %.1f, p95 %.1f, p99 %.1f)%s",
        nanos[RUNS / 2] / 1e6,
        nanos[RUNS * 95 / 100] / 1e6,
        nanos[RUNS * 99 / 100] / 1e6,
        cpu[RUNS / 2] / 1e6,
        cpu[RUNS * 95 / 100] / 1e6,
        cpu[RUNS * 99 / 100] / 1e6,
        sink == Long.MIN_VALUE ? "!" : "");
  }

  private static String word(Random r) {
    return WORDS[r.nextInt(WORDS.length)];
  }

  private static String phraseText(Random r) {
    String[] p = PHRASES[r.nextInt(PHRASES.length)];
    return "\"" + p[0] + " " + p[1] + "\"";
  }

  private static Map<PostKey, List<String>> campaigns(List<ScoredPost> batch) {
    Map<PostKey, List<String>> out = new java.util.HashMap<>();
    for (ScoredPost sp : batch) {
      List<String> ids = BenchCorpus.campaigns(sp.evidence().seq() - 1);
      if (!ids.isEmpty()) {
        out.put(sp.post().key(), ids);
      }
    }
    return out;
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      long n = 0;
      for (Path p : (Iterable<Path>) files::iterator) {
        n += Files.size(p);
      }
      return n;
    }
  }

  private void write(
      Path report, int n, int base, double loadBefore, double loadAfter, boolean reused)
      throws IOException {
    Runtime rt = Runtime.getRuntime();
    List<String> md = new ArrayList<>();
    md.add("# Index: Tocsin PostIndex vs plain Lucene");
    md.add("");
    md.add("- date: " + LocalDate.now(ZoneOffset.UTC));
    md.add(
        String.format(
            Locale.ROOT,
            "- machine: %d cores, %s %s (%s), Java %s (%s), max heap %d MiB",
            rt.availableProcessors(),
            System.getProperty("os.name"),
            System.getProperty("os.version"),
            System.getProperty("os.arch"),
            System.getProperty("java.version"),
            System.getProperty("java.vm.name"),
            rt.maxMemory() >> 20));
    md.add(
        String.format(
            Locale.ROOT,
            "- load average (1 min) %.2f at the start, %.2f at the end; both sides ran in the same"
                + " JVM, one after the other, on one thread%s",
            loadBefore,
            loadAfter,
            reused ? "; the indexes were built by an earlier run and reused" : ""));
    md.add("- JVM input arguments: " + ManagementFactory.getRuntimeMXBean().getInputArguments());
    md.add(
        "- latency is wall time; in brackets the CPU time of the querying thread (its own work,"
            + " without the time it waited for a core on a shared machine), all in ms");
    md.add("");
    md.add(
        String.format(
            Locale.ROOT,
            "Corpus: %,d posts generated from the %,d real texts of the demo corpus (authors from a"
                + " pool of %,d with power-law activity, times uniform over %d days, 0–2 extra"
                + " hashtags from a skewed pool of 200, 8 platforms, synthetic scores and target"
                + " groups, 1 post in 50 in one of %d campaigns). Indexed in batches of %,d with a"
                + " commit every %,d posts. Latency: %d warm-up runs, then %d measured, one"
                + " thread; query words drawn from 10 common words of the corpus.",
            n,
            base,
            BenchCorpus.AUTHORS,
            BenchCorpus.DAYS,
            BenchCorpus.CAMPAIGNS,
            BATCH,
            COMMIT_EVERY,
            WARMUP,
            RUNS));
    md.add("");
    md.add(
        "Tocsin counts hits exactly up to 10,000 (the search API's default; past it the total is"
            + " a lower bound) unless the row says every hit, loads the stored post, score and"
            + " evidence JSON of each hit and highlights it; plain Lucene takes its default top-20"
            + " (hit count exact up to 1,000, so it can skip) and loads the stored text. Tocsin's"
            + " facets and histograms also filter to the latest version of each post; its facet"
            + " counts per segment are kept for a repeated question, so the 'counted afresh' row"
            + " clears them before every run.");
    md.add("");
    md.add("| query | Tocsin | plain Lucene |");
    md.add("| --- | --- | --- |");
    md.addAll(rows);
    Files.createDirectories(report.toAbsolutePath().getParent());
    Files.write(report, md, StandardCharsets.UTF_8);
    log.println("wrote " + report);
  }
}
