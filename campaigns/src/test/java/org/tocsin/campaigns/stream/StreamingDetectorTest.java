package org.tocsin.campaigns.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.campaigns.bench.BenchCorpus;
import org.tocsin.campaigns.detect.Campaign;
import org.tocsin.campaigns.detect.CampaignDetector;
import org.tocsin.campaigns.detect.CampaignReport;
import org.tocsin.campaigns.graph.CoShare;
import org.tocsin.campaigns.graph.CoordinationEdge;
import org.tocsin.campaigns.graph.PostRef;
import org.tocsin.campaigns.graph.SignalEvidence;
import org.tocsin.campaigns.signal.Signal;
import org.tocsin.core.evidence.EvidenceRef;
import org.tocsin.core.post.Post;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.core.score.Score;

class StreamingDetectorTest {

  private static final long SEED = Long.getLong("tests.seed", 20160322L);
  private static final Score NONE = new Score("test", "1", 0, 0, 0, 0, List.of(), null, null);

  @Test
  void findsTheCopyPasteCampaignWithTheAccountsBatchFindsAndAStableId() {
    BenchCorpus c = StreamPosts.corpus(SEED, 4_000, 400, 1, Duration.ofHours(3));
    String label = label(c, BenchCorpus.Kind.COPY_PASTE);
    Set<String> truth = members(c, label);
    // The quantile filter off: batch takes the quantile over the whole input, the stream over
    // the edges retained at each recomputation, so only then is the threshold the same in both.
    CampaignConfig cfg = CampaignConfig.defaults().withEdgeWeightQuantile(0);

    CampaignReport batch = CampaignDetector.detect(c.posts(), Map.of(), cfg);
    Campaign expected = best(batch.campaigns(), truth);
    assertThat(expected).as("batch finds the copy-paste campaign, seed %d", SEED).isNotNull();

    List<CampaignEvent> events = new ArrayList<>();
    StreamingDetector d = new StreamingDetector(StreamingConfig.of(cfg), events::add);
    c.posts().forEach(d::accept);

    String id = d.campaignOf(expected.accounts().get(0)).orElse(null);
    assertThat(id).as("streaming finds it, seed %d", SEED).isNotNull();
    StreamingCampaign found =
        d.campaigns().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    assertThat(found.accounts())
        .as("same accounts as batch, seed %d", SEED)
        .containsExactlyInAnyOrderElementsOf(expected.accounts());

    Set<String> grown = new HashSet<>();
    for (CampaignEvent e : events) {
      if (e.campaign().accounts().stream().anyMatch(truth::contains)) {
        assertThat(e.campaign().id()).as("stable id, event %s, seed %d", e, SEED).isEqualTo(id);
        assertThat(e.campaign().accounts()).as("seed %d", SEED).containsAll(grown);
        grown.addAll(e.campaign().accounts());
      }
    }
    assertThat(events).as("seed %d", SEED).anyMatch(e -> e.type() == CampaignEvent.Type.NEW);
    assertThat(events)
        .as("it grew after it was found, seed %d", SEED)
        .anyMatch(e -> e.type() != CampaignEvent.Type.NEW && e.campaign().id().equals(id));
  }

