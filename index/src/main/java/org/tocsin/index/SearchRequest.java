package org.tocsin.index;

import java.util.Objects;

/**
 * One page of a search over the post index.
 *
 * <p>The query uses the classic Lucene syntax (see {@link PostIndex#search}); {@code ""} and {@code
 * "*"} match every post. The bounds keep a hostile or careless request from costing more than a
 * deep page of results. To page deeper than {@link #MAX_OFFSET}, pass the {@link
 * SearchResult#nextCursor()} of one page as the {@code cursor} of the request for the next, with
 * the same query, filters and sort.
 *
 * @param query the query text, at most {@link #MAX_QUERY_CHARS} characters
 * @param offset how many hits to skip, in [0, {@link #MAX_OFFSET}]; 0 when a cursor is given
 * @param limit how many hits to return, in [1, {@link #MAX_LIMIT}]
 * @param sort the order of the hits
 * @param filters structured filters, never {@code null}
 * @param cursor where the previous page ended ({@link SearchResult#nextCursor()}), or {@code null}
 *     for the first page
 * @param totalHitsThreshold how many hits to count exactly, at least 1; past it the search may stop
 *     counting and {@link SearchResult#totalHits()} is a lower bound ({@link
 *     SearchResult#totalHitsExact()} is false). {@link #EXACT_TOTAL_HITS}, the default, always
 *     counts every hit
 */
public record SearchRequest(
    String query,
    int offset,
    int limit,
    Sort sort,
    SearchFilters filters,
    String cursor,
    int totalHitsThreshold) {

  /** The {@link #totalHitsThreshold()} that counts every hit exactly: the default. */
  public static final int EXACT_TOTAL_HITS = Integer.MAX_VALUE;

  /** The longest query accepted, in characters. */
  public static final int MAX_QUERY_CHARS = 2_000;

  /** The deepest offset accepted. */
  public static final int MAX_OFFSET = 10_000;

  /** The largest page accepted. */
  public static final int MAX_LIMIT = 100;

  /** The page size of {@link #of(String)}. */
  public static final int DEFAULT_LIMIT = 20;

  /** The longest cursor accepted, in characters. */
  public static final int MAX_CURSOR_CHARS = 1_024;

  /** The order of the hits; ties are broken by newest first, then by the version's identity. */
  public enum Sort {
    /** Best match first; a query that matches everything is sorted {@link #NEWEST} instead. */
    RELEVANCE,
    /** Most recently written first (by the post's {@code createdAt}). */
    NEWEST,
    /** Earliest written first. */
    OLDEST,
    /** Highest hate probability first. */
    HATE,
    /** Highest offensive probability first. */
    OFFENSIVE,
    /** Highest incitement score first. */
    INCITEMENT,
    /** Highest dehumanisation score first. */
    DEHUMANIZATION
  }

  /** A request without filters or cursor: the latest version of every matching post. */
  public SearchRequest(String query, int offset, int limit, Sort sort) {
    this(query, offset, limit, sort, SearchFilters.NONE, null);
  }

  /** A request that counts every hit exactly. */
  public SearchRequest(
      String query, int offset, int limit, Sort sort, SearchFilters filters, String cursor) {
    this(query, offset, limit, sort, filters, cursor, EXACT_TOTAL_HITS);
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
    if (filters == null) {
      throw new IllegalArgumentException("filters must not be null [got null]");
    }
    if (cursor != null) {
      if (cursor.length() > MAX_CURSOR_CHARS) {
        throw new IllegalArgumentException(
            "cursor must be at most "
                + MAX_CURSOR_CHARS
                + " characters [got "
                + cursor.length()
                + " characters]");
      }
      if (offset != 0) {
        throw new IllegalArgumentException(
            "offset must be 0 when a cursor is given [got " + offset + "]");
      }
    }
    if (totalHitsThreshold < 1) {
      throw new IllegalArgumentException(
          "totalHitsThreshold must be >= 1 [got " + totalHitsThreshold + "]");
    }
  }

  /** This request with other filters. */
  public SearchRequest withFilters(SearchFilters filters) {
    return new SearchRequest(query, offset, limit, sort, filters, cursor, totalHitsThreshold);
  }

  /**
   * This request counting hits exactly only up to a threshold: cheaper on a large index when
   * millions match, with the total then a lower bound.
   *
   * @param threshold at least 1; {@link #EXACT_TOTAL_HITS} counts every hit
   * @throws IllegalArgumentException if the threshold is less than 1
   */
  public SearchRequest withTotalHitsThreshold(int threshold) {
    return new SearchRequest(query, offset, limit, sort, filters, cursor, threshold);
  }

  /**
   * This request continued after a cursor; {@code null} leaves the request as it is (offset
   * paging).
   *
   * @throws IllegalArgumentException if the cursor is too long, or given with an offset
   */
  public SearchRequest withCursor(String cursor) {
    return cursor == null
        ? this
        : new SearchRequest(query, offset, limit, sort, filters, cursor, totalHitsThreshold);
  }

  /** The first {@link #DEFAULT_LIMIT} hits of a query, best match first. */
  public static SearchRequest of(String query) {
    return new SearchRequest(query, 0, DEFAULT_LIMIT, Sort.RELEVANCE);
  }

  /** The first {@code limit} hits of a query with filters, in an order. */
  public static SearchRequest of(String query, SearchFilters filters, Sort sort, int limit) {
    return new SearchRequest(query, 0, limit, Objects.requireNonNull(sort, "sort"), filters, null);
  }
}
