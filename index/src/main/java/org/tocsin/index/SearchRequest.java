package org.tocsin.index;

/**
 * One page of a search over the post index.
 *
 * <p>The query uses the classic Lucene syntax (see {@link PostIndex#search}); {@code ""} and {@code
 * "*"} match every post. The bounds keep a hostile or careless request from costing more than a
 * deep page of results.
 *
 * @param query the query text, at most {@link #MAX_QUERY_CHARS} characters
 * @param offset how many hits to skip, in [0, {@link #MAX_OFFSET}]
 * @param limit how many hits to return, in [1, {@link #MAX_LIMIT}]
 * @param sort the order of the hits
 */
public record SearchRequest(String query, int offset, int limit, Sort sort) {

  /** The longest query accepted, in characters. */
  public static final int MAX_QUERY_CHARS = 2_000;

  /** The deepest offset accepted. */
  public static final int MAX_OFFSET = 10_000;

  /** The largest page accepted. */
  public static final int MAX_LIMIT = 100;

  /** The page size of {@link #of(String)}. */
  public static final int DEFAULT_LIMIT = 20;

  /** The order of the hits. */
  public enum Sort {
    /** Best match first; a query that matches everything is sorted {@link #NEWEST} instead. */
    RELEVANCE,
    /** Most recently written first (by the post's {@code createdAt}). */
    NEWEST,
    /** Earliest written first. */
    OLDEST
  }

  /**
   * Checks the bounds.
   *
   * @throws IllegalArgumentException if a value is missing or out of bounds; the message names it
   */
  public SearchRequest {
    if (query == null) {
      throw new IllegalArgumentException("query must not be null [got null]");
    }
    if (query.length() > MAX_QUERY_CHARS) {
      throw new IllegalArgumentException(
          "query must be at most "
              + MAX_QUERY_CHARS
              + " characters [got "
              + query.length()
              + " characters]");
    }
    if (offset < 0 || offset > MAX_OFFSET) {
      throw new IllegalArgumentException(
          "offset must lie in [0, " + MAX_OFFSET + "] [got " + offset + "]");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must lie in [1, " + MAX_LIMIT + "] [got " + limit + "]");
    }
    if (sort == null) {
      throw new IllegalArgumentException("sort must not be null [got null]");
    }
  }

  /** The first {@link #DEFAULT_LIMIT} hits of a query, best match first. */
  public static SearchRequest of(String query) {
    return new SearchRequest(query, 0, DEFAULT_LIMIT, Sort.RELEVANCE);
  }
}
