package org.tocsin.campaigns.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.campaigns.signal.Signal;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Post;
import org.tocsin.testkit.RealPosts;

/**
 * Slow drip: five accounts post the same real text once a day for four days, hours apart; 300
 * organic accounts post real texts, some of them popular (the same text by many accounts over the
 * week), at random times. The drip is found by the text window; the popular texts pair nobody.
 */
class SlowDripTest {

  private static final long SEED = Long.getLong("tests.seed", 20160322L);

  @Test
  void aDailyDripIsFoundAndPopularTextsFlagNobody() {
    Random rnd = new Random(SEED);
    List<Post> sample = RealPosts.sample();
    long t0 = Instant.parse("2016-03-14T00:00:00Z").toEpochMilli();
    long week = 7 * 86_400_000L;
    List<Post> posts = new ArrayList<>();
    int id = 0;
    for (int i = 0; i < 3_000; i++) {
      // one text in ten is one of five popular ones
      String text =
          rnd.nextInt(10) == 0
              ? sample.get(rnd.nextInt(5)).text()
              : sample.get(rnd.nextInt(sample.size())).text();
      posts.add(post(id++, "org-" + rnd.nextInt(300), t0 + (long) (rnd.nextDouble() * week), text));
    }
    String drip = "";
    for (Post p : sample) {
      if (p.text().split("\\s+").length >= 12 && drip.isEmpty()) {
        drip = p.text() + " they lied to us";
      }
    }
    for (int day = 1; day <= 4; day++) {
      for (int m = 0; m < 5; m++) {
        long at = t0 + day * 86_400_000L + 8 * 3_600_000L + (long) (rnd.nextDouble() * 8 * 3.6e6);
        posts.add(post(id++, "drip-" + m, at, drip));
      }
    }
    CampaignReport r = CampaignDetector.detect(posts, Map.of(), CampaignConfig.defaults());
    assertThat(r.campaigns()).as("seed %d", SEED).hasSize(1);
    Campaign c = r.campaigns().get(0);
    assertThat(c.accounts())
        .as("seed %d", SEED)
        .containsExactlyInAnyOrder("drip-0", "drip-1", "drip-2", "drip-3", "drip-4");
    assertThat(c.signals()).containsOnlyKeys(Signal.TEXT);
    assertThat(c.edges())
        .anySatisfy(
            e ->
                assertThat(e.signals().get(0).maxGapMillis())
                    .isGreaterThan(CampaignConfig.defaults().window().toMillis()));
    CampaignConfig shortOnly =
        CampaignConfig.defaults().withTextWindow(CampaignConfig.defaults().window());
    assertThat(CampaignDetector.detect(posts, Map.of(), shortOnly).campaigns())
        .as("without the text window, seed %d", SEED)
        .isEmpty();
  }

  private static Post post(int id, String author, long millis, String text) {
    return new Post(
        "twitter",
        "p" + id,
        null,
        new Author(author, author, null, 10L, null),
        Instant.ofEpochMilli(millis),
        text,
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
}
