package org.tocsin.campaigns.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.campaigns.graph.CoShare;
import org.tocsin.campaigns.graph.CoordinationEdge;
import org.tocsin.campaigns.graph.PostRef;
import org.tocsin.campaigns.graph.SignalEvidence;
import org.tocsin.campaigns.signal.Signal;
import org.tocsin.core.post.Post;
import org.tocsin.core.post.PostKey;
import org.tocsin.core.score.Score;
import org.tocsin.core.score.TargetScore;

class CampaignDetectorTest {

  private static final long SEED = Long.getLong("tests.seed", 20160322L);

  @Test
  void findsTheInjectedCampaignAndNothingOrganic() {
    InjectedCorpus c = new InjectedCorpus(SEED);
    CampaignReport r = CampaignDetector.detect(c.posts, Map.of(), CampaignConfig.defaults());
    assertThat(r.campaigns()).as("campaigns, seed %d", SEED).hasSize(1);
    Campaign campaign = r.campaigns().get(0);
    assertThat(campaign.accounts()).as("seed %d", SEED).containsExactlyInAnyOrderElementsOf(c.bots);
    assertThat(campaign.posts()).as("seed %d", SEED).hasSize(20);
    assertThat(campaign.signals()).containsKeys(Signal.TEXT, Signal.HASHTAGS);
    assertThat(campaign.strength()).isBetween(0.0, 1.0);
    assertThat(campaign.id()).matches("cmp-[0-9a-f]{16}");
    assertThat(campaign.timeline()).extracting(TimelineBucket::posts).containsExactly(5, 5, 5, 5);
    assertThat(campaign.reach()).isPositive();
  }

  @Test
  void edgesCarryTheirEvidence() {
    InjectedCorpus c = new InjectedCorpus(SEED);
    CampaignReport r =
        CampaignDetector.detect(c.posts, Map.of(), c.evidence, CampaignConfig.defaults());
    Campaign campaign = r.campaigns().get(0);
    assertThat(campaign.edges()).isNotEmpty();
    for (CoordinationEdge e : campaign.edges()) {
      assertThat(e.weight()).isGreaterThanOrEqualTo(2);
      assertThat(e.posts())
          .allSatisfy(p -> assertThat(p.evidence()).isEqualTo(c.evidence.get(p.key())));
      SignalEvidence text =
          e.signals().stream().filter(s -> s.signal() == Signal.TEXT).findFirst().orElseThrow();
      assertThat(text.coShares()).isGreaterThanOrEqualTo(2);
      assertThat(text.maxGapMillis()).isLessThanOrEqualTo(60_000);
      for (CoShare cs : text.samples()) {
        for (PostRef p : List.of(cs.first(), cs.second())) {
          assertThat(p.evidence()).as("seed %d", SEED).isEqualTo(c.evidence.get(p.key()));
        }
        assertThat(cs.gapMillis()).isBetween(0L, 60_000L);
      }
    }
  }

  @Test
  void idIsStableWhenLaterPostsJoin() {
    InjectedCorpus c = new InjectedCorpus(SEED);
    // bot-new posts twice, against six posts of each bot: too little to pass minAssociation alone
    CampaignConfig cfg = CampaignConfig.defaults().withEdgeWeightQuantile(0).withMinAssociation(0);
    String before = CampaignDetector.detect(c.posts, Map.of(), cfg).campaigns().get(0).id();
    List<Post> more = new java.util.ArrayList<>(c.posts);
    Post last = c.posts.get(c.posts.size() - 1);
    for (int action = 1; action <= 2; action++) {
      for (int b = 0; b < 6; b++) {
        more.add(
            new Post(
                "twitter",
                "late-" + action + "-" + b,
                null,
                new org.tocsin.core.post.Author(
                    b < 5 ? "bot-" + b : "bot-new", null, null, null, null),
                last.createdAt().plusSeconds(3600L * action + b),
                last.text(),
                "en",
                null,
                null,
                null,
                List.of(),
                last.hashtags(),
                List.of(),
                List.of(),
                null,
                null,
                Map.of()));
      }
    }
    Campaign grown = CampaignDetector.detect(more, Map.of(), cfg).campaigns().get(0);
    assertThat(grown.accounts()).contains("bot-new");
    assertThat(grown.id()).as("seed %d", SEED).isEqualTo(before);
  }

  @Test
  void harmProfileComesFromScores() {
    InjectedCorpus c = new InjectedCorpus(SEED);
    Map<PostKey, Score> scores = new HashMap<>();
    for (Post p : c.posts) {
      boolean bot = c.bots.contains(p.author().id());
      scores.put(
          p.key(),
          new Score(
              "test",
              "1",
              bot ? 0.8 : 0.1,
              0.1,
              bot ? 0.6 : 0,
              0,
              bot
                  ? List.of(new TargetScore("muslim", org.tocsin.core.score.Ground.RELIGIOUS, 0.9))
                  : List.of(),
              null,
              null));
    }
    HarmProfile h =
        CampaignDetector.detect(c.posts, scores, CampaignConfig.defaults())
            .campaigns()
            .get(0)
            .harm();
    assertThat(h.scoredPosts()).isEqualTo(20);
    assertThat(h.hateShare()).isEqualTo(1.0);
    assertThat(h.incitementShare()).isEqualTo(1.0);
    assertThat(h.targets()).containsEntry("muslim", 20);
    assertThat(h.languages()).containsEntry("en", 20);
  }

  @Test
  void emptyInputGivesNoCampaigns() {
    CampaignReport r = CampaignDetector.detect(List.of(), Map.of(), CampaignConfig.defaults());
    assertThat(r.campaigns()).isEmpty();
    assertThat(r.posts()).isZero();
  }
}
