package org.tocsin.index.query;

import java.io.IOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.AttributeSource;

/**
 * Rewrites wildcard, prefix, regular expression and term range queries as Lucene's default does
 * ({@link MultiTermQuery#CONSTANT_SCORE_BLENDED_REWRITE}), but first counts the terms they match in
 * each segment and refuses one that matches more than a limit: {@code a*} over a million posts
 * would otherwise visit tens of thousands of terms for every search, and again to highlight.
 */
final class BoundedExpansion extends MultiTermQuery.RewriteMethod {

  private final int max;

  BoundedExpansion(int max) {
    this.max = max;
  }

  @Override
  public Query rewrite(IndexReader reader, MultiTermQuery query) throws IOException {
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms terms = leaf.reader().terms(query.getField());
      if (terms == null) {
        continue;
      }
      TermsEnum te = getTermsEnum(query, terms, new AttributeSource());
      int n = 0;
      while (te.next() != null) {
        if (++n > max) {
          throw new TooManyExpansionsException(query.getField(), query.toString(), max);
        }
      }
    }
    return MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE.rewrite(reader, query);
  }
}
