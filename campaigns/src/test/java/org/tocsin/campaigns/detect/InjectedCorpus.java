package org.tocsin.campaigns.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.tocsin.campaigns.signal.TextShingles;
import org.tocsin.core.evidence.EvidenceRef;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Post;
import org.tocsin.core.post.PostKey;
import org.tocsin.testkit.RealPosts;

/**
 * A small test corpus: the real-post sample as organic background (100 accounts, uniform times over
 * six hours) and one copy-paste campaign of five accounts posting four real texts within 30 s.
 */
final class InjectedCorpus {

  final List<Post> posts = new ArrayList<>();
  final Set<String> bots = new HashSet<>();
  final Set<String> organic = new HashSet<>();
  final Map<PostKey, EvidenceRef> evidence = new HashMap<>();
  final long seed;

  InjectedCorpus(long seed) {
    this.seed = seed;
    Random rnd = new Random(seed);
    long t0 = Instant.parse("2016-03-22T06:00:00Z").toEpochMilli();
    List<Post> sample = RealPosts.sample();
    int id = 0;
    for (Post p : sample) {
      String author = "org-" + rnd.nextInt(100);
      organic.add(author);
      add(post(id++, author, t0 + (long) (rnd.nextDouble() * 6 * 3_600_000L), p.text()), rnd);
    }
    List<String> messages = new ArrayList<>();
    for (Post p : sample) {
      if (TextShingles.words(p.text()).size() >= 10 && messages.size() < 4) {
        messages.add(p.text() + " #wakeup #now");
      }
    }
    for (int action = 0; action < messages.size(); action++) {
      long at = t0 + 3_600_000L * (action + 1);
      for (int b = 0; b < 5; b++) {
        String author = "bot-" + b;
        bots.add(author);
        add(post(id++, author, at + rnd.nextInt(30_000), messages.get(action)), rnd);
      }
    }
  }

  private void add(Post p, Random rnd) {
    posts.add(p);
    byte[] sha = new byte[32];
    rnd.nextBytes(sha);
    evidence.put(
        p.key(),
        new EvidenceRef(
            evidence.size() + 1L, java.util.HexFormat.of().formatHex(sha), p.createdAt()));
  }

  private static Post post(int id, String author, long millis, String text) {
    List<String> tags = new ArrayList<>();
    for (String w : text.split("\\s+")) {
      if (w.startsWith("#") && w.length() > 1) {
        tags.add(w.substring(1));
      }
    }
    return new Post(
        "twitter",
        "p" + id,
        null,
        new Author(author, author, null, 100L + id, null),
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
