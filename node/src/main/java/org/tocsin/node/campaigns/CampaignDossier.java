package org.tocsin.node.campaigns;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.campaigns.attribution.Attributions;
import org.tocsin.campaigns.detect.Campaign;
import org.tocsin.campaigns.json.AttributionJson;
import org.tocsin.campaigns.json.CampaignsJson;
import org.tocsin.evidence.export.ExportResult;
import org.tocsin.node.EvidenceExports;

/**
 * A campaign's dossier: the evidence bundle (BagIt, verifiable offline with {@code tocsin
 * verify-bundle}) of every post of a batch campaign, with three documents of the case under {@code
 * data/documents/}: {@code campaign.json} (accounts, posts, time span, signals, strength, harm
 * profile, timeline), {@code edges.json} (every edge with its signals, shared objects, gaps and the
 * ledger refs of the posts behind it) and {@code attribution.json} (the attribution summary). The
 * documents are bound by the bag's manifest and signature like the captures.
 */
public final class CampaignDossier {

  /** The documents a dossier carries, in the bag's {@code data/documents/}. */
  public static final List<String> DOCUMENTS =
      List.of("campaign.json", "edges.json", "attribution.json");

  private final EvidenceExports exports;

  /** A dossier writer over a node's exports. */
  public CampaignDossier(EvidenceExports exports) {
    this.exports = Objects.requireNonNull(exports, "exports");
  }

  /** The three documents of campaign {@code c}, by file name. */
  public static Map<String, String> documents(Campaign c, CampaignConfig cfg) throws IOException {
    Map<String, String> docs = new LinkedHashMap<>();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CampaignsJson.writeCampaign(withoutEdges(c), out);
    docs.put("campaign.json", out.toString(StandardCharsets.UTF_8));
    out.reset();
    CampaignsJson.writeEdges(c.edges(), out);
    docs.put("edges.json", out.toString(StandardCharsets.UTF_8));
    out.reset();
    AttributionJson.write(Attributions.of(c, cfg), out);
    docs.put("attribution.json", out.toString(StandardCharsets.UTF_8));
    return docs;
  }

  /**
   * Writes the dossier of {@code c} to {@code bagDir} (which must not exist).
   *
   * @throws IllegalArgumentException if a post of the campaign is not in the index
   * @throws IOException if the ledger cannot be read or the bag cannot be written
   */
  public ExportResult export(
      Campaign c, CampaignConfig cfg, String reason, String actor, String role, Path bagDir)
      throws IOException {
    return exports.export(
        exports.seqsOfPosts(c.posts()), reason, actor, role, bagDir, documents(c, cfg));
  }

  /**
   * Writes the dossier of {@code c} to a new bag under {@code DATA/exports} ({@link
   * EvidenceExports#exportToNewBag}).
   *
   * @throws IllegalArgumentException if a post of the campaign is not in the index
   * @throws IOException if the ledger cannot be read or the bag cannot be written
   */
  public ExportResult exportToNewBag(
      Campaign c, CampaignConfig cfg, String reason, String actor, String role) throws IOException {
    return exports.exportToNewBag(
        exports.seqsOfPosts(c.posts()), reason, actor, role, Instant.now(), documents(c, cfg));
  }

  /** The campaign without its edges, which go to their own document. */
  private static Campaign withoutEdges(Campaign c) {
    return new Campaign(
        c.id(),
        c.accounts(),
        c.posts(),
        c.firstPost(),
        c.lastPost(),
        c.signals(),
        c.strength(),
        c.harm(),
        c.reach(),
        c.timeline(),
        List.of());
  }
}
