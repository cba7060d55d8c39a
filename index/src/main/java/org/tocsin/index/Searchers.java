package org.tocsin.index;

import java.time.Duration;
import org.apache.lucene.search.IndexSearcher;

/** Per-request searchers with a deadline, over the reader of a shared searcher. */
final class Searchers {

  private Searchers() {}

  /**
   * A searcher over the same reader as {@code shared} that stops collecting once {@code limit} has
   * passed (Lucene's {@link IndexSearcher#setTimeout}); the shared one is never changed, since
   * other threads use it.
   */
  static IndexSearcher timed(IndexSearcher shared, Duration limit) {
    IndexSearcher s = new IndexSearcher(shared.getIndexReader());
    s.setSimilarity(shared.getSimilarity());
    long deadline = System.nanoTime() + limit.toNanos();
    s.setTimeout(() -> System.nanoTime() - deadline > 0);
    return s;
  }

  /**
   * Fails if a search on a {@link #timed} searcher was stopped by its deadline.
   *
   * @throws SearchTimeoutException if it was
   */
  static void checkTimeout(IndexSearcher searcher, Duration limit) throws SearchTimeoutException {
    if (searcher.timedOut()) {
      throw new SearchTimeoutException(limit);
    }
  }
}
