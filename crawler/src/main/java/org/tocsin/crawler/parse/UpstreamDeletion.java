package org.tocsin.crawler.parse;

import java.time.Instant;
import java.util.Objects;

/**
 * A platform's statement that a post was deleted upstream. It is not a post: the ledger records it
 * as a deleted-upstream observation of the post's key, and nothing is removed.
 *
 * @param platform the platform name, as in {@code Post.platform()}
 * @param id the platform id of the deleted post, in the same form the parser gives {@code
 *     Post.id()}
 * @param observedAt when the platform reported the deletion (the event time if the payload carries
 *     one, else the capture's receive time)
 */
public record UpstreamDeletion(String platform, String id, Instant observedAt) {

  /** Checks that every field is present. */
  public UpstreamDeletion {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(observedAt, "observedAt");
    if (id.isBlank()) {
      throw new IllegalArgumentException("deleted post id must not be blank [got '" + id + "']");
    }
  }
}