  @Test
  void keepsTheIdWhileItGrowsAndTheOlderIdOnMerge() {
    List<CampaignEvent> events = new ArrayList<>();
    // association off: the bridge a3-b1 below shares half of each account's co-shared posts, which
    // the association filter (tested below) would rightly doubt; this test is about ids
    StreamingDetector d =
        new StreamingDetector(
            StreamingConfig.of(CampaignConfig.defaults().withMinAssociation(0)), events::add);
    int n = 0;
    for (String g : List.of("a", "b")) {
      long t0 = g.equals("a") ? 0 : 1_000;
      for (int round = 0; round < 2; round++) {
        for (int m = 1; m <= 3; m++) {
          d.accept(
              StreamPosts.link("p" + n++, g + m, t0 + round * 120 + m, g + round + ".example"));
        }
      }
    }
    assertThat(events)
        .extracting(CampaignEvent::type)
        .containsExactly(CampaignEvent.Type.NEW, CampaignEvent.Type.NEW);
    String older = events.get(0).campaign().id();
    String younger = events.get(1).campaign().id();
    assertThat(events.get(0).campaign().accounts()).containsExactlyInAnyOrder("a1", "a2", "a3");
    assertThat(older).isNotEqualTo(younger);

    d.accept(StreamPosts.link("p" + n++, "a4", 2_000, "x.example"));
    d.accept(StreamPosts.link("p" + n++, "a1", 2_010, "x.example"));
    d.accept(StreamPosts.link("p" + n++, "a4", 2_200, "y.example"));
    d.accept(StreamPosts.link("p" + n++, "a1", 2_210, "y.example"));
    CampaignEvent grown = events.get(events.size() - 1);
    assertThat(grown.type()).isEqualTo(CampaignEvent.Type.GROWN);
    assertThat(grown.campaign().id()).isEqualTo(older);
    assertThat(grown.newAccounts()).containsExactly("a4");

    d.accept(StreamPosts.link("p" + n++, "b1", 3_000, "z.example"));
    d.accept(StreamPosts.link("p" + n++, "a3", 3_010, "z.example"));
    d.accept(StreamPosts.link("p" + n++, "a3", 3_200, "w.example"));
    d.accept(StreamPosts.link("p" + n++, "b1", 3_210, "w.example"));
    CampaignEvent merged = events.get(events.size() - 1);
    assertThat(merged.type()).isEqualTo(CampaignEvent.Type.MERGED);
    assertThat(merged.campaign().id()).isEqualTo(older);
    assertThat(merged.absorbedIds()).containsExactly(younger);
    assertThat(merged.newAccounts()).containsExactlyInAnyOrder("b1", "b2", "b3");
    assertThat(d.campaigns()).extracting(StreamingCampaign::id).containsExactly(older);
    assertThat(d.campaignOf("b2")).contains(older);
  }

  @Test
  void liveEdgesCarryTheEvidenceRefsOfThePostsBehindThem() {
    List<CampaignEvent> events = new ArrayList<>();
    StreamingDetector d = new StreamingDetector(StreamingConfig.defaults(), events::add);
    Map<String, EvidenceRef> refs = new HashMap<>();
    int n = 0;
    for (int round = 0; round < 2; round++) {
      for (int m = 1; m <= 3; m++) {
        String id = "p" + n++;
        EvidenceRef ref =
            new EvidenceRef(
                100 + n,
                String.format(java.util.Locale.ROOT, "%064x", n),
                StreamPosts.START.plusSeconds(round * 120 + m + 1));
        refs.put(id, ref);
        d.accept(
            new ScoredPost(
                StreamPosts.link(id, "a" + m, round * 120 + m, "r" + round + ".example"),
                NONE,
                ref));
      }
    }
    // offered again (a failed batch re-offered by the indexer): ignored, nothing counted twice
    int before = events.size();
    d.accept(new ScoredPost(StreamPosts.link("p0", "a1", 1, "r0.example"), NONE, refs.get("p0")));
    d.accept(new ScoredPost(StreamPosts.link("p5", "a3", 123, "r1.example"), NONE, refs.get("p5")));
    assertThat(events).hasSize(before);

    StreamingCampaign c = d.campaigns().get(0);
    assertThat(c.posts()).isEqualTo(6);
    List<CoordinationEdge> edges = d.edges(c.id()).orElseThrow();
    assertThat(edges).hasSize(3);
    for (CoordinationEdge e : edges) {
      assertThat(e.weight()).isEqualTo(2);
      assertThat(e.posts()).hasSize(4);
      for (PostRef r : e.posts()) {
        assertThat(r.evidence()).isEqualTo(refs.get(r.key().id()));
      }
      SignalEvidence url = e.signals().get(0);
      assertThat(url.signal()).isEqualTo(Signal.URL);
      assertThat(url.coShares()).isEqualTo(2);
      assertThat(url.objects()).containsExactly("url:r0.example", "url:r1.example");
      assertThat(url.samples()).hasSize(2);
      for (CoShare cs : url.samples()) {
        assertThat(cs.first().evidence()).isEqualTo(refs.get(cs.first().key().id()));
        assertThat(cs.second().evidence()).isEqualTo(refs.get(cs.second().key().id()));
        assertThat(cs.gapMillis()).isBetween(1_000L, 2_000L);
      }
      assertThat(url.maxGapMillis()).isGreaterThanOrEqualTo(url.minGapMillis()).isPositive();
    }
    assertThat(d.edges("no-such-campaign")).isEmpty();
  }

