package org.tocsin.core.score;

import java.util.Objects;

/**
 * A token of the post and how much it moved the score.
 *
 * @param token the token as it appears in the post
 * @param weight its contribution; positive pushes towards hate or incitement
 */
public record TokenWeight(String token, double weight) {

  /** Checks the token. */
  public TokenWeight {
    Objects.requireNonNull(token, "token");
  }
}
