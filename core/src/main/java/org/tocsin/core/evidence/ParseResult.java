package org.tocsin.core.evidence;

import java.util.List;
import org.tocsin.core.post.Post;

/**
 * What a parser made of one capture: the posts it could read, and one warning for each item it had
 * to skip (a status without a creation time, a truncated message...), so that one bad item costs
 * that item only and is never lost silently.
 *
 * @param posts the posts read, in capture order
 * @param warnings one line per skipped item or doubtful part of the body; each names the item
 */
public record ParseResult(List<Post> posts, List<String> warnings) {

  /** Copies both lists. */
  public ParseResult {
    posts = List.copyOf(posts);
    warnings = List.copyOf(warnings);
  }

  /** A result without warnings. */
  public static ParseResult of(List<Post> posts) {
    return new ParseResult(posts, List.of());
  }
}
