package org.tocsin.index;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortField.Type;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.index.analysis.LanguageAnalyzers;
import org.tocsin.index.highlight.PostHighlighter;
import org.tocsin.index.query.FilterQueries;
import org.tocsin.index.query.PostQueries;
import org.tocsin.index.query.TooManyExpansionsException;
import org.tocsin.index.schema.PostDocuments;
import org.tocsin.index.schema.PostFields;

/** Runs one search on one searcher: parse, filter, collect a page, score, highlight, load. */
final class Search {

  private static final SortField VID_ASC = new SortField(PostFields.VERSION_ID, Type.STRING);
  private static final SortField VID_DESC = new SortField(PostFields.VERSION_ID, Type.STRING, true);
  private static final SortField NEWEST_FIRST =
      new SortField(PostFields.CREATED_AT, Type.LONG, true);

  private final PostQueries queries;
  private final PostHighlighter highlighter;
  private final Cursors cursors;
  private final Duration timeout;

  Search(PostQueries queries, PostHighlighter highlighter, Cursors cursors, Duration timeout) {
    this.queries = queries;
    this.highlighter = highlighter;
    this.cursors = cursors;
    this.timeout = timeout;
  }

  SearchResult run(IndexSearcher shared, SearchRequest req)
      throws IOException, InvalidQueryException {
    long started = System.nanoTime();
    Query query = queries.parse(req.query(), Searchers.languageFields(shared));
    return execute(shared, query, req, req.query(), started);
  }

  /**
   * Runs an already parsed query (a "more like this" query, say) with a request's settings.
   *
   * @param searchId what identifies the query for cursors: a cursor continues only the same search
   *     id, filters and sort
   */
  SearchResult execute(
      IndexSearcher shared, Query userQuery, SearchRequest req, String searchId, long started)
      throws IOException, InvalidQueryException {
    boolean matchAll = userQuery instanceof MatchAllDocsQuery;
    SearchRequest.Sort effective =
        matchAll && req.sort() == SearchRequest.Sort.RELEVANCE
            ? SearchRequest.Sort.NEWEST
            : req.sort();
    Sort sort = sortFor(effective);
    String fingerprint = searchId + '\n' + req.filters() + '\n' + effective;
    FieldDoc after =
        req.cursor() == null ? null : cursors.decode(req.cursor(), fingerprint, sort.getSort());
    Query query = FilterQueries.apply(userQuery, req.filters());
    IndexSearcher searcher = Searchers.timed(shared, timeout);
    int wanted = req.offset() + req.limit();
    TopFieldDocs top =
        guarded(
            () ->
                // Count every hit exactly unless the request allows a lower bound past a threshold.
                searcher.search(
                    query,
                    new TopFieldCollectorManager(sort, wanted, after, req.totalHitsThreshold())));
    Searchers.checkTimeout(searcher, timeout);
    ScoreDoc[] all = top.scoreDocs;
    ScoreDoc[] page = Arrays.copyOfRange(all, Math.min(req.offset(), all.length), all.length);
    if (effective == SearchRequest.Sort.RELEVANCE) {
      // The first sort value is the score already: no second pass over the query.
      for (ScoreDoc sd : page) {
        sd.score = (Float) ((FieldDoc) sd).fields[0];
      }
    } else {
      TopFieldCollector.populateScores(page, searcher, query);
    }
    // Each hit's stored fields are read (and decompressed) once: the highlighter takes the text
    // from the loaded post.
    List<ScoredPost> posts = new ArrayList<>(page.length);
    String[] texts = new String[page.length];
    String[] languageFields = new String[page.length];
    for (int i = 0; i < page.length; i++) {
      ScoredPost p = load(searcher, page[i].doc);
      posts.add(p);
      texts[i] = p.post().text();
      languageFields[i] = LanguageAnalyzers.fieldFor(p.post().lang(), texts[i]);
    }
    String[] highlights =
        matchAll
            ? new String[page.length]
            : guarded(
                () -> highlighter.highlight(searcher, userQuery, page, texts, languageFields));
    List<SearchHit> hits = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      hits.add(new SearchHit(posts.get(i), page[i].score, highlights[i]));
    }
    String next =
        page.length == req.limit()
            ? cursors.encode(fingerprint, (FieldDoc) page[page.length - 1], sort.getSort())
            : null;
    long micros = (System.nanoTime() - started) / 1_000;
    return new SearchResult(
        top.totalHits.value,
        hits,
        micros,
        next,
        top.totalHits.relation == TotalHits.Relation.EQUAL_TO);
  }

  /** Work on a searcher whose runtime failures {@link #guarded} translates. */
  interface Work<T> {
    T run() throws IOException, InvalidQueryException;
  }

  /**
   * Runs work that may expand the query, turning Lucene's failures of a too expensive query into an
   * {@link InvalidQueryException} for the user.
   */
  static <T> T guarded(Work<T> work) throws IOException, InvalidQueryException {
    try {
      return work.run();
    } catch (IndexSearcher.TooManyClauses e) {
      // Also TooManyNestedClauses: a fuzzy or phrase query expanded past Lucene's clause limit.
      throw new InvalidQueryException(
          "the query expands to too many terms; use fewer fuzzy or wildcard terms", -1, e);
    } catch (TooManyExpansionsException e) {
      throw new InvalidQueryException(e.getMessage(), -1, e);
    } catch (FuzzyTermsEnum.FuzzyTermsException | TooComplexToDeterminizeException e) {
      throw new InvalidQueryException(
          "a fuzzy, wildcard or regular expression term is too complex; make it shorter or more"
              + " literal",
          -1,
          e);
    }
  }

  /** Loads the scored post of a document. */
  static ScoredPost load(IndexSearcher searcher, int doc) throws IOException {
    Document d = searcher.storedFields().document(doc, PostDocuments.STORED_FIELDS);
    return PostDocuments.read(d, "doc " + doc);
  }

  /** The Lucene sort of an order; every one ends with the unique version identity. */
  static Sort sortFor(SearchRequest.Sort sort) {
    return switch (sort) {
      case RELEVANCE -> new Sort(SortField.FIELD_SCORE, VID_ASC);
      case NEWEST -> new Sort(NEWEST_FIRST, VID_DESC);
      case OLDEST -> new Sort(new SortField(PostFields.CREATED_AT, Type.LONG), VID_ASC);
      case HATE -> byScore(ScoreField.HATE);
      case OFFENSIVE -> byScore(ScoreField.OFFENSIVE);
      case INCITEMENT -> byScore(ScoreField.INCITEMENT);
      case DEHUMANIZATION -> byScore(ScoreField.DEHUMANIZATION);
    };
  }

  private static Sort byScore(ScoreField score) {
    return new Sort(new SortField(score.field(), Type.DOUBLE, true), NEWEST_FIRST, VID_DESC);
  }
}
