package org.tocsin.campaigns.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.campaigns.signal.Signal;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.json.PostJson;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Post;
import org.tocsin.testkit.RealPosts;

/**
 * A repost ring over real texts, written as Post JSONL with {@code repostOf} once as an id string
 * and once as a {@code {"platform", "id"}} object: both are read and found the same.
 */
class RepostRingInputTest {

  @Test
  void aRingIsFoundWhicheverWayRepostOfIsWritten() throws Exception {
    List<String> asString = ring(false);
    List<String> asObject = ring(true);
    assertThat(asObject.get(1)).contains("\"repostOf\":{\"platform\":\"twitter\",\"id\":");
    CampaignReport a = detect(asString);
    CampaignReport b = detect(asObject);
    assertThat(a.campaigns()).hasSize(1);
    Campaign ring = a.campaigns().get(0);
    assertThat(ring.accounts()).containsExactlyInAnyOrder("ring-0", "ring-1", "ring-2", "ring-3");
    assertThat(ring.signals()).containsKey(Signal.REPOST);
    assertThat(b.campaigns()).hasSize(1);
    assertThat(b.campaigns().get(0).accounts()).isEqualTo(ring.accounts());
    assertThat(b.campaigns().get(0).id()).isEqualTo(ring.id());
  }

  private static CampaignReport detect(List<String> lines) throws PostFormatException {
    List<Post> posts = new ArrayList<>();
    for (String l : lines) {
      posts.add(PostJson.read(l));
    }
    return CampaignDetector.detect(posts, Map.of(), CampaignConfig.defaults());
  }

  /** Real texts: each of 3 rounds, ring-0 posts one and three others repost it within 40 s. */
  private static List<String> ring(boolean objectForm) {
    List<Post> sample = RealPosts.sample();
    long t0 = Instant.parse("2016-03-22T08:00:00Z").toEpochMilli();
    List<String> lines = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      long at = t0 + round * 3_600_000L;
      Post seed = post("r" + round, "ring-0", at, sample.get(round).text(), null);
      lines.add(PostJson.write(seed));
      for (int m = 1; m < 4; m++) {
        Post rt =
            post(
                "r" + round + "-" + m,
                "ring-" + m,
                at + 10_000L * m,
                "RT @ring-0: " + seed.text(),
                seed.id());
        ObjectNode o = PostJson.toNode(rt);
        if (objectForm) {
          o.putObject("repostOf").put("platform", "twitter").put("id", seed.id());
        }
        lines.add(o.toString());
      }
    }
    // organic posts between the rounds, one account each
    for (int i = 10; i < 40; i++) {
      lines.add(
          PostJson.write(post("o" + i, "org-" + i, t0 + i * 300_000L, sample.get(i).text(), null)));
    }
    return lines;
  }

  private static Post post(String id, String author, long millis, String text, String repostOf) {
    return new Post(
        "twitter",
        id,
        null,
        new Author(author, author, null, 10L, null),
        Instant.ofEpochMilli(millis),
        text,
        "en",
        null,
        repostOf,
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
