package org.tocsin.index.query;

/**
 * Thrown while a search runs when a wildcard, prefix, regular expression or term range matches more
 * indexed terms than {@link PostQueries#MAX_EXPANSIONS}. Searches turn it into an {@link
 * org.tocsin.index.InvalidQueryException} with the same message, written for users.
 */
public final class TooManyExpansionsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for a term pattern of a field. */
  TooManyExpansionsException(String field, String pattern, int max) {
    super(
        "the term pattern "
            + pattern
            + " matches more than "
            + max
            + " different terms of '"
            + field
            + "'; make it longer or more literal [max "
            + max
            + "]");
  }
}
