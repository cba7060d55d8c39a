package org.tocsin.core.post;

import java.time.Instant;
import java.util.Objects;

/**
 * The account that wrote a post, as the platform showed it at capture time.
 *
 * @param id the platform's stable account id
 * @param handle the account's handle (may change over time; the id does not)
 * @param displayName the display name, or {@code null}
 * @param followers follower count at capture time, or {@code null} if unknown
 * @param createdAt when the account was created, or {@code null} if unknown
 */
public record Author(
    String id, String handle, String displayName, Long followers, Instant createdAt) {

  /** Checks the required fields. */
  public Author {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("author id must not be blank");
    }
  }
}
