package org.tocsin.core.score;

import org.tocsin.core.post.Post;

/**
 * Scores posts. Implementations are thread-safe and do not block on I/O once constructed; they may
 * be CPU-heavy, so callers run them off the event loop.
 *
 * <p>Exception contract: {@link #score} never throws for any post content, however hostile; a
 * scorer that cannot judge a post returns a score that says so in its explanation notes.
 */
public interface PostScorer {

  /** The model name written into every score. */
  String model();

  /** The model version written into every score. */
  String version();

  /** Scores one post. */
  Score score(Post post);
}
