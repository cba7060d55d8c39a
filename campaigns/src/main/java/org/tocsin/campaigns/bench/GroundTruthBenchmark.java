package org.tocsin.campaigns.bench;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.campaigns.bench.BenchCorpus.Kind;
import org.tocsin.campaigns.detect.CampaignDetector;
import org.tocsin.campaigns.detect.CampaignReport;
import org.tocsin.campaigns.signal.Signal;
import org.tocsin.core.SuppressForbidden;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.json.PostJson;
import org.tocsin.core.post.Post;

/**
 * Runs the ground-truth benchmark and writes {@code campaigns-groundtruth-DATE.md}.
 *
 * <p>Usage: {@code GroundTruthBenchmark CORPUS.jsonl.gz OUT_DIR [SCALE_SIZES]}, for example {@code
 * posts.jsonl.gz bench/results 100000,1000000}; sizes are organic posts for the timing runs (none
 * when omitted). Every number in the file is measured by this run.
 */
public final class GroundTruthBenchmark {

  /** How the ground truth is built, as the result file states it. */
  static final String GROUND_TRUTH =
      """
      ## How the ground truth is built

      - **Organic background**: 100,000 posts by 10,000 accounts over 7 days. Texts, links and \
      hashtags are real posts drawn at random from the source corpus; account activity is \
      heavy-tailed (Pareto weights, shape 1.2), follower counts log-normal, post times a Poisson \
      process. Hard negatives by chance: 12% of organic posts repost an earlier popular post, 8% \
      share one of 300 news URLs, 5% use one of 40 trending hashtag pairs (Zipf-like choices).
      - **Injected campaigns**, 4 per kind, 5 to 15 accounts each, 3 to 8 actions at random \
      times, each member joining an action with probability 0.85; members also post 0 to 3 \
      organic-looking posts of their own:
        - *copy-paste*: the same real text and a hashtag pair, members within 45 s;
        - *paraphrase*: the same real text reworded per member (10% word dropout, synonym \
      swaps, one swapped word pair), within 45 s, no shared link or tag;
        - *link pushing*: unrelated real texts, one URL per action with per-member tracking \
      parameters (removed by the URL normaliser), within 45 s;
        - *repost rings*: one member posts, the others repost it 3 to 50 s later;
        - *slow drip*: copy-paste spread over 10 minutes, so most pairs fall outside a 60 s \
      window;
        - *synchronised bursts*: each member posts its own unrelated real text, nothing shared, \
      within 4 s of each action.
      - **Scores**: account level — precision and recall over injected accounts (an organic \
      account in a found campaign is a false positive; an injected account in none is a miss); \
      campaign level — adjusted Rand index of found campaigns against injected ones over all \
      accounts (accounts in no campaign form one cluster each).

      """;

  /** Seed of the accuracy corpus. */
  public static final long SEED = 20160322L;

