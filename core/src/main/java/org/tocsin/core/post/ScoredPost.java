package org.tocsin.core.post;

import java.util.Objects;
import org.tocsin.core.evidence.EvidenceRef;
import org.tocsin.core.score.Score;

/**
 * A post with its score and the place of its original bytes in the ledger: what the index holds and
 * what every API that returns posts writes.
 *
 * @param post the post
 * @param score the score the pipeline gave it
 * @param evidence where the captured original sits in the ledger
 */
public record ScoredPost(Post post, Score score, EvidenceRef evidence) {

  /** Checks that nothing is missing. */
  public ScoredPost {
    Objects.requireNonNull(post, "post");
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(evidence, "evidence");
  }
}
