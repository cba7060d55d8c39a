package org.tocsin.index;

import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.tocsin.core.post.PostKey;
import org.tocsin.index.schema.PostFields;

/** Builds "more like this" queries from the text of an indexed post. */
final class SimilarPosts {

  /** The most terms of the post's text a "more like this" query keeps (the most telling ones). */
  static final int MAX_QUERY_TERMS = 25;

  private SimilarPosts() {}

  /**
   * The query for posts whose text is like the latest version's text of a post, without the post
   * itself; empty if the key is unknown.
   */
  static Optional<Query> query(IndexSearcher searcher, Analyzer analyzer, PostKey key)
      throws IOException {
    String k = key.toString();
    TopDocs top = searcher.search(Versions.latestOf(k), 1);
    if (top.scoreDocs.length == 0) {
      return Optional.empty();
    }
    String text =
        searcher
            .storedFields()
            .document(top.scoreDocs[0].doc, Set.of(PostFields.TEXT))
            .get(PostFields.TEXT);
    MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
    mlt.setAnalyzer(analyzer);
    mlt.setFieldNames(new String[] {PostFields.TEXT});
    mlt.setMinTermFreq(1);
    mlt.setMinDocFreq(1);
    mlt.setMinWordLen(2);
    mlt.setMaxQueryTerms(MAX_QUERY_TERMS);
    Query like = mlt.like(PostFields.TEXT, new StringReader(text == null ? "" : text));
    return Optional.of(
        new BooleanQuery.Builder()
            .add(like, BooleanClause.Occur.MUST)
            .add(new TermQuery(new Term(PostFields.KEY, k)), BooleanClause.Occur.MUST_NOT)
            .build());
  }
}
