package org.tocsin.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tocsin.campaigns.attribution.AttributionSummary;
import org.tocsin.campaigns.attribution.Attributions;
import org.tocsin.campaigns.attribution.SignalFinding;
import org.tocsin.campaigns.detect.Campaign;
import org.tocsin.campaigns.json.AttributionJson;
import org.tocsin.node.TocsinNode;
import org.tocsin.node.campaigns.CampaignService;
import org.tocsin.node.campaigns.CampaignSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tocsin attribution}: the attribution summary of the node's batch campaigns, as {@code GET
 * /api/v1/campaigns/{id}/attribution} gives it.
 */
@Command(
    name = "attribution",
    mixinStandardHelpOptions = true,
    description = {
      "The case for coordination of the batch campaigns among the posts of a data directory,"
          + " detected with the campaigns settings of the configuration file: without ID, one"
          + " line per campaign with its grade; with ID, that campaign's full summary (per"
          + " signal what it shows, the grade and its reasons, what the evidence cannot show)."
          + " The dossier to hand over is `tocsin export --campaign ID`."
    })
final class AttributionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataOptions data = new DataOptions();

  @Parameters(arity = "0..1", paramLabel = "ID", description = "A campaign id.")
  String id;

  @Option(names = "--json", description = "Print the summary as the API's JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (id != null && (id.length() > 64 || id.isBlank())) {
      throw new ParameterException(spec.commandLine(), "not a campaign id [got " + id + "]");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (TocsinNode node = TocsinNode.open(data.data, data.loadConfig())) {
      CampaignService service = new CampaignService(node, node.config().campaigns());
      CampaignSnapshot s = service.rebuild();
      if (id == null) {
        out.printf(Locale.ROOT, "%d campaigns%n", s.campaigns().size());
        for (Campaign c : s.campaigns()) {
          AttributionSummary a = Attributions.of(c, service.config());
          out.printf(
              Locale.ROOT,
              "%s  %-8s %3d accounts %5d posts  %s%n",
              c.id(),
              a.grade(),
              a.accounts(),
              a.posts(),
              a.summary());
        }
        return 0;
      }
      Campaign c =
          s.find(id)
              .orElseThrow(
                  () -> new ParameterException(spec.commandLine(), "no batch campaign " + id));
      AttributionSummary a = Attributions.of(c, service.config());
      if (json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AttributionJson.write(a, bytes);
        out.println(bytes.toString(StandardCharsets.UTF_8));
        return 0;
      }
      out.printf(
          Locale.ROOT,
          "campaign %s: %d accounts, %d posts, %s .. %s%n",
          a.campaignId(),
          a.accounts(),
          a.posts(),
          a.firstPost(),
          a.lastPost());
      out.printf(Locale.ROOT, "grade: %s%n%s%n", a.grade(), a.summary());
      a.reasons().forEach(r -> out.println("  because " + r));
      for (SignalFinding f : a.findings()) {
        out.printf(
            Locale.ROOT,
            "  %s: %d co-shares over %d account pairs, median gap %.0f s, longest %.0f s; most"
                + " shared: %s%n",
            f.signal().jsonName(),
            f.coShares(),
            f.accountPairs(),
            f.medianGapSeconds(),
            f.maxGapSeconds(),
            String.join(", ", f.objects()));
      }
      out.println("evidence (ledger seqs): " + a.evidenceSeqs());
      out.println("what it cannot show:");
      a.limits().forEach(l -> out.println("  - " + l));
    }
    return 0;
  }
}
