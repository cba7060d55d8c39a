package org.tocsin.index.stats;

import java.util.List;
import java.util.Objects;

/**
 * The counts of one facet over the posts that match a query and filters.
 *
 * @param facet the dimension counted
 * @param distinctValues how many different values the matching posts carry in all
 * @param top the most frequent values, most frequent first (ties by value), at most the requested
 *     number
 */
public record FacetCounts(Facet facet, long distinctValues, List<FacetValue> top) {

  /** Checks the parts and freezes the list. */
  public FacetCounts {
    Objects.requireNonNull(facet, "facet");
    top = List.copyOf(top);
  }
}
