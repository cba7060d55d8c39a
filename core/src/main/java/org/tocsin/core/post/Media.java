package org.tocsin.core.post;

import java.util.Objects;

/**
 * A media attachment of a post.
 *
 * @param url where the platform served the media
 * @param sha256 lower-case hex SHA-256 of the media bytes once captured, or {@code null}
 */
public record Media(String url, String sha256) {

  /** Checks the required fields. */
  public Media {
    Objects.requireNonNull(url, "url");
  }
}
