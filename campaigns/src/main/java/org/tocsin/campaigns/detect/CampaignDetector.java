package org.tocsin.campaigns.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.campaigns.graph.AccountPair;
import org.tocsin.campaigns.graph.Communities;
import org.tocsin.campaigns.graph.CoordinationEdge;
import org.tocsin.campaigns.graph.CoordinationGraph;
import org.tocsin.campaigns.graph.PostTable;
import org.tocsin.campaigns.internal.IntList;
import org.tocsin.campaigns.signal.Signal;
import org.tocsin.core.evidence.EvidenceRef;
import org.tocsin.core.post.Post;
import org.tocsin.core.post.PostKey;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.core.score.Score;

/**
 * Batch campaign detection over any set of posts: the coordination graph ({@link
 * CoordinationGraph}), its communities ({@link Communities}), and for each community a {@link
 * Campaign} with evidence, harm profile, reach and timeline.
 *
 * <p>Thread-safe: it keeps no state between calls. Memory grows with the batch (the posts, about
 * 220 bytes per text for MinHash, and the co-shares); use windows of the stream for unbounded
 * input.
 */
public final class CampaignDetector {

  private CampaignDetector() {}

  /**
   * Detects campaigns when the posts' evidence refs are unknown (edges then name posts by key).
   *
   * @param posts the posts, in any order; a key seen twice counts once (the last version)
   * @param scores NLP scores by post, possibly empty (the harm profile then has languages only)
   * @param cfg the parameters
   */
  public static CampaignReport detect(
      Iterable<Post> posts, Map<PostKey, Score> scores, CampaignConfig cfg) {
    return detect(posts, scores, Map.of(), cfg);
  }

  /**
   * Detects campaigns among scored posts from the index, whose edges carry evidence refs.
   *
   * @param posts the posts with score and evidence ref
   * @param cfg the parameters
   */
  public static CampaignReport detectScored(Iterable<ScoredPost> posts, CampaignConfig cfg) {
    List<Post> plain = new ArrayList<>();
    Map<PostKey, Score> scores = new HashMap<>();
    Map<PostKey, EvidenceRef> refs = new HashMap<>();
    for (ScoredPost sp : posts) {
      plain.add(sp.post());
      scores.put(sp.post().key(), sp.score());
      refs.put(sp.post().key(), sp.evidence());
    }
    return detect(plain, scores, refs, cfg);
  }

  /**
   * Detects campaigns.
   *
   * @param posts the posts, in any order; a key seen twice counts once (the last version)
   * @param scores NLP scores by post, possibly empty
   * @param evidence ledger refs by post, possibly empty; edges carry those that are known
   * @param cfg the parameters
   * @throws IllegalArgumentException if the batch holds more than {@code 2^24} texts
   */
  public static CampaignReport detect(
      Iterable<Post> posts,
      Map<PostKey, Score> scores,
      Map<PostKey, EvidenceRef> evidence,
      CampaignConfig cfg) {
    Objects.requireNonNull(posts, "posts");
    Objects.requireNonNull(scores, "scores");
    Objects.requireNonNull(cfg, "cfg");
    PostTable table = new PostTable(posts, evidence);
    CoordinationGraph graph = CoordinationGraph.build(table, cfg);
    List<int[]> communities = Communities.find(graph, cfg);
    int[] communityOf = new int[table.accountCount()];
    Arrays.fill(communityOf, -1);
    for (int c = 0; c < communities.size(); c++) {
      for (int a : communities.get(c)) {
        communityOf[a] = c;
      }
    }
    List<List<AccountPair>> internal = new ArrayList<>();
    communities.forEach(c -> internal.add(new ArrayList<>()));
    for (AccountPair p : graph.edges()) {
      int c = communityOf[p.accountA()];
      if (c >= 0 && c == communityOf[p.accountB()]) {
        internal.get(c).add(p);
      }
    }
    List<Campaign> campaigns = new ArrayList<>();
    for (int c = 0; c < communities.size(); c++) {
      if (!internal.get(c).isEmpty()) {
        campaigns.add(campaign(table, communities.get(c), internal.get(c), scores, cfg));
      }
    }
    campaigns.sort(
        Comparator.comparingDouble(Campaign::strength)
            .reversed()
            .thenComparing(x -> -x.accounts().size())
            .thenComparing(Campaign::id));
    return new CampaignReport(
        campaigns,
        cfg,
        graph.weightThreshold(),
        table.size(),
        table.accountCount(),
        graph.candidatePairs(),
        graph.edges().size());
  }

  private static Campaign campaign(
      PostTable t,
      int[] accounts,
      List<AccountPair> edges,
      Map<PostKey, Score> scores,
      CampaignConfig cfg) {
    IntList postIdx = new IntList();
    Map<Signal, Integer> signals = new EnumMap<>(Signal.class);
    AccountPair first = edges.get(0);
    long weightSum = 0;
    for (AccountPair p : edges) {
      for (int i : p.postIndices(t)) {
        postIdx.add(i);
      }
      for (Signal s : Signal.values()) {
        if (p.coShares(s) > 0) {
          signals.merge(s, p.coShares(s), Integer::sum);
        }
      }
      weightSum += p.weight(t);
      if (p.firstCoShare() < first.firstCoShare()
          || p.firstCoShare() == first.firstCoShare()
              && p.firstObject().compareTo(first.firstObject()) < 0) {
        first = p;
      }
    }
    postIdx.sortUnique();
    int[] postArr = postIdx.toArray();
    Map<Integer, Integer> firstPostOf = new HashMap<>();
    Map<Integer, Long> followers = new HashMap<>();
    List<PostKey> keys = new ArrayList<>(postArr.length);
    List<Post> campaignPosts = new ArrayList<>(postArr.length);
    for (int i : postArr) {
      Post p = t.post(i);
      keys.add(p.key());
      campaignPosts.add(p);
      firstPostOf.putIfAbsent(t.account(i), i);
      long f = p.author().followers() == null ? 0 : p.author().followers();
      followers.merge(t.account(i), f, Math::max);
    }
    List<Integer> order = new ArrayList<>(firstPostOf.keySet());
    order.sort(Comparator.comparing(firstPostOf::get));
    List<String> ids = new ArrayList<>(order.size());
    order.forEach(a -> ids.add(t.accountId(a)));
    long reach = followers.values().stream().mapToLong(Long::longValue).sum();
    double n = accounts.length;
    double density = edges.size() / (n * (n - 1) / 2);
    double meanWeight = (double) weightSum / edges.size();
    double strength = density * meanWeight / (meanWeight + cfg.minRepeat());
    List<CoordinationEdge> views = new ArrayList<>(edges.size());
    edges.forEach(e -> views.add(e.toEdge(t)));
    Instant firstPost = t.post(postArr[0]).createdAt();
    Instant lastPost = t.post(postArr[postArr.length - 1]).createdAt();
    return new Campaign(
        CampaignIds.of(ids, first.firstObject()),
        ids,
        keys,
        firstPost,
        lastPost,
        signals,
        strength,
        Harm.profile(campaignPosts, scores),
        reach,
        Harm.timeline(campaignPosts, cfg.timelineBucket()),
        views);
  }
}
