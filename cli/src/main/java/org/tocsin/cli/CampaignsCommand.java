package org.tocsin.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.campaigns.attribution.AttributionSummary;
import org.tocsin.campaigns.attribution.Attributions;
import org.tocsin.campaigns.detect.Campaign;
import org.tocsin.campaigns.detect.CampaignDetector;
import org.tocsin.campaigns.detect.CampaignReport;
import org.tocsin.campaigns.json.CampaignsJson;
import org.tocsin.campaigns.signal.Signal;
import org.tocsin.core.post.Post;
import org.tocsin.node.PostJsonlReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tocsin campaigns}: coordinated-amplification detection over any Post JSONL file. */
@Command(
    name = "campaigns",
    mixinStandardHelpOptions = true,
    description = {
      "Finds coordinated campaigns in a Post JSONL file: accounts that repeatedly post near-identical"
          + " text, the same links, the same hashtag sequences, the same media or repost the same"
          + " posts within a time window. Writes one JSON object: {\"campaigns\": [...],"
          + " \"parameters\": {...}}; accounts in no campaign are not listed."
    })
final class CampaignsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "Post JSONL.")
  Path input;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output JSON.")
  Path out;

  @Option(
      names = "--window",
      paramLabel = "DURATION",
      description = "Time window for co-shares, e.g. 60s, 5m, PT1H (default: 5m).")
  String window;

  @Option(
      names = "--text-window",
      paramLabel = "DURATION",
      description =
          "Longest window for near-duplicate texts of 5+ words (slow drip), cut per text to its"
              + " organic baseline; never below --window (default: 24h).")
  String textWindow;

  @Option(
      names = "--signals",
      paramLabel = "LIST",
      split = ",",
      description =
          "Signals to use, comma-separated: text, url, hashtags, media, repost, burst"
              + " (default: all but burst).")
  List<String> signals;

  @Option(
      names = "--min-association",
      paramLabel = "X",
      description =
          "Least share of two accounts' co-sharing posts that are with each other, in [0, 1];"
              + " 0 turns the filter off (default: 0.3).")
  Double minAssociation;

  @Option(
      names = "--min-repeat",
      paramLabel = "N",
      description = "Co-shares an account pair needs to count as coordinated (default: 2).")
  Integer minRepeat;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(input)) {
      throw new ParameterException(spec.commandLine(), "not a readable file: " + input);
    }
    CampaignConfig cfg = CampaignConfig.defaults();
    try {
      if (window != null) {
        cfg = cfg.withWindow(CampaignConfig.parseDuration(window));
      }
      if (minRepeat != null) {
        cfg = cfg.withMinRepeat(minRepeat);
      }
      if (textWindow != null) {
        cfg = cfg.withTextWindow(CampaignConfig.parseDuration(textWindow));
      }
      if (signals != null) {
        EnumSet<Signal> on = EnumSet.noneOf(Signal.class);
        for (String name : signals) {
          on.add(Signal.fromJson(name.trim().toLowerCase(Locale.ROOT)));
        }
        cfg = cfg.withSignals(on);
      }
      if (minAssociation != null) {
        cfg = cfg.withMinAssociation(minAssociation);
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    long[] rejected = {0};
    List<Post> posts =
        PostJsonlReader.readAll(
            input,
            (line, reason) -> {
              if (rejected[0]++ < 50) {
                err.println(input + ":" + line + ": skipped: " + reason);
              }
            });
    Progress timer = new Progress(err, false);
    CampaignReport report = CampaignDetector.detect(posts, Map.of(), cfg);
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    try (OutputStream o = Files.newOutputStream(tmp)) {
      CampaignsJson.write(report, o);
    }
    Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    PrintWriter stdout = spec.commandLine().getOut();
    int accounts = report.campaigns().stream().mapToInt(c -> c.accounts().size()).sum();
    stdout.printf(
        Locale.ROOT,
        "%,d posts (%,d lines rejected), %,d accounts: %d campaigns with %,d accounts in %.1f s -> %s%n",
        posts.size(),
        rejected[0],
        report.accounts(),
        report.campaigns().size(),
        accounts,
        timer.elapsedSeconds(),
        out);
    for (Campaign c : report.campaigns().subList(0, Math.min(10, report.campaigns().size()))) {
      stdout.printf(
          Locale.ROOT,
          "  %s  %3d accounts  %5d posts  strength %.2f  %s .. %s  %s%n",
          c.id(),
          c.accounts().size(),
          c.posts().size(),
          c.strength(),
          c.firstPost(),
          c.lastPost(),
          c.signals());
      AttributionSummary a = Attributions.of(c, cfg);
      stdout.printf(Locale.ROOT, "    %s coordination: %s%n", a.grade(), a.summary());
    }
    return 0;
  }
}
