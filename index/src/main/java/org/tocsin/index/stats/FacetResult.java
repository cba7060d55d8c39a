package org.tocsin.index.stats;

import java.util.List;
import java.util.Optional;

/**
 * The facet counts of a query and filters.
 *
 * @param totalHits how many posts match (a post with several target groups counts once here and
 *     once under each of its groups)
 * @param facets the counts of every requested facet, in the order requested
 * @param tookMicros how long the counting took, in microseconds
 */
public record FacetResult(long totalHits, List<FacetCounts> facets, long tookMicros) {

  /** Freezes the list. */
  public FacetResult {
    facets = List.copyOf(facets);
  }

  /** The counts of one facet, if it was requested. */
  public Optional<FacetCounts> get(Facet facet) {
    return facets.stream().filter(c -> c.facet() == facet).findFirst();
  }
}
