package org.tocsin.campaigns.bench;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.campaigns.bench.BenchCorpus.Kind;
import org.tocsin.campaigns.detect.CampaignDetector;
import org.tocsin.campaigns.detect.CampaignReport;
import org.tocsin.campaigns.signal.Signal;
import org.tocsin.core.SuppressForbidden;
import org.tocsin.core.post.Post;

/**
 * A bounded ground-truth run of the rows where community splitting matters: the same corpus as
 * {@link GroundTruthBenchmark} (or a smaller one with the same seed), printing markdown table rows
 * on standard output.
 *
 * <p>Usage: {@code CommunityBenchmark CORPUS.jsonl.gz [ORGANIC_POSTS]} (default 100000; accounts
 * are a tenth of the posts).
 */
public final class CommunityBenchmark {

  private CommunityBenchmark() {}

  /**
   * Runs the rows.
   *
   * @throws IOException if the corpus cannot be read
   */
  @SuppressForbidden(reason = "a command-line benchmark reports on standard output")
  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      throw new IllegalArgumentException("usage: CommunityBenchmark CORPUS.jsonl.gz [N]");
    }
    PrintStream log =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    List<Post> sources = GroundTruthBenchmark.load(Path.of(args[0]));
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    BenchCorpus corpus =
        new GroundTruthGenerator(sources, GroundTruthBenchmark.SEED)
            .generate(n, n / 10, 4, Instant.parse("2016-03-01T00:00:00Z"), Duration.ofDays(7));
    log.printf(
        Locale.ROOT,
        "corpus: %d posts, %d organic accounts, %d injected accounts, seed %d%n",
        corpus.posts().size(),
        corpus.organicAccounts(),
        corpus.truth().size(),
        GroundTruthBenchmark.SEED);
    CampaignConfig base = CampaignConfig.defaults();
    CampaignConfig all = base.withSignals(EnumSet.allOf(Signal.class));
    row(log, "defaults (all but burst)", corpus, base);
    row(log, "all six signals", corpus, all);
    row(log, "edgeWeightQuantile 0", corpus, base.withEdgeWeightQuantile(0));
    row(
        log,
        "edgeWeightQuantile 0, maxComponentSize 20",
        corpus,
        maxComponent(base.withEdgeWeightQuantile(0), 20));
    row(
        log,
        "all six, edgeWeightQuantile 0, maxComponentSize 20",
        corpus,
        maxComponent(all.withEdgeWeightQuantile(0), 20));
  }

  private static CampaignConfig maxComponent(CampaignConfig c, int max) {
    return new CampaignConfig(
        c.window(),
        c.minRepeat(),
        c.edgeWeightQuantile(),
        c.signals(),
        c.shingleSize(),
        c.minTextTokens(),
        c.permutations(),
        c.bands(),
        c.textSimilarity(),
        c.minHashtags(),
        c.maxComparisonsPerPost(),
        c.minAccounts(),
        max,
        c.timelineBucket(),
        c.maxEvidencePerSignal(),
        c.seed(),
        c.burst(),
        c.charShingleSize(),
        c.textWindow(),
        c.minAssociation());
  }

  private static void row(PrintStream log, String name, BenchCorpus corpus, CampaignConfig cfg) {
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
    log.printf(
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
  }
}
