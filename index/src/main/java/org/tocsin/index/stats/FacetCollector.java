package org.tocsin.index.stats;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.tocsin.index.schema.PostFields;

/**
 * Counts the doc values of some facets over the matching documents: per segment by ordinal in a
 * plain array, then merged by value when the segment is done. A segment whose counts for the same
 * query are in the {@link FacetCache} is not read at all. When the query is all posts (latest
 * versions, no filter) and a segment holds latest versions only, the segment's doc values are
 * counted column by column over its live documents, without running the query ({@link
 * LiveDocCounter}, on every core for a large segment).
 */
final class FacetCollector implements Collector {

  private final List<Facet> facets;
  private final FacetCache cache;
  private static final Term LATEST_TERM = new Term(PostFields.LATEST, PostFields.LATEST_VALUE);

  private final Query query;
  private final QueryTimeout timeout;
  private final Scope scope;
  final List<Map<String, Long>> totals;

  /** The segments counted (not found in the cache), with their counts, to cache if complete. */
  final List<Map.Entry<LeafReaderContext, FacetCache.Counts>> counted = new ArrayList<>();

  long hits;

  FacetCollector(List<Facet> facets, FacetCache cache, Query query, QueryTimeout timeout) {
    this.timeout = timeout;
    this.facets = facets;
    this.cache = cache;
    this.query = query;
    this.scope = Scope.of(query);
    this.totals =
        facets.stream().map(f -> (Map<String, Long>) new HashMap<String, Long>()).toList();
  }

  @Override
  public ScoreMode scoreMode() {
    return ScoreMode.COMPLETE_NO_SCORES;
  }

