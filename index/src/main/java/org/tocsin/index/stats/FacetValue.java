package org.tocsin.index.stats;

import java.util.Objects;

/**
 * One value of a facet and how many matching posts carry it.
 *
 * @param value the value as indexed (lower-cased for every facet but campaign)
 * @param count how many matching posts carry the value
 */
public record FacetValue(String value, long count) {

  /** Checks the value and the count. */
  public FacetValue {
    Objects.requireNonNull(value, "value");
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0 [got " + count + "]");
    }
  }
}
