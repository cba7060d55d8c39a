package org.tocsin.nlp.baseline;

import java.time.Instant;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Metrics;
import org.tocsin.core.post.Post;

/** Builds posts for tests. */
final class TestPosts {
  private TestPosts() {}

  static Post post(String text) {
    return post(text, null, Metrics.UNKNOWN, null);
  }

  static Post post(String text, String lang, Metrics metrics, Long followers) {
    return new Post(
        "mastodon",
        "1",
        "https://example.social/@a/1",
        new Author("acct-1", "a", null, followers, null),
        Instant.parse("2024-05-01T12:00:00Z"),
        text,
        lang,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        metrics,
        null,
        null);
  }
}
