package org.tocsin.node.campaigns.live;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.tocsin.campaigns.graph.CoordinationEdge;
import org.tocsin.campaigns.stream.CampaignEvent;
import org.tocsin.campaigns.stream.StateSizes;
import org.tocsin.campaigns.stream.StreamingCampaign;
import org.tocsin.campaigns.stream.StreamingConfig;
import org.tocsin.campaigns.stream.StreamingDetector;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.node.alerts.CampaignAlerts;
import org.tocsin.node.alerts.CampaignAlerts.Triggered;

/**
 * The node's live campaigns: every batch of newly indexed posts goes through a {@link
 * StreamingDetector} in ledger order, so that campaigns grow as posts arrive and keep their ids as
 * they grow; its events are checked against the campaign alert rules and kept (the latest {@link
 * #MAX_EVENTS}) for the API.
 *
 * <p>The state is in memory and bounded by {@link StreamingConfig}; after a restart it starts
 * empty, with the posts indexed from then on (the batch view in {@link
 * org.tocsin.node.campaigns.CampaignService} covers everything the ledger holds). A post offered
 * again, after a failed batch, is ignored by the detector's window; alerts that could not be
 * written are kept and raised before the next batch. Thread-safe: one lock guards the detector.
 */
public final class LiveCampaigns {

  /** Most recent events kept for the API. */
  public static final int MAX_EVENTS = 1000;

  private final StreamingConfig config;
  private final StreamingDetector detector;
  private final CampaignAlerts alerts;
  private final ArrayDeque<LiveEvent> events = new ArrayDeque<>();
  private final List<Triggered> pending = new ArrayList<>();
  private final Instant since = Instant.now();
  private ScoredPost arriving;
  private long postsSeen;

  /**
   * Creates the live view.
   *
   * @param config the detector's parameters and bounds
   * @param alerts where campaign events become alerts
   */
  public LiveCampaigns(StreamingConfig config, CampaignAlerts alerts) {
    this.alerts = Objects.requireNonNull(alerts, "alerts");
    this.config = Objects.requireNonNull(config, "config");
    this.detector = new StreamingDetector(config, this::heard);
  }

  /** The detector's parameters: the node's {@code campaigns} settings and the stream's bounds. */
  public StreamingConfig config() {
    return config;
  }

  private void heard(CampaignEvent e) {
    pending.add(new Triggered(e, arriving));
    events.addLast(LiveEvent.of(e, arriving.post().createdAt()));
    while (events.size() > MAX_EVENTS) {
      events.removeFirst();
    }
  }

  /**
   * Takes newly indexed posts into account and raises the campaign alerts they trigger; use it as
   * the indexer's listener.
   *
   * @throws IOException if the alerts cannot be written; they are kept and raised with the next
   *     batch (or the same one offered again)
   */
  public synchronized void indexed(List<ScoredPost> posts) throws IOException {
    for (ScoredPost p : posts) {
      arriving = p;
      detector.accept(p);
      postsSeen++;
    }
    arriving = null;
    if (!pending.isEmpty()) {
      alerts.onEvents(List.copyOf(pending));
      pending.clear();
    }
  }

  /** The campaigns tracked now, oldest first. */
  public synchronized List<StreamingCampaign> campaigns() {
    return detector.campaigns();
  }

  /** Campaign {@code id}, if it is tracked now. */
  public synchronized Optional<StreamingCampaign> campaign(String id) {
    return detector.campaign(id);
  }

  /** The edges of campaign {@code id} with their evidence, strongest first. */
  public synchronized Optional<List<CoordinationEdge>> edges(String id) {
    return detector.edges(id);
  }

  /** The kept events of campaign {@code id} and of the campaigns it absorbed, oldest first. */
  public synchronized List<LiveEvent> events(String id) {
    Set<String> ids = new HashSet<>();
    ids.add(id);
    List<LiveEvent> out = new ArrayList<>();
    var it = events.descendingIterator();
    while (it.hasNext()) {
      LiveEvent e = it.next();
      if (ids.contains(e.campaignId())) {
        out.add(0, e);
        ids.addAll(e.absorbedIds());
      }
    }
    return out;
  }

  /** Posts taken into account since the node opened. */
  public synchronized long postsSeen() {
    return postsSeen;
  }

  /** When the live view started (empty). */
  public Instant since() {
    return since;
  }

  /** How much state the detector holds now. */
  public synchronized StateSizes sizes() {
    return detector.sizes();
  }

  /** The edge-weight threshold in force. */
  public synchronized double threshold() {
    return detector.threshold();
  }
}
