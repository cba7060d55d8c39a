package org.tocsin.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tocsin.campaigns.detect.Campaign;
import org.tocsin.core.post.PostKey;
import org.tocsin.evidence.export.ExportResult;
import org.tocsin.node.EvidenceExports;
import org.tocsin.node.TocsinNode;
import org.tocsin.node.campaigns.CampaignDossier;
import org.tocsin.node.campaigns.CampaignService;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tocsin export}: an evidence bundle a court can verify without Tocsin. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Writes an evidence bundle (a BagIt bag) of the chosen posts: the original captures as WARC,"
          + " the posts, the scores with the models that made them, each item's custody history,"
          + " Merkle inclusion proofs against a signed tree head with its timestamps, the public"
          + " key, and VERIFY.md telling a court how to check it with standard tools. The export"
          + " is recorded in the custody log with the stated reason."
    })
final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataOptions data = new DataOptions();

  @ArgGroup(exclusive = true, multiplicity = "1")
  Selection selection;

  static final class Selection {
    @Option(
        names = "--ids",
        arity = "1..*",
        paramLabel = "PLATFORM/ID",
        description = "Posts by key, e.g. twitter/123.")
    List<String> ids;

    @Option(names = "--query", paramLabel = "Q", description = "Every post a search query matches.")
    String query;

    @Option(
        names = "--campaign",
        paramLabel = "ID",
        description =
            "A campaign's dossier: every post of the batch campaign, with its campaign.json,"
                + " edges.json and attribution.json under data/documents/.")
    String campaign;
  }

  @Option(
      names = "--reason",
      required = true,
      paramLabel = "TEXT",
      description = "Why (goes into the custody log).")
  String reason;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "The bag directory to create.")
  Path out;

  @Option(
      names = "--actor",
      defaultValue = "cli",
      paramLabel = "NAME",
      description = "Who exports (default: ${DEFAULT-VALUE}).")
  String actor;

  @Override
  public Integer call() throws Exception {
    if (Files.exists(out)) {
      throw new ParameterException(spec.commandLine(), "--out already exists: " + out);
    }
    if (reason.isBlank()) {
      throw new ParameterException(spec.commandLine(), "--reason must not be blank");
    }
    PrintWriter stdout = spec.commandLine().getOut();
    try (TocsinNode node = TocsinNode.open(data.data, data.loadConfig())) {
      EvidenceExports exports = new EvidenceExports(node);
      ExportResult r;
      if (selection.campaign != null) {
        CampaignService campaigns = new CampaignService(node, node.config().campaigns());
        Campaign c =
            campaigns
                .rebuild()
                .find(selection.campaign)
                .orElseThrow(
                    () ->
                        new ParameterException(
                            spec.commandLine(), "no campaign " + selection.campaign));
        r = new CampaignDossier(exports).export(c, campaigns.config(), reason, actor, "cli", out);
        stdout.println(
            "campaign dossier: data/documents/ holds "
                + String.join(", ", CampaignDossier.DOCUMENTS));
      } else {
        List<Long> seqs;
        if (selection.ids != null) {
          List<PostKey> keys = new ArrayList<>();
          for (String id : selection.ids) {
            int slash = id.indexOf('/');
            if (slash <= 0 || slash == id.length() - 1) {
              throw new ParameterException(
                  spec.commandLine(), "--ids takes PLATFORM/ID [got " + id + "]");
            }
            keys.add(new PostKey(id.substring(0, slash), id.substring(slash + 1)));
          }
          seqs = exports.seqsOfPosts(keys);
        } else {
          seqs = exports.seqsOfQuery(selection.query);
        }
        r = exports.export(seqs, reason, actor, "cli", out);
      }
      stdout.println("exported " + r.seqs().size() + " captures to " + r.bag());
      stdout.println("bag sha256 (tag manifest): " + r.bagSha256());
      stdout.println(
          "signed tree head: size "
              + r.head().head().treeSize()
              + (r.signedNewHead() ? " (signed for this export)" : ""));
      stdout.println("signed by key " + r.head().head().keyIdHex());
      stdout.println(
          "check it anywhere with: tocsin verify-bundle --trusted-key "
              + r.head().head().keyIdHex()
              + " "
              + r.bag()
              + "  (or see VERIFY.md; the court should take the key id from you, not the bag)");
    }
    return 0;
  }
}
