package org.tocsin.node.campaigns;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.campaigns.baseline.ObjectBaselines;
import org.tocsin.campaigns.detect.CampaignDetector;
import org.tocsin.campaigns.detect.CampaignReport;
import org.tocsin.core.post.Post;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.node.TocsinNode;
import org.tocsin.node.campaigns.live.LiveCampaigns;

/**
 * Campaigns among every post the node holds: reads the scored posts the index stores (each the
 * latest version of a post the indexer parsed once from the ledger, with its score and evidence
 * ref) and runs the batch detector. Nothing is stored; after a restart it is computed again.
 * Campaign ids are stable as long as a campaign's earliest accounts and first shared object stay
 * the same.
 *
 * <p>Live campaigns ({@link #live()}) are found by the streaming detector as posts are indexed,
 * with ids given when the stream first sees them; this batch view, over everything the ledger
 * holds, can name the same campaign differently, since it sees more of its history. The API lists
 * both and links each live campaign to the batch campaign that shares most of its accounts.
 *
 * <p>Limits: the batch detector holds every post in memory (about 1.4 GB per million posts).
 */
public final class CampaignService {
  private static final Logger LOG = Logger.getLogger(CampaignService.class.getName());

  private final TocsinNode node;
  private final CampaignConfig config;
  private volatile CampaignSnapshot latest;
  private volatile String lastError;

  /** Creates the service for a node; nothing is computed until {@link #rebuild}. */
  public CampaignService(TocsinNode node, CampaignConfig config) {
    this.node = Objects.requireNonNull(node, "node");
    this.config = Objects.requireNonNull(config, "config");
  }

  /** The latest computed campaigns, if a computation has finished. */
  public Optional<CampaignSnapshot> latest() {
    return Optional.ofNullable(latest);
  }

  /** The error of the last failed computation, or null. */
  public String lastError() {
    return lastError;
  }

  /** The node's live campaigns (streaming), beside the batch view this service computes. */
  public LiveCampaigns live() {
    return node.liveCampaigns();
  }

  /** The detector's parameters. */
  public CampaignConfig config() {
    return config;
  }

  /**
   * Computes the campaigns among the posts the index holds now (the latest version of each, as the
   * indexer parsed and scored them from the ledger: no capture is parsed again) and makes them the
   * latest. Blocks; run it on a worker thread.
   *
   * @throws IOException if the index cannot be read
   */
  public synchronized CampaignSnapshot rebuild() throws IOException {
    long t0 = System.nanoTime();
    List<ScoredPost> all = node.index().latestPosts();
    // the ledger seq the posts reach (in seq order): the last commit's, or a later searchable one
    long through =
        Math.max(
            node.index().lastIndexedSeq(),
            all.isEmpty() ? 0 : all.get(all.size() - 1).evidence().seq());
    CampaignReport report = CampaignDetector.detectScored(all, config);
    List<Post> plain = new ArrayList<>(all.size());
    all.forEach(sp -> plain.add(sp.post()));
    CampaignSnapshot s =
        new CampaignSnapshot(
            report,
            through,
            Instant.now(),
            (System.nanoTime() - t0) / 1_000_000,
            ObjectBaselines.of(plain, report.campaigns(), config));
    latest = s;
    lastError = null;
    LOG.info(
        () ->
            String.format(
                java.util.Locale.ROOT,
                "campaigns: %d found among %d posts (indexed through ledger seq %d) in %d ms",
                s.campaigns().size(),
                all.size(),
                through,
                s.millis()));
    return s;
  }

  /** Runs {@link #rebuild} on a new named daemon thread and logs a failure. */
  public void rebuildInBackground() {
    Thread t =
        new Thread(
            () -> {
              try {
                rebuild();
              } catch (IOException | RuntimeException e) {
                lastError = e.getMessage();
                LOG.log(Level.WARNING, "campaign computation failed", e);
              }
            },
            "tocsin-campaigns");
    t.setDaemon(true);
    t.start();
  }
}
