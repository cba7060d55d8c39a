package org.tocsin.index;

import java.util.List;

/**
 * One page of search results.
 *
 * @param totalHits how many posts match the query in all (exact, not a lower bound)
 * @param hits the requested page of hits, in the requested order
 * @param tookMicros how long the search took, in microseconds
 * @param nextCursor the cursor of the next page ({@link SearchRequest#cursor()}), or {@code null}
 *     if this page was not full and so was the last; opaque, bound to this search's query, filters
 *     and sort, and to this index
 */
public record SearchResult(
    long totalHits, List<SearchHit> hits, long tookMicros, String nextCursor) {

  /** A result with no next page. */
  public SearchResult(long totalHits, List<SearchHit> hits, long tookMicros) {
    this(totalHits, hits, tookMicros, null);
  }

  /** Checks the counts and freezes the hits. */
  public SearchResult {
    if (totalHits < 0) {
      throw new IllegalArgumentException("totalHits must be >= 0 [got " + totalHits + "]");
    }
    hits = List.copyOf(hits);
  }
}
