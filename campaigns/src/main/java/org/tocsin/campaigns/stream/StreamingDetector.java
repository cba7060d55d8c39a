package org.tocsin.campaigns.stream;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.campaigns.graph.CoordinationEdge;
import org.tocsin.campaigns.stream.AccountGraph.Account;
import org.tocsin.core.evidence.EvidenceRef;
import org.tocsin.core.post.Post;
import org.tocsin.core.post.ScoredPost;

/**
 * Detects campaigns on a stream of posts that arrive in roughly time order, with bounded memory and
 * campaign ids that stay the same as campaigns grow.
 *
 * <p>Each post goes through three stages:
 *
 * <ol>
 *   <li>a sliding window of recent posts, evicted by time (older than {@code window} before the
 *       latest post) and by count ({@link StreamingConfig#maxWindowPosts}), finds its co-shares
 *       with the same signals as batch detection: MinHash/LSH near-duplicate text, normalised URL,
 *       hashtag sequence, media hash and repost target;
 *   <li>the co-shares update the weighted edges of the accounts involved; accounts, with their
 *       edges and campaign membership, are kept for {@link StreamingConfig#retention} after they
 *       were last seen, and at most {@link StreamingConfig#maxAccounts} of them;
 *   <li>when an edge passes the weight filter ({@code minRepeat} and the {@code edgeWeightQuantile}
 *       of the retained edges, recomputed every {@link StreamingConfig#thresholdEvery} posts), the
 *       connected component around it is re-examined. A component of at least {@code minAccounts}
 *       accounts is a campaign: a new one gets its id from {@link
 *       org.tocsin.campaigns.detect.CampaignIds} (founders and first shared object, as in batch), a
 *       grown one keeps its id, and where components meet the oldest campaign's id is kept.
 * </ol>
 *
 * <p>Differences from batch: components larger than {@code maxComponentSize} are not split by label
 * propagation but left out (not reported, not updated); the weight threshold is the quantile at the
 * last recomputation rather than over the whole input; and a campaign's id is given by its founders
 * when the stream first finds it, so batch detection over a later window, which sees more of the
 * campaign's history, can name it differently.
 *
 * <p>Not thread-safe: call it from one thread (for example one worker verticle). The listener runs
 * on that thread, inside {@link #accept}.
 */
public final class StreamingDetector {

  private final StreamingConfig cfg;
  private final CampaignListener listener;
  private final SignalWindow window;
  private final AccountGraph graph;
  private final CampaignTracker tracker;
  private double threshold;
  private long accepted;

  /** Edges of at least minRepeat retained when the threshold was last computed. */
  private int sampled;

  /**
   * A detector with empty state.
   *
   * @param cfg the parameters and memory bounds
   * @param listener receives campaign events
   */
  public StreamingDetector(StreamingConfig cfg, CampaignListener listener) {
    this.cfg = Objects.requireNonNull(cfg, "cfg");
    this.listener = Objects.requireNonNull(listener, "listener");
    CampaignConfig d = cfg.detection();
    this.window = new SignalWindow(d, cfg.maxWindowPosts());
    this.graph = new AccountGraph(d.minRepeat(), d.maxEvidencePerSignal(), d.minAssociation());
    this.tracker = new CampaignTracker(d);
    this.threshold = d.minRepeat();
  }

  /**
   * Takes one scored post from the index or the pipeline into account; its evidence ref goes with
   * it onto every edge it supports.
   */
  public void accept(ScoredPost post) {
    Objects.requireNonNull(post, "post");
    accept(post.post(), post.evidence());
  }

  /**
   * Takes one post without an evidence ref into account.
   *
   * @param post the post; a post much older than those before it only meets the posts still in the
   *     window
   */
  public void accept(Post post) {
    accept(post, null);
  }

