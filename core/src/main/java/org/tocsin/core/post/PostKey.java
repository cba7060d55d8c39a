package org.tocsin.core.post;

import java.util.Objects;

/**
 * Identifies a post across versions: the platform and the platform's own id.
 *
 * @param platform platform name, for example {@code mastodon} or {@code twitter}
 * @param id the platform's id of the post
 */
public record PostKey(String platform, String id) {

  /** Checks both parts. */
  public PostKey {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(id, "id");
  }

  /** The key as one string, {@code platform/id}, as used in URLs and the index. */
  @Override
  public String toString() {
    return platform + "/" + id;
  }
}