  @Override
  public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
    FacetCache.Counts known = cache == null ? null : cache.get(context, query, facets);
    if (known != null) {
      add(known);
      throw new CollectionTerminatedException();
    }
    // Past the time limit, the query is run instead, so that Lucene's time limit notices.
    if ((timeout == null || !timeout.shouldExit()) && matchesEveryLiveDoc(context)) {
      // Every live document of the segment matches: count each facet's doc values column by
      // column, without running the query (the latest-version filter, above all).
      FacetCache.Counts leaf = LiveDocCounter.count(context.reader(), facets);
      add(leaf);
      counted.add(Map.entry(context, leaf));
      throw new CollectionTerminatedException();
    }
    int n = facets.size();
    SortedSetDocValues[] values = new SortedSetDocValues[n];
    int[][] counts = new int[n][];
    // Single-valued fields (platform, language, label in practice) are read as plain sorted doc
    // values: one ordinal per document, no per-document value count to walk.
    int singles = 0;
    for (int i = 0; i < n; i++) {
      values[i] = DocValues.getSortedSet(context.reader(), facets.get(i).field());
      counts[i] = new int[Math.toIntExact(values[i].getValueCount())];
      if (DocValues.unwrapSingleton(values[i]) != null) {
        singles++;
      }
    }
    SortedDocValues[] single = new SortedDocValues[singles];
    int[][] singleCounts = new int[singles][];
    SortedSetDocValues[] multi = new SortedSetDocValues[n - singles];
    int[][] multiCounts = new int[n - singles][];
    for (int i = 0, s = 0, m = 0; i < n; i++) {
      SortedDocValues one = DocValues.unwrapSingleton(values[i]);
      if (one != null) {
        single[s] = one;
        singleCounts[s++] = counts[i];
      } else {
        multi[m] = values[i];
        multiCounts[m++] = counts[i];
      }
    }
    return new LeafCollector() {
      private int leafHits;

      @Override
      public void setScorer(Scorable scorer) {
        // Counting needs no scores.
      }

      @Override
      public void collect(int doc) throws IOException {
        leafHits++;
        for (int i = 0; i < single.length; i++) {
          SortedDocValues dv = single[i];
          if (dv.advanceExact(doc)) {
            singleCounts[i][dv.ordValue()]++;
          }
        }
        for (int i = 0; i < multi.length; i++) {
          SortedSetDocValues dv = multi[i];
          if (dv.advanceExact(doc)) {
            int[] c = multiCounts[i];
            for (int k = dv.docValueCount(); k > 0; k--) {
              c[(int) dv.nextOrd()]++;
            }
          }
        }
      }

      @Override
      public void finish() throws IOException {
        List<Map<String, Long>> byFacet = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          Map<String, Long> leafTotals = new HashMap<>();
          int[] c = counts[i];
          for (int ord = 0; ord < c.length; ord++) {
            if (c[ord] > 0) {
              leafTotals.put(values[i].lookupOrd(ord).utf8ToString(), (long) c[ord]);
            }
          }
          byFacet.add(leafTotals);
        }
        FacetCache.Counts leaf = new FacetCache.Counts(leafHits, byFacet);
        add(leaf);
        counted.add(Map.entry(context, leaf));
      }
    };
  }

  /**
   * Whether the query matches every live document of a segment: it matches all documents, or all
   * latest versions and the segment holds no document that is not (or was not, before it was
   * deleted) a latest version.
   */
  private boolean matchesEveryLiveDoc(LeafReaderContext context) throws IOException {
    if (scope == Scope.ALL) {
      return true;
    }
    if (scope != Scope.LATEST) {
      return false;
    }
    int maxDoc = context.reader().maxDoc();
    return maxDoc > 0 && context.reader().docFreq(LATEST_TERM) == maxDoc;
  }

  /** What a query matches, when it is one the collector can count without running it. */
  enum Scope {
    /** Every document: {@code *:*} over all versions. */
    ALL,
    /** Every latest version: {@code *:*} with the latest-version filter and no other filter. */
    LATEST,
    /** Anything else: the query is run. */
    OTHER;

    static Scope of(Query q) {
      if (q instanceof MatchAllDocsQuery) {
        return ALL;
      }
      if (q instanceof BooleanQuery bq
          && bq.clauses().size() == 2
          && bq.getMinimumNumberShouldMatch() == 0) {
        boolean all = false;
        boolean latest = false;
        for (BooleanClause c : bq.clauses()) {
          if (c.getOccur() == BooleanClause.Occur.MUST
              && c.getQuery() instanceof MatchAllDocsQuery) {
            all = true;
          } else if (c.isRequired()
              && c.getQuery() instanceof TermQuery tq
              && tq.getTerm().equals(LATEST_TERM)) {
            latest = true;
          }
        }
        if (all && latest) {
          return LATEST;
        }
      }
      return OTHER;
    }
  }

  private void add(FacetCache.Counts leaf) {
    hits += leaf.hits();
    for (int i = 0; i < facets.size(); i++) {
      Map<String, Long> into = totals.get(i);
      leaf.byFacet().get(i).forEach((k, v) -> into.merge(k, v, Long::sum));
    }
  }

  /** Creates one collector per slice and merges their counts. */
  static final class Manager implements CollectorManager<FacetCollector, FacetCollector> {
    private final List<Facet> facets;
    private final FacetCache cache;
    private final Query query;
    private final QueryTimeout timeout;

    /**
     * A manager that looks segments up in a cache first; {@code cache} may be {@code null}, and so
     * may {@code timeout} (the searcher's time limit).
     */
    Manager(List<Facet> facets, FacetCache cache, Query query, QueryTimeout timeout) {
      this.facets = facets;
      this.cache = cache;
      this.query = query;
      this.timeout = timeout;
    }

    @Override
    public FacetCollector newCollector() {
      return new FacetCollector(facets, cache, query, timeout);
    }

    @Override
    public FacetCollector reduce(java.util.Collection<FacetCollector> collectors) {
      FacetCollector all = new FacetCollector(facets, cache, query, timeout);
      for (FacetCollector c : collectors) {
        all.hits += c.hits;
        all.counted.addAll(c.counted);
        for (int i = 0; i < facets.size(); i++) {
          Map<String, Long> into = all.totals.get(i);
          c.totals.get(i).forEach((k, v) -> into.merge(k, v, Long::sum));
        }
      }
      return all;
    }
  }
}
