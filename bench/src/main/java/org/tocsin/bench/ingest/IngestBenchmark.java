package org.tocsin.bench.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import jdk.jfr.Recording;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.tocsin.bench.BenchReport;
import org.tocsin.core.SuppressForbidden;
import org.tocsin.core.json.PostJson;
import org.tocsin.core.post.Post;
import org.tocsin.node.ImportListener;
import org.tocsin.node.ImportReport;
import org.tocsin.node.TocsinNode;
import org.tocsin.node.config.TocsinConfig;

/**
 * End-to-end ingest: N real posts (the demo corpus, cycled with fresh ids) imported through the
 * ledger (group commit + fsync), the scorer and the index, next to raw Lucene indexing of the same
 * posts (same text, id and time fields; one commit at the end) in the same run.
 *
 * <p>The import runs under a JFR recording whose CPU samples give each stage's cost per post
 * ({@link StageCosts}); {@code -Dtocsin.bench.jfr=FILE} keeps the recording.
 *
 * <p>Usage: {@code bench/run-ingest.sh [N]}; writes {@code bench/results/ingest-DATE.md}.
 */
public final class IngestBenchmark {
  private IngestBenchmark() {}

  /** Args: [N posts, default 100000] [results dir, default bench/results]. */
  @SuppressForbidden(reason = "a command-line benchmark reports on stdout")
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path results = Path.of(args.length > 1 ? args[1] : "bench/results");
    PrintStream out = System.out;
    Path work = Files.createTempDirectory("tocsin-bench-");
    try {
      List<String> lines = corpusLines(n);
      Path input = work.resolve("input.jsonl");
      Files.write(input, lines, StandardCharsets.UTF_8);
      long inputBytes = Files.size(input);
      out.printf("input: %,d posts, %,d bytes%n", n, inputBytes);

      // warm-up on a small slice so that JIT and class loading are not measured
      try (TocsinNode warm = TocsinNode.open(work.resolve("warm"), TocsinConfig.defaults())) {
        Path w = work.resolve("warm.jsonl");
        Files.write(w, lines.subList(0, Math.min(5_000, n)), StandardCharsets.UTF_8);
        warm.importer().importFile(w, ImportListener.NONE);
      }

      BenchReport.resetPeaks();
      System.gc();
      Path data = work.resolve("data");
      double load0 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      Path jfr = work.resolve("import.jfr");
      CpuClock clock = CpuClock.start();
      long t0 = System.nanoTime();
      ImportReport r;
      String scorer;
      try (Recording rec = StageCosts.startRecording(jfr)) {
        try (TocsinNode node = TocsinNode.open(data, TocsinConfig.defaults())) {
          r = node.importer().importFile(input, ImportListener.NONE);
          scorer = node.scorer().model() + " v" + node.scorer().version();
        }
        rec.stop();
      }
      double e2eSecs = (System.nanoTime() - t0) / 1e9;
      CpuClock.Spent e2eCpu = clock.spent();
      StageCosts.Counts stages = StageCosts.count(jfr);
      String keep = System.getProperty("tocsin.bench.jfr");
      if (keep != null) {
        Files.copy(jfr, Path.of(keep), StandardCopyOption.REPLACE_EXISTING);
      }
      double load1 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      long e2ePeak = BenchReport.peakHeapBytes();
      long ledgerBytes = BenchReport.sizeOf(data.resolve("ledger"));
      long indexBytes = BenchReport.sizeOf(data.resolve("index"));
      out.printf("tocsin import: %.2f s, %,.0f posts/s%n", e2eSecs, r.accepted() / e2eSecs);

      List<Post> posts = new ArrayList<>(n);
      for (String l : lines) {
        posts.add(PostJson.read(l));
      }
      ScorerRate scoring =
          ScorerRate.measure(
              TocsinNode.scorer(TocsinConfig.defaults()),
              TocsinConfig.defaults().nlp().cascade().threads(),
              posts);
      out.printf(
          "scorer alone: %.2f s, %,.0f posts/s, %.3f ms CPU per post%n",
          scoring.seconds(), scoring.postsPerSecond(), scoring.cpuMillisPerPost());
      BenchReport.resetPeaks();
      System.gc();
      long t1 = System.nanoTime();
      rawLucene(work.resolve("raw-lucene"), posts);
      double rawSecs = (System.nanoTime() - t1) / 1e9;
      long rawPeak = BenchReport.peakHeapBytes();
      out.printf("raw lucene: %.2f s, %,.0f docs/s%n", rawSecs, n / rawSecs);

      BenchReport report = new BenchReport("Ingest: Tocsin end to end vs raw Lucene");
      report
          .line(
              "Input: %,d real posts (the demo corpus cycled with fresh ids), %,d bytes of Post JSONL.",
              n, inputBytes)
          .line(
              "Batch size %d (one ledger fsync per batch; the index commits every 50,000 records and at the end, with a near-real-time refresh between). Scorer: %s.",
              TocsinConfig.defaults().ingest().batchSize(), scorer)
          .line("")
          .line("| path | seconds | posts/s | peak heap MiB | on disk MiB |")
          .line("| --- | ---: | ---: | ---: | ---: |")
          .line(
              "| tocsin import (ledger + fsync + score + index + commits) | %.2f | %,.0f | %d | ledger %.1f, index %.1f |",
              e2eSecs,
              r.accepted() / e2eSecs,
              e2ePeak >> 20,
              ledgerBytes / 1048576.0,
              indexBytes / 1048576.0)
          .line(
              "| raw Lucene (StandardAnalyzer, text + id + time, one commit) | %.2f | %,.0f | %d | — |",
              rawSecs, n / rawSecs, rawPeak >> 20)
          .line(
              "| scorer alone (scoreAll on the same posts, %d threads) | %.2f | %,.0f | — | — |",
              scoring.threads(), scoring.seconds(), scoring.postsPerSecond())
          .line("")
          .line(
              "Tocsin import at %.1f %% of raw Lucene's rate and %.1f %% of the scorer's own.",
              100 * (r.accepted() / e2eSecs) / (n / rawSecs),
              100 * (r.accepted() / e2eSecs) / scoring.postsPerSecond())
          .line("")
          .line(
              "Tocsin import: %.1f s of CPU time in this JVM (all threads, %.3f ms per post, %,.0f posts per CPU-second; of it GC about %.1f s); scorer alone %.3f ms CPU per post; 1-minute load average %.2f at the start, %.2f at the end (2 cores).",
              e2eCpu.totalSeconds(),
              1000 * e2eCpu.totalSeconds() / r.accepted(),
              r.accepted() / e2eCpu.totalSeconds(),
              e2eCpu.gcSeconds(),
              scoring.cpuMillisPerPost(),
              load0,
              load1)
          .line("");
      StageCosts.table(report, stages, e2eCpu.javaSeconds(), r.accepted());
      report
          .line("")
          .line(
              "Peak heap is the sum of the heap pools' peak use during the run (JVM max heap above).");
      Path file = report.write(results, "ingest");
      out.println("wrote " + file);
    } finally {
      try (var walk = Files.walk(work)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static List<String> corpusLines(int n) throws IOException {
    List<Post> base = new ArrayList<>();
    try (InputStream raw =
            IngestBenchmark.class.getResourceAsStream("/org/tocsin/node/demo/posts.jsonl.gz");
        BufferedReader r =
            new BufferedReader(
                new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        base.add(PostJson.read(line));
      }
    } catch (org.tocsin.core.json.PostFormatException e) {
      throw new IOException("demo corpus line is invalid: " + e.getMessage(), e);
    }
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Post p = base.get(i % base.size());
      String id = i < base.size() ? p.id() : p.id() + "-c" + (i / base.size());
      out.add(PostJson.write(p.withId(id)));
    }
    return out;
  }

  private static void rawLucene(Path dir, List<Post> posts) throws IOException {
    try (FSDirectory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer()))) {
      for (Post p : posts) {
        Document doc = new Document();
        doc.add(new StringField("key", p.platform() + "/" + p.id(), Field.Store.YES));
        doc.add(new TextField("text", p.text(), Field.Store.YES));
        long t = p.createdAt().toEpochMilli();
        doc.add(new LongPoint("createdAt", t));
        doc.add(new NumericDocValuesField("createdAt", t));
        doc.add(new StoredField("json", PostJson.write(p)));
        w.addDocument(doc);
      }
      w.commit();
    }
  }
}