  /**
   * Takes one post into account and reports the campaign events it causes to the listener. A post
   * whose key is still in the window (offered again) is ignored.
   */
  private void accept(Post post, EvidenceRef evidence) {
    Objects.requireNonNull(post, "post");
    long before =
        Math.max(window.latest(), post.createdAt().toEpochMilli()) - cfg.retention().toMillis();
    int repeated = graph.repeatedCount();
    if (++accepted % cfg.thresholdEvery() == 0
        || repeated > 2 * sampled
        || 2 * repeated < sampled) {
      // Also recomputed as soon as the retained edges of at least minRepeat have doubled or halved
      // since the last time: a quantile taken over one or two edges (a quiet stretch, the start of
      // the stream) would otherwise hold a threshold no new campaign can pass for thresholdEvery
      // posts. Evict first, so that the quantile is over the edges retained at this post's time.
      for (Account a : graph.evict(before, cfg.maxAccounts())) {
        tracker.forget(a);
      }
      graph.sweepEdges(before);
      threshold = graph.quantile(cfg.detection().edgeWeightQuantile());
      sampled = graph.repeatedCount();
    }
    Set<String> touched = new LinkedHashSet<>();
    boolean added =
        window.add(
            post,
            evidence,
            (s, key, earlier, later) -> {
              StreamEdge e = graph.coShare(s, key, earlier, later);
              if (graph.passes(e, threshold)) {
                touched.add(e.accountA);
                touched.add(e.accountB);
              }
            });
    if (!added) {
      return;
    }
    graph.touch(post.author().id(), post.createdAt().toEpochMilli());
    for (Account a : graph.evict(before, cfg.maxAccounts())) {
      tracker.forget(a);
      touched.remove(a.id);
    }
    if (!touched.isEmpty()) {
      List<CampaignEvent> events = new ArrayList<>();
      tracker.update(touched, graph, threshold, events);
      events.forEach(listener::onEvent);
    }
  }

  /** Takes a batch of scored posts into account, in the order given. */
  public void acceptAll(Iterable<ScoredPost> posts) {
    for (ScoredPost p : posts) {
      accept(p);
    }
  }

  /** The campaigns tracked now, oldest first. */
  public List<StreamingCampaign> campaigns() {
    return tracker.snapshots();
  }

  /** The id of the campaign {@code accountId} belongs to now, if any. */
  public Optional<String> campaignOf(String accountId) {
    Account a = graph.peek(accountId);
    return a == null ? Optional.empty() : Optional.ofNullable(a.campaign);
  }

  /** The latest snapshot of campaign {@code id}, if it is tracked now. */
  public Optional<StreamingCampaign> campaign(String id) {
    return Optional.ofNullable(tracker.snapshotOf(id));
  }

  /**
   * The edges of campaign {@code id} that pass the weight filter now, each with its signals, shared
   * objects, time gaps, sample co-shares and the posts behind it with their evidence refs, as batch
   * reports edges; strongest first.
   */
  public Optional<List<CoordinationEdge>> edges(String id) {
    Set<String> ids = tracker.accountsOf(id);
    if (ids == null) {
      return Optional.empty();
    }
    List<CoordinationEdge> out = new ArrayList<>();
    for (String a : ids) {
      Account acc = graph.peek(a);
      if (acc == null) {
        continue;
      }
      for (StreamEdge e : acc.edges.values()) {
        if (a.equals(e.accountA) && graph.passes(e, threshold) && ids.contains(e.accountB)) {
          out.add(e.toEdge(cfg.detection().maxEvidencePerSignal()));
        }
      }
    }
    out.sort(
        Comparator.comparingInt(CoordinationEdge::weight)
            .reversed()
            .thenComparing(CoordinationEdge::accountA)
            .thenComparing(CoordinationEdge::accountB));
    return Optional.of(out);
  }

  /** How much state is kept now (walks every edge: for tests and benchmarks). */
  public StateSizes sizes() {
    long[] evidence = graph.evidenceSizes();
    return new StateSizes(
        window.size(),
        window.objectCount(),
        window.bucketEntries(),
        graph.accountCount(),
        graph.edgeCount(),
        tracker.size(),
        evidence[0],
        evidence[1]);
  }

  /** The edge-weight threshold in force. */
  public double threshold() {
    return threshold;
  }
}
