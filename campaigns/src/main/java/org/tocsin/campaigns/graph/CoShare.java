package org.tocsin.campaigns.graph;

import java.util.Objects;

/**
 * Two posts by two accounts that shared one object within the window.
 *
 * @param object the shared object's key ({@link org.tocsin.campaigns.signal.SharedObjects})
 * @param first the earlier post
 * @param second the later post
 * @param gapMillis time between them, in milliseconds
 */
public record CoShare(String object, PostRef first, PostRef second, long gapMillis) {

  /** Checks the fields. */
  public CoShare {
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
    if (gapMillis < 0) {
      throw new IllegalArgumentException("gapMillis must be >= 0 [got " + gapMillis + "]");
    }
  }
}
