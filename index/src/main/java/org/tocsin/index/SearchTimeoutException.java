package org.tocsin.index;

import java.time.Duration;

/**
 * A search, facet count or histogram that ran past its time limit and was stopped: the query is too
 * expensive for the index as it is. It is an {@link InvalidQueryException}, so callers that answer
 * bad queries with a 4xx answer this one too; its message says what to do.
 */
public final class SearchTimeoutException extends InvalidQueryException {
  private static final long serialVersionUID = 1L;

  private final transient Duration limit;

  /** Creates the exception for a search stopped at {@code limit}. */
  public SearchTimeoutException(Duration limit) {
    super(
        "the search took longer than its limit of "
            + limit.toMillis()
            + " ms and was stopped; narrow it with more specific terms, filters or a shorter time"
            + " range");
    this.limit = limit;
  }

  /** The time limit the search ran past. */
  public Duration limit() {
    return limit;
  }
}
