package org.tocsin.campaigns.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.campaigns.baseline.ObjectBaseline;
import org.tocsin.campaigns.baseline.ObjectBaselines;
import org.tocsin.campaigns.signal.Signal;
import org.tocsin.campaigns.signal.TextShingles;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Post;

/**
 * The organic baseline of a campaign's shared objects: the five bots' hashtag sequence, also used
 * now and then by three organic accounts hours apart, counts those three outside the campaign; each
 * text the bots copied counts, outside, the organic account that first wrote it.
 */
class ObjectBaselinesTest {

  @Test
  void countsTheAccountsInsideAndOutsideTheCampaignPerSharedObject() {
    InjectedCorpus corpus = new InjectedCorpus(7);
    List<Post> posts = new ArrayList<>(corpus.posts);
    long t0 = Instant.parse("2016-03-22T06:30:00Z").toEpochMilli();
    for (int i = 0; i < 3; i++) {
      posts.add(organic("o" + i, "fan-" + i, t0 + i * 7_200_000L, "good morning #WakeUp #now"));
    }
    posts.add(organic("o9", "fan-0", t0 + 9_000_000L, "again #wakeup #now"));
    CampaignConfig cfg = CampaignConfig.defaults();
    CampaignReport report = CampaignDetector.detect(posts, Map.of(), corpus.evidence, cfg);
    Campaign bots =
        report.campaigns().stream()
            .filter(c -> corpus.bots.containsAll(c.accounts()))
            .findFirst()
            .orElseThrow();

    Map<String, List<ObjectBaseline>> all = ObjectBaselines.of(posts, report.campaigns(), cfg);
    List<ObjectBaseline> baselines = all.get(bots.id());
    assertThat(baselines).isNotEmpty();

    ObjectBaseline tags =
        baselines.stream()
            .filter(b -> b.signal() == Signal.HASHTAGS && b.object().equals("wakeup now"))
            .findFirst()
            .orElseThrow();
    assertThat(tags.label()).isEqualTo("#wakeup #now");
    assertThat(tags.campaignAccounts()).isEqualTo(bots.accounts().size());
    long botPosts =
        corpus.posts.stream()
            .filter(p -> bots.accounts().contains(p.author().id()))
            .filter(p -> p.hashtags().equals(List.of("wakeup", "now")))
            .count();
    assertThat(botPosts).isPositive();
    assertThat(tags.campaignPosts()).isEqualTo(botPosts);
    assertThat(tags.otherAccounts()).isEqualTo(3);
    assertThat(tags.otherPosts()).isEqualTo(4);

    List<ObjectBaseline> texts = baselines.stream().filter(b -> b.signal() == Signal.TEXT).toList();
    assertThat(texts).isNotEmpty();
    // each copied text counts the bots inside, and outside the organic account that first wrote
    // it (the bots added two hashtags to a real post: still a near-duplicate)
    for (ObjectBaseline t : texts) {
      String message =
          corpus.posts.stream()
              .filter(p -> corpus.bots.contains(p.author().id()))
              .map(Post::text)
              .filter(x -> label(x).equals(t.label()))
              .findFirst()
              .orElseThrow();
      long writers =
          corpus.posts.stream()
              .filter(p -> corpus.organic.contains(p.author().id()))
              .filter(p -> (p.text() + " #wakeup #now").equals(message))
              .map(p -> p.author().id())
              .distinct()
              .count();
      assertThat(writers).isPositive();
      assertThat(t.campaignAccounts()).isEqualTo(bots.accounts().size());
      assertThat(t.otherAccounts()).isEqualTo(writers);
    }
  }

  private static String label(String text) {
    String w = TextShingles.normalized(text);
    return w.length() > 120 ? w.substring(0, 120) + "…" : w;
  }

  private static Post organic(String id, String author, long millis, String text) {
    List<String> tags = new ArrayList<>();
    for (String w : text.split(" ")) {
      if (w.startsWith("#")) {
        tags.add(w.substring(1));
      }
    }
    return new Post(
        "twitter",
        id,
        null,
        new Author(author, author, null, 10L, null),
        Instant.ofEpochMilli(millis),
        text,
        "en",
        null,
        null,
        null,
        List.of(),
        tags,
        List.of(),
        List.of(),
        null,
        null,
        Map.of());
  }
}