  private GroundTruthBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @throws IOException if the corpus cannot be read or the result cannot be written
   */
  @SuppressForbidden(reason = "a command-line benchmark reports progress on standard output")
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      throw new IllegalArgumentException(
          "usage: GroundTruthBenchmark CORPUS.jsonl.gz OUT_DIR [N,N]");
    }
    PrintStream log =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    List<Post> sources = load(Path.of(args[0]));
    StringBuilder md = new StringBuilder();
    md.append("# Campaign detection: ground-truth benchmark\n\n");
    md.append("- Date (UTC): ").append(LocalDate.now(ZoneOffset.UTC)).append('\n');
    md.append("- Machine: ").append(machine()).append('\n');
    md.append("- Source texts: ").append(sources.size()).append(" real posts of ").append(args[0]);
    md.append(" (IRA tweets and HateXplain posts, see its ATTRIBUTION.md)\n");
    md.append(
        "- Generator: `org.tocsin.campaigns.bench.GroundTruthGenerator` (its javadoc says how");
    md.append(" background and campaigns are built), seed ").append(SEED).append("\n\n");
    md.append(GROUND_TRUTH);

    GroundTruthGenerator gen = new GroundTruthGenerator(sources, SEED);
    BenchCorpus corpus =
        gen.generate(100_000, 10_000, 4, Instant.parse("2016-03-01T00:00:00Z"), Duration.ofDays(7));
    md.append("## Accuracy\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Corpus: %d posts, %d organic accounts, %d injected"
                + " accounts in %d campaigns (4 per kind), 7 days.%n%n",
            corpus.posts().size(),
            corpus.organicAccounts(),
            corpus.truth().size(),
            corpus.kinds().size()));
    md.append(
        "| run | campaigns | precision | recall | F1 | ARI | recall per kind"
            + " (copy, para, link, ring, drip, sync) | time ms |\n"
            + "|---|---:|---:|---:|---:|---:|---|---:|\n");
    CampaignConfig base = CampaignConfig.defaults();
    row(md, log, "defaults (all but burst)", corpus, base);
    CampaignConfig all = base.withSignals(EnumSet.allOf(Signal.class));
    row(md, log, "all six signals", corpus, all);
    for (Signal s : Signal.values()) {
      EnumSet<Signal> without = EnumSet.allOf(Signal.class);
      without.remove(s);
      row(md, log, "all without " + s.jsonName(), corpus, base.withSignals(without));
    }
    for (Signal s : Signal.values()) {
      row(md, log, "only " + s.jsonName(), corpus, base.withSignals(EnumSet.of(s)));
    }
    row(md, log, "window 10m", corpus, base.withWindow(Duration.ofMinutes(10)));
    row(md, log, "edgeWeightQuantile 0", corpus, base.withEdgeWeightQuantile(0));
    row(md, log, "minRepeat 3", corpus, base.withMinRepeat(3));

    if (args.length > 2) {
      md.append("\n## Batch time\n\n");
      md.append("Organic background at a constant rate (100k posts per 7 days), 10 posts per");
      md.append(" account, 20 campaigns per kind; defaults; time of `CampaignDetector.detect` on");
      md.append(" posts already in memory (JSON parsing not included), after one warm-up run on");
      md.append(
          " 100k.\n\n| posts | accounts | time s | campaigns | F1 | ARI | heap used after, MB |");
      md.append("\n|---:|---:|---:|---:|---:|---:|---:|\n");
      BenchCorpus warm =
          new GroundTruthGenerator(sources, 1)
              .generate(
                  100_000, 10_000, 4, Instant.parse("2016-03-01T00:00:00Z"), Duration.ofDays(7));
      CampaignDetector.detect(warm.posts(), Map.of(), base);
      for (String size : args[2].split(",")) {
        int n = Integer.parseInt(size.trim());
        BenchCorpus c =
            new GroundTruthGenerator(sources, SEED + n)
                .generate(
                    n,
                    n / 10,
                    20,
                    Instant.parse("2016-03-01T00:00:00Z"),
                    Duration.ofMillis(7L * 86_400_000L * n / 100_000));
        long t = System.nanoTime();
        CampaignReport r = CampaignDetector.detect(c.posts(), Map.of(), base);
        double secs = (System.nanoTime() - t) / 1e9;
        Runtime rt = Runtime.getRuntime();
        long used = (rt.totalMemory() - rt.freeMemory()) >> 20;
        BenchScore sc = BenchScore.of(c, r);
        md.append(
            String.format(
                Locale.ROOT,
                "| %d | %d | %.2f | %d | %.3f | %.3f | %d |%n",
                r.posts(),
                r.accounts(),
                secs,
                r.campaigns().size(),
                sc.f1(),
                sc.ari(),
                used));
        log.printf(Locale.ROOT, "scale %d posts: %.2f s%n", r.posts(), secs);
      }
    }
    Path out =
        Path.of(args[1]).resolve("campaigns-groundtruth-" + LocalDate.now(ZoneOffset.UTC) + ".md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
    log.println("wrote " + out);
  }

  private static void row(
      StringBuilder md, PrintStream log, String name, BenchCorpus corpus, CampaignConfig cfg) {
    long t = System.nanoTime();
    CampaignReport r = CampaignDetector.detect(corpus.posts(), Map.of(), cfg);
    long ms = (System.nanoTime() - t) / 1_000_000;
    BenchScore s = BenchScore.of(corpus, r);
    StringBuilder kinds = new StringBuilder();
    for (Kind k : Kind.values()) {
      kinds
          .append(kinds.length() == 0 ? "" : ", ")
          .append(String.format(Locale.ROOT, "%.2f", s.recallByKind().getOrDefault(k, 0.0)));
    }
    String line =
        String.format(
            Locale.ROOT,
            "| %s | %d | %.3f | %.3f | %.3f | %.3f | %s | %d |%n",
            name,
            s.campaigns(),
            s.precision(),
            s.recall(),
            s.f1(),
            s.ari(),
            kinds,
            ms);
    md.append(line);
    log.print(line);
  }

  /** Reads Post JSON lines from a gzip file. */
  public static List<Post> load(Path gz) throws IOException {
    List<Post> posts = new ArrayList<>();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz));
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      int n = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        try {
          posts.add(PostJson.read(line));
        } catch (PostFormatException e) {
          throw new IOException(gz + " line " + n + ": " + e.getMessage(), e);
        }
      }
    }
    return posts;
  }

  static String machine() {
    String cpu = "unknown CPU";
    try {
      for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
        if (l.startsWith("model name")) {
          cpu = l.substring(l.indexOf(':') + 1).trim();
          break;
        }
      }
    } catch (IOException e) {
      cpu = "unknown CPU (" + e.getMessage() + ")";
    }
    Runtime rt = Runtime.getRuntime();
    return String.format(
        Locale.ROOT,
        "%s, %d cores available, %s %s, Java %s, max heap %d MB",
        cpu,
        rt.availableProcessors(),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        System.getProperty("java.version"),
        rt.maxMemory() >> 20);
  }
}
