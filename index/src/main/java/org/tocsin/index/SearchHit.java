package org.tocsin.index;

import java.util.Objects;
import org.tocsin.core.post.ScoredPost;

/**
 * A post that matched a search.
 *
 * <p>The highlight is plain text taken from the post's text, not HTML: every matched term is
 * wrapped in {@link #MARK_START} ({@code U+0002}) and {@link #MARK_END} ({@code U+0003}). To show
 * it in a page, HTML-escape the whole string first, then replace the markers with {@code <mark>}
 * and {@code </mark>}. Any {@code U+0002} or {@code U+0003} in the post itself is replaced with
 * {@code U+FFFD} in the highlight, so the markers are always Tocsin's and always balanced. When the
 * text was cut, the cut is shown as {@code …}; up to two passages are joined with {@code " … "}.
 *
 * @param post the scored post, exactly as indexed
 * @param relevance how well the post matched (Lucene's score; constant when the query matches all)
 * @param highlight the marked fragment of the text, or {@code null} if no term of the text matched
 *     (a search by field only, such as {@code platform:twitter}, or a match-all search)
 */
public record SearchHit(ScoredPost post, float relevance, String highlight) {

  /** Marks the start of a matched term in {@link #highlight}. */
  public static final String MARK_START = "\u0002";

  /** Marks the end of a matched term in {@link #highlight}. */
  public static final String MARK_END = "\u0003";

  /** Checks that the post is present. */
  public SearchHit {
    Objects.requireNonNull(post, "post");
  }
}
