package org.tocsin.campaigns.bench;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.campaigns.bench.CoordinationCorpus.Kind;
import org.tocsin.campaigns.bench.PairScore.Prf;
import org.tocsin.campaigns.detect.CampaignDetector;
import org.tocsin.campaigns.detect.CampaignReport;
import org.tocsin.core.SuppressForbidden;
import org.tocsin.core.post.Post;

/**
 * Runs the coordination benchmark of issue 18 ({@link CoordinationGenerator}) and writes {@code
 * campaigns-DATE.md}: pairwise account precision, recall and F1 per campaign kind, organic accounts
 * flagged, and detection time (seconds and microseconds per post, so that linearity can be read
 * off), at 1x, 5x and 10x organic scale over several seeds.
 *
 * <p>Usage: {@code CoordinationBenchmark DEMO_CORPUS.jsonl.gz OUT_DIR [SEEDS]}. Every number in the
 * file is measured by this run.
 */
public final class CoordinationBenchmark {

  /** Seeds of the published run. */
  public static final long[] SEEDS = {1L, 2L, 3L};

  /** Organic scales of the published run. */
  static final int[] SCALES = {1, 5, 10};

  /** Campaigns of each kind per corpus, at every scale. */
  public static final int PER_KIND = 3;

  private CoordinationBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @throws IOException if the corpus cannot be read or the result cannot be written
   */
  @SuppressForbidden(reason = "a command-line benchmark reports progress on standard output")
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      throw new IllegalArgumentException(
          "usage: CoordinationBenchmark DEMO_CORPUS.jsonl.gz OUT_DIR [NAME=JSON ...]");
    }
    PrintStream log =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    List<Post> sources = organicSources(GroundTruthBenchmark.load(Path.of(args[0])));
    Map<String, CampaignConfig> runs = new LinkedHashMap<>();
    runs.put("defaults", CampaignConfig.defaults());
    runs.put(
        "defaults, no slow-drip window",
        CampaignConfig.defaults().withTextWindow(CampaignConfig.defaults().window()));
    // one untimed run first, so that the 1x timings do not include the JIT's warm-up
    score(sources, 1, SEEDS[0], CampaignConfig.defaults(), new long[2]);
    String md = run(sources, runs, SCALES, SEEDS, log);
    Path out = Path.of(args[1]).resolve("campaigns-" + LocalDate.now(ZoneOffset.UTC) + ".md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, md, StandardCharsets.UTF_8);
    log.println("wrote " + out);
  }

  /**
   * The organic text sources of the demo corpus: its IRA tweets and its HateXplain posts of the
   * train split.
   */
  public static List<Post> organicSources(List<Post> demo) {
    List<Post> out = new ArrayList<>();
    for (Post p : demo) {
      var hx = p.extra().get("hatexplain");
      if (hx == null || "train".equals(hx.path("split").asText())) {
        out.add(p);
      }
    }
    return out;
  }

  /** Scores one run: the corpus of {@code seed} at {@code scale} under {@code cfg}. */
  public static PairScore score(
      List<Post> sources, int scale, long seed, CampaignConfig cfg, long[] nanos) {
    CoordinationCorpus c = new CoordinationGenerator(sources, seed).generate(scale, PER_KIND);
    long t = System.nanoTime();
    CampaignReport r = CampaignDetector.detect(c.posts(), Map.of(), cfg);
    nanos[0] = System.nanoTime() - t;
    nanos[1] = c.posts().size();
    return PairScore.of(c, r);
  }

  /** Runs every configuration at every scale and seed; returns the Markdown report. */
  static String run(
      List<Post> sources,
      Map<String, CampaignConfig> runs,
      int[] scales,
      long[] seeds,
      PrintStream log) {
    StringBuilder md = new StringBuilder();
    md.append("# Campaign detection: coordination benchmark (issue 18)\n\n");
    md.append("- Date (UTC): ").append(LocalDate.now(ZoneOffset.UTC)).append('\n');
    md.append("- Machine: ").append(GroundTruthBenchmark.machine()).append('\n');
    md.append("- Sources: ").append(sources.size());
    md.append(" real texts of the demo corpus (IRA tweets, HateXplain train split)\n");
    md.append("- Generator: `org.tocsin.campaigns.bench.CoordinationGenerator` (its javadoc says");
    md.append(" how organic accounts and campaigns are made), ").append(PER_KIND);
    md.append(" campaigns per kind, seeds ");
    for (int i = 0; i < seeds.length; i++) {
      md.append(i == 0 ? "" : ", ").append(seeds[i]);
    }
    md.append("\n- Scores: pairs of accounts, summed over the seeds (`PairScore`); a kind's");
    md.append(" precision counts the predicted pairs with an account of that kind\n\n");
    md.append("| run | scale | posts | P | R | F1 | organic flagged |");
    for (Kind k : Kind.values()) {
      md.append(' ').append(k.name().toLowerCase(Locale.ROOT)).append(" P/R |");
    }
    md.append(" time s | µs per post |\n|---|---:|---:|---:|---:|---:|---:|");
    md.append("---|".repeat(Kind.values().length)).append("---:|---:|\n");
    for (Map.Entry<String, CampaignConfig> e : runs.entrySet()) {
      for (int scale : scales) {
        long[] sum = new long[3];
        Map<Kind, long[]> kinds = new LinkedHashMap<>();
        int organic = 0;
        long posts = 0;
        double secs = 0;
        for (long seed : seeds) {
          long[] t = new long[2];
          PairScore s = score(sources, scale, seed, e.getValue(), t);
          secs += t[0] / 1e9;
          posts += t[1];
          add(sum, s.overall());
          s.byKind().forEach((k, p) -> add(kinds.computeIfAbsent(k, x -> new long[3]), p));
          organic += s.organicFlagged();
        }
        Prf all = new Prf(sum[0], sum[1], sum[2]);
        StringBuilder line = new StringBuilder();
        line.append(
            String.format(
                Locale.ROOT,
                "| %s | %dx | %d | %.3f | %.3f | %.3f | %d |",
                e.getKey(),
                scale,
                posts / seeds.length,
                all.precision(),
                all.recall(),
                all.f1(),
                organic));
        for (Kind k : Kind.values()) {
          long[] c = kinds.get(k);
          Prf p = new Prf(c[0], c[1], c[2]);
          line.append(String.format(Locale.ROOT, " %.2f / %.2f |", p.precision(), p.recall()));
        }
        line.append(
            String.format(
                Locale.ROOT, " %.2f | %.1f |%n", secs / seeds.length, secs * 1e6 / posts));
        md.append(line);
        log.print(line);
      }
    }
    return md.toString();
  }

  private static void add(long[] sum, Prf p) {
    sum[0] += p.truePositives();
    sum[1] += p.predicted();
    sum[2] += p.actual();
  }
}
