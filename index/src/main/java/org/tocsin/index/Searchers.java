package org.tocsin.index;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.tocsin.index.analysis.LanguageAnalyzers;

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
   * The language fields that some post of the searcher's reader is in: a text term need not be
   * looked up in the others. In the order of {@link LanguageAnalyzers#FIELDS}.
   */
  static List<String> languageFields(IndexSearcher searcher) {
    List<String> out = new ArrayList<>();
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    for (String f : LanguageAnalyzers.FIELDS) {
      for (LeafReaderContext leaf : leaves) {
        if (leaf.reader().getFieldInfos().fieldInfo(f) != null) {
          out.add(f);
          break;
        }
      }
    }
    return out;
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
