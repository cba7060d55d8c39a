package org.tocsin.index;

import java.util.List;

/**
 * One page of search results.
 *
 * @param totalHits how many posts match the query in all (exact, not a lower bound)
 * @param hits the requested page of hits, in the requested order
 * @param tookMicros how long the search took, in microseconds
 */
public record SearchResult(long totalHits, List<SearchHit> hits, long tookMicros) {

  /** Checks the counts and freezes the hits. */
  public SearchResult {
    if (totalHits < 0) {
      throw new IllegalArgumentException("totalHits must be >= 0 [got " + totalHits + "]");
    }
    hits = List.copyOf(hits);
  }
}
