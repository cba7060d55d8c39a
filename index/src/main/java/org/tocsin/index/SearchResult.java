package org.tocsin.index;

import java.util.List;

/**
 * One page of search results.
 *
 * @param totalHits how many posts match the query in all: exact unless the request set a {@link
 *     SearchRequest#totalHitsThreshold()} that the search passed, then a lower bound
 * @param hits the requested page of hits, in the requested order
 * @param tookMicros how long the search took, in microseconds
 * @param nextCursor the cursor of the next page ({@link SearchRequest#cursor()}), or {@code null}
 *     if this page was not full and so was the last; opaque, bound to this search's query, filters
 *     and sort, and to this index
 * @param totalHitsExact whether {@code totalHits} is exact; false when it is a lower bound
 */
public record SearchResult(
    long totalHits,
    List<SearchHit> hits,
    long tookMicros,
    String nextCursor,
    boolean totalHitsExact) {

  /** A result with no next page and an exact count. */
  public SearchResult(long totalHits, List<SearchHit> hits, long tookMicros) {
    this(totalHits, hits, tookMicros, null, true);
  }

  /** A result with an exact count. */
  public SearchResult(long totalHits, List<SearchHit> hits, long tookMicros, String nextCursor) {
    this(totalHits, hits, tookMicros, nextCursor, true);
  }

  /** Checks the counts and freezes the hits. */
  public SearchResult {
    if (totalHits < 0) {
      throw new IllegalArgumentException("totalHits must be >= 0 [got " + totalHits + "]");
    }
    hits = List.copyOf(hits);
  }
}
