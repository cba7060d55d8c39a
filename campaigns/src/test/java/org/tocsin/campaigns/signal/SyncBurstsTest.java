package org.tocsin.campaigns.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.campaigns.detect.Campaign;
import org.tocsin.campaigns.detect.CampaignDetector;
import org.tocsin.campaigns.detect.CampaignReport;
import org.tocsin.campaigns.graph.CoordinationEdge;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Post;
import org.tocsin.testkit.RealPosts;

class SyncBurstsTest {

  private static final long SEED = Long.getLong("tests.seed", 20161108L);
  private static final Instant T0 = Instant.parse("2016-11-08T00:00:00Z");
  private static final CampaignConfig BURST_ONLY =
      CampaignConfig.defaults().withSignals(EnumSet.of(Signal.BURST));

  /** Organic posts at about one per 10 s bin: real texts, 300 accounts, random times over 6 h. */
  private static List<Post> organic(SplittableRandom rnd, List<Post> real) {
    List<Post> out = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      out.add(
          post(
              real.get(rnd.nextInt(real.size())),
              "o" + i,
              "org-" + rnd.nextInt(300),
              rnd.nextLong(6 * 3_600_000L)));
    }
    return out;
  }

  private static Post post(Post text, String id, String author, long offsetMillis) {
    return new Post(
        "test",
        id,
        null,
        new Author(author, author, null, 10L, null),
        T0.plusMillis(offsetMillis),
        text.text(),
        "en",
        null,
        null,
        null,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        null,
        null,
        Map.of());
  }

  @Test
  void accountsThatBurstTogetherRepeatedlyAreACampaignWhatEverTheyPost() {
    SplittableRandom rnd = new SplittableRandom(SEED);
    List<Post> real = RealPosts.sample();
    List<Post> posts = organic(rnd, real);
    // six scheduled accounts, four times, each its own real text, within 3 s
    for (int act = 0; act < 4; act++) {
      long at = 1_800_000L + act * 4_000_000L + 20; // inside one 10 s bin
      for (int m = 0; m < 6; m++) {
        posts.add(
            post(
                real.get(rnd.nextInt(real.size())),
                "b" + act + "-" + m,
                "bot-" + m,
                at + rnd.nextInt(3_000)));
      }
    }
    CampaignReport r = CampaignDetector.detect(posts, Map.of(), BURST_ONLY);
    Campaign bots =
        r.campaigns().stream()
            .filter(c -> c.accounts().contains("bot-0"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no burst campaign, seed " + SEED));
    assertThat(bots.accounts())
        .as("seed %d", SEED)
        .containsExactlyInAnyOrder("bot-0", "bot-1", "bot-2", "bot-3", "bot-4", "bot-5");
    CoordinationEdge e = bots.edges().get(0);
    assertThat(e.signals()).extracting(s -> s.signal()).containsExactly(Signal.BURST);
    assertThat(e.signals().get(0).objects()).allMatch(o -> o.startsWith("bin:2016-11-08T"));
    assertThat(e.weight()).as("seed %d", SEED).isGreaterThanOrEqualTo(3);
  }

  @Test
  void anEvenBackgroundHasNoBurstCampaign() {
    SplittableRandom rnd = new SplittableRandom(SEED + 1);
    CampaignReport r =
        CampaignDetector.detect(organic(rnd, RealPosts.sample()), Map.of(), BURST_ONLY);
    assertThat(r.campaigns()).as("seed %d", SEED + 1).isEmpty();
  }

  @Test
  void postsOutOfTimeOrderAreRefused() {
    List<Long> times = List.of(20_000L, 10_000L);
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () -> SyncBursts.forEach(2, times::get, i -> i, BURST_ONLY, (k, p) -> {}));
  }
}
