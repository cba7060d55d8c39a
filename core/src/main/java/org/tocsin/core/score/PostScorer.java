package org.tocsin.core.score;

import java.util.ArrayList;
import java.util.List;
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

  /**
   * Scores a batch of posts; the i-th score is the i-th post's, whatever the scorer does inside (a
   * scorer may spread the batch over worker threads, but it returns only when every post is
   * scored). The default scores them one after another on the calling thread.
   */
  default List<Score> scoreAll(List<Post> posts) {
    List<Score> out = new ArrayList<>(posts.size());
    for (Post p : posts) {
      out.add(score(p));
    }
    return out;
  }
}
