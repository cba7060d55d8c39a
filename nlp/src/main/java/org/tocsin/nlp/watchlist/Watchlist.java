package org.tocsin.nlp.watchlist;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A watchlist: terms analysts watch in one context, with the risk the context carries.
 *
 * @param id stable id
 * @param name what it watches, e.g. "Ethiopia: coded terms against Amhara"
 * @param context the setting it belongs to (a country, a conflict, an election)
 * @param risk the analyst-set risk level of that context, in [0, 1]; it becomes the Rabat context
 *     factor of a post that uses one of the terms
 * @param terms the terms, matched case-insensitively as whole words or phrases
 */
public record Watchlist(String id, String name, String context, double risk, List<String> terms) {

  /** The most terms one watchlist may hold. */
  public static final int MAX_TERMS = 2_000;

  /** Checks the fields and normalises the terms to lower case. */
  public Watchlist {
    Objects.requireNonNull(id, "id");
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException("name: 1..200 characters [got " + name + "]");
    }
    if (context == null || context.isBlank() || context.length() > 200) {
      throw new IllegalArgumentException("context: 1..200 characters [got " + context + "]");
    }
    if (!(risk >= 0 && risk <= 1)) {
      throw new IllegalArgumentException("risk must lie in [0, 1] [got " + risk + "]");
    }
    if (terms == null || terms.isEmpty() || terms.size() > MAX_TERMS) {
      throw new IllegalArgumentException("terms: 1.." + MAX_TERMS + " entries");
    }
    terms =
        terms.stream()
            .map(
                t -> {
                  if (t == null || t.isBlank() || t.length() > 100) {
                    throw new IllegalArgumentException("every term must have 1..100 characters");
                  }
                  return t.strip().toLowerCase(Locale.ROOT);
                })
            .distinct()
            .toList();
  }
}
