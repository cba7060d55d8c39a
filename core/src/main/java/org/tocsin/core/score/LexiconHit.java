package org.tocsin.core.score;

import java.util.Objects;

/**
 * A lexicon or watchlist entry found in the post.
 *
 * @param term the entry as written in the lexicon
 * @param category the lexicon's category ({@code slur}, {@code dehumanization}, {@code violence},
 *     ...)
 * @param lexicon which lexicon or watchlist it came from
 */
public record LexiconHit(String term, String category, String lexicon) {

  /** Checks the fields. */
  public LexiconHit {
    Objects.requireNonNull(term, "term");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(lexicon, "lexicon");
  }
}
