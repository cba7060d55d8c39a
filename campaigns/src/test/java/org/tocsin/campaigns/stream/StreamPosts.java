package org.tocsin.campaigns.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.tocsin.campaigns.bench.BenchCorpus;
import org.tocsin.campaigns.bench.GroundTruthGenerator;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Post;
import org.tocsin.testkit.RealPosts;

/** Test streams: generated ground-truth corpora in time order, and hand-made link posts. */
final class StreamPosts {

  static final Instant START = Instant.parse("2016-03-22T06:00:00Z");

  private StreamPosts() {}

  /** A ground-truth corpus from the real-post sample, in stream order (creation time, then id). */
  static BenchCorpus corpus(long seed, int organic, int accounts, int perKind, Duration span) {
    BenchCorpus c =
        new GroundTruthGenerator(RealPosts.sample(), seed)
            .generate(organic, accounts, perKind, START, span);
    return new BenchCorpus(inStreamOrder(c.posts()), c.truth(), c.kinds(), c.organicAccounts());
  }

  /** The posts sorted by creation time, then platform id as a number. */
  static List<Post> inStreamOrder(List<Post> posts) {
    List<Post> sorted = new ArrayList<>(posts);
    sorted.sort(Comparator.comparing(Post::createdAt).thenComparing(p -> Long.parseLong(p.id())));
    return sorted;
  }

  /** A post by {@code author} at {@code START + seconds} sharing {@code url}. */
  static Post link(String id, String author, long seconds, String url) {
    return new Post(
        "test",
        id,
        null,
        new Author(author, author, null, 10L, null),
        START.plusSeconds(seconds),
        "look",
        "en",
        null,
        null,
        null,
        List.of(url),
        List.of(),
        List.of(),
        List.of(),
        null,
        null,
        Map.of());
  }
}
