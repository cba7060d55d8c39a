package org.tocsin.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.index.highlight.PostHighlighter;
import org.tocsin.index.query.PostQueries;
import org.tocsin.index.schema.PostDocuments;
import org.tocsin.index.schema.PostFields;

/** Runs one search on one searcher: parse, collect a page, score, highlight, load. */
final class Search {

  private static final Sort BY_RELEVANCE =
      new Sort(SortField.FIELD_SCORE, new SortField(PostFields.KEY, SortField.Type.STRING));
  private static final Sort NEWEST =
      new Sort(
          new SortField(PostFields.CREATED_AT, SortField.Type.LONG, true),
          new SortField(PostFields.KEY, SortField.Type.STRING, true));
  private static final Sort OLDEST =
      new Sort(
          new SortField(PostFields.CREATED_AT, SortField.Type.LONG),
          new SortField(PostFields.KEY, SortField.Type.STRING));

  private final PostQueries queries;
  private final PostHighlighter highlighter;

  Search(PostQueries queries, PostHighlighter highlighter) {
    this.queries = queries;
    this.highlighter = highlighter;
  }

  SearchResult run(IndexSearcher searcher, SearchRequest req)
      throws IOException, InvalidQueryException {
    long started = System.nanoTime();
    Query query = queries.parse(req.query());
    boolean matchAll = query instanceof MatchAllDocsQuery;
    int wanted = req.offset() + req.limit();
    TopFieldDocs top;
    ScoreDoc[] page;
    String[] highlights;
    try {
      // Count every hit exactly: totalHits is what users page through.
      top =
          searcher.search(
              query,
              new TopFieldCollectorManager(sortFor(req, matchAll), wanted, Integer.MAX_VALUE));
      ScoreDoc[] all = top.scoreDocs;
      page = Arrays.copyOfRange(all, Math.min(req.offset(), all.length), all.length);
      TopFieldCollector.populateScores(page, searcher, query);
      highlights =
          matchAll ? new String[page.length] : highlighter.highlight(searcher, query, page);
    } catch (IndexSearcher.TooManyClauses e) {
      // Also TooManyNestedClauses: a fuzzy or phrase query expanded past Lucene's clause limit.
      throw new InvalidQueryException(
          "the query expands to too many terms; use fewer fuzzy or wildcard terms", -1, e);
    } catch (FuzzyTermsEnum.FuzzyTermsException | TooComplexToDeterminizeException e) {
      throw new InvalidQueryException(
          "a fuzzy, wildcard or regular expression term is too complex; make it shorter or more"
              + " literal",
          -1,
          e);
    }
    List<SearchHit> hits = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      hits.add(new SearchHit(load(searcher, page[i].doc), page[i].score, highlights[i]));
    }
    long micros = (System.nanoTime() - started) / 1_000;
    return new SearchResult(top.totalHits.value, hits, micros);
  }

  /** Loads the scored post of a document. */
  static ScoredPost load(IndexSearcher searcher, int doc) throws IOException {
    Document d = searcher.storedFields().document(doc, PostDocuments.STORED_FIELDS);
    return PostDocuments.read(d, "doc " + doc);
  }

  private static Sort sortFor(SearchRequest req, boolean matchAll) {
    return switch (req.sort()) {
      case RELEVANCE -> matchAll ? NEWEST : BY_RELEVANCE;
      case NEWEST -> NEWEST;
      case OLDEST -> OLDEST;
    };
  }
}
