package org.tocsin.campaigns.bench;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.campaigns.detect.CampaignDetector;
import org.tocsin.campaigns.stream.StateSizes;
import org.tocsin.campaigns.stream.StreamingConfig;
import org.tocsin.campaigns.stream.StreamingDetector;
import org.tocsin.core.SuppressForbidden;
import org.tocsin.core.post.Post;

/**
 * Measures the throughput of {@link StreamingDetector} on 100k generated posts ({@link
 * GroundTruthGenerator}, seed {@link GroundTruthBenchmark#SEED}) streamed in time order, at two
 * rates, and writes {@code campaigns-streaming-DATE.md}. Each run uses a new detector on one
 * thread; the first run includes JIT warm-up.
 */
public final class StreamingBenchmark {

  private static final int RUNS = 3;

  private StreamingBenchmark() {}

  /**
   * Runs the benchmark: {@code StreamingBenchmark CORPUS.jsonl.gz OUT_DIR}.
   *
   * @throws IOException if the corpus cannot be read or the result cannot be written
   */
  @SuppressForbidden(reason = "a command-line benchmark reports progress on standard output")
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: StreamingBenchmark CORPUS.jsonl.gz OUT_DIR");
    }
    PrintStream log =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    List<Post> sources = GroundTruthBenchmark.load(Path.of(args[0]));
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    StringBuilder md = new StringBuilder();
    md.append("# Campaign detection: streaming throughput\n\n");
    md.append("- Date (UTC): ").append(today).append('\n');
    md.append("- Machine: ").append(GroundTruthBenchmark.machine()).append('\n');
    md.append("- The machine is shared with other sessions' builds and tests: numbers are what");
    md.append(" was measured here, not a quiet-machine figure.\n");
    md.append("- Source texts: ").append(sources.size()).append(" real posts of ").append(args[0]);
    md.append('\n');
    md.append("- Corpus: `GroundTruthGenerator`, seed ").append(GroundTruthBenchmark.SEED);
    md.append(", 96,000 organic posts by 10,000 accounts plus 4 injected campaigns per kind,");
    md.append(
        " streamed in creation-time order; `StreamingConfig.defaults()` (the batch defaults,");
    md.append(" 100,000 posts max in the window, 24 h account retention).\n");
    md.append("- One thread; each run builds a new detector; run 1 includes JIT warm-up.");
    md.append(" Batch: `CampaignDetector.detect` over the same posts, once, for comparison.\n\n");
    md.append("| span | posts | run | posts/s | ms | campaigns | events |");
    md.append(" max window posts | max accounts | max edges |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    StringBuilder batch =
        new StringBuilder("\n| span | batch ms | batch campaigns |\n|---|---:|---:|\n");
    for (Duration span : List.of(Duration.ofHours(24), Duration.ofHours(1))) {
      BenchCorpus corpus =
          new GroundTruthGenerator(sources, GroundTruthBenchmark.SEED)
              .generate(96_000, 10_000, 4, Instant.parse("2016-03-01T00:00:00Z"), span);
      List<Post> posts = new ArrayList<>(corpus.posts());
      posts.sort(Comparator.comparing(Post::createdAt).thenComparing(p -> Long.parseLong(p.id())));
      for (int run = 1; run <= RUNS; run++) {
        int[] events = {0};
        StreamingDetector d = new StreamingDetector(StreamingConfig.defaults(), e -> events[0]++);
        int maxWindow = 0;
        int maxAccounts = 0;
        int maxEdges = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < posts.size(); i++) {
          d.accept(posts.get(i));
          if ((i & 1023) == 0) {
            StateSizes s = d.sizes();
            maxWindow = Math.max(maxWindow, s.windowPosts());
            maxAccounts = Math.max(maxAccounts, s.accounts());
            maxEdges = Math.max(maxEdges, s.edges());
          }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        String line =
            String.format(
                Locale.ROOT,
                "| %s | %d | %d | %.0f | %d | %d | %d | %d | %d | %d |%n",
                span,
                posts.size(),
                run,
                posts.size() * 1000.0 / Math.max(1, ms),
                ms,
                d.campaigns().size(),
                events[0],
                maxWindow,
                maxAccounts,
                maxEdges);
        md.append(line);
        log.print(line);
      }
      long t0 = System.nanoTime();
      int found =
          CampaignDetector.detect(posts, Map.of(), CampaignConfig.defaults()).campaigns().size();
      batch.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d |%n",
              span,
              (System.nanoTime() - t0) / 1_000_000,
              found));
    }
    md.append(batch);
    md.append("\nMax state sizes are sampled every 1,024 posts.\n");
    Path out = Path.of(args[1]).resolve("campaigns-streaming-" + today + ".md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
    log.println("wrote " + out);
  }
}