  @Test
  void stateStaysUnderItsBoundsOverALongStream() {
    BenchCorpus c = StreamPosts.corpus(SEED + 1, 30_000, 2_000, 2, Duration.ofDays(2));
    StreamingConfig cfg = StreamingConfig.defaults().withBounds(500, Duration.ofHours(1), 300);
    int bands = cfg.detection().bands();
    StreamingDetector d = new StreamingDetector(cfg, e -> {});
    int maxWindow = 0;
    int maxAccounts = 0;
    long maxEdgePosts = 0;
    for (Post p : c.posts()) {
      d.accept(p);
      StateSizes s = d.sizes();
      assertThat(s.windowPosts()).as("window, seed %d", SEED + 1).isLessThanOrEqualTo(500);
      assertThat(s.bucketEntries()).as("seed %d", SEED + 1).isLessThanOrEqualTo(500 * bands);
      assertThat(s.accounts()).as("accounts, seed %d", SEED + 1).isLessThanOrEqualTo(300);
      assertThat(s.edges()).as("seed %d", SEED + 1).isLessThanOrEqualTo(300 * 299 / 2);
      assertThat(s.campaigns()).as("seed %d", SEED + 1).isLessThanOrEqualTo(s.accounts() / 3);
      assertThat(s.edgePosts())
          .as("post refs on edges, seed %d", SEED + 1)
          .isLessThanOrEqualTo(2L * StreamEdge.MAX_POSTS_PER_SIDE * s.edges());
      assertThat(s.edgeSamples())
          .as("verbatim co-shares on edges, seed %d", SEED + 1)
          .isLessThanOrEqualTo(
              (long) cfg.detection().maxEvidencePerSignal() * Signal.values().length * s.edges());
      maxEdgePosts = Math.max(maxEdgePosts, s.edgePosts());
      maxWindow = Math.max(maxWindow, s.windowPosts());
      maxAccounts = Math.max(maxAccounts, s.accounts());
    }
    assertThat(maxWindow).as("the stream fills the window, seed %d", SEED + 1).isPositive();
    assertThat(maxAccounts).as("the bound is reached, seed %d", SEED + 1).isGreaterThan(250);
    assertThat(maxEdgePosts).as("edges hold evidence, seed %d", SEED + 1).isPositive();
    StateSizes end = d.sizes();
    assertThat(end.edgePosts())
        .as("evidence leaves with its edges, seed %d", SEED + 1)
        .isLessThanOrEqualTo(2L * StreamEdge.MAX_POSTS_PER_SIDE * end.edges());
  }

  private static String label(BenchCorpus c, BenchCorpus.Kind kind) {
    return c.kinds().entrySet().stream()
        .filter(e -> e.getValue() == kind)
        .findFirst()
        .orElseThrow()
        .getKey();
  }

  private static Set<String> members(BenchCorpus c, String label) {
    Set<String> out = new HashSet<>();
    c.truth()
        .forEach(
            (a, l) -> {
              if (l.equals(label)) {
                out.add(a);
              }
            });
    return out;
  }

  private static Campaign best(List<Campaign> campaigns, Set<String> truth) {
    Campaign best = null;
    long most = 0;
    for (Campaign x : campaigns) {
      long n = x.accounts().stream().filter(truth::contains).count();
      if (n > most) {
        most = n;
        best = x;
      }
    }
    return best;
  }

  @Test
  void theAssociationFilterOfTheSettingsAppliesLive() {
    // a1, a2 and a3 each first meet six other accounts on six links, then each other twice: a
    // small share of their co-shared posts is with each other, so with minAssociation 0.3 (the
    // default) they are no campaign; with the filter off the three of them are
    for (double minAssociation : new double[] {0.3, 0.0}) {
      List<CampaignEvent> events = new ArrayList<>();
      StreamingDetector d =
          new StreamingDetector(
              StreamingConfig.of(CampaignConfig.defaults().withMinAssociation(minAssociation)),
              events::add);
      int n = 0;
      for (int k = 0; k < 6; k++) {
        for (String m : List.of("a1", "a2", "a3")) {
          d.accept(StreamPosts.link("p" + n++, m, k * 600 + n, "o" + k + m + ".example"));
          d.accept(StreamPosts.link("p" + n++, "x" + k + m, k * 600 + n, "o" + k + m + ".example"));
        }
      }
      for (int round = 0; round < 2; round++) {
        for (String m : List.of("a1", "a2", "a3")) {
          d.accept(StreamPosts.link("p" + n++, m, 5_000 + round * 600 + n, "r" + round + ".x"));
        }
      }
      if (minAssociation > 0) {
        assertThat(d.campaigns()).as("minAssociation %s", minAssociation).isEmpty();
      } else {
        assertThat(d.campaigns()).hasSize(1);
        assertThat(d.campaigns().get(0).accounts()).containsExactlyInAnyOrder("a1", "a2", "a3");
      }
    }
  }
}
