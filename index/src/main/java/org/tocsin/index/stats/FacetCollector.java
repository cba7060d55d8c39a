package org.tocsin.index.stats;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts the doc values of some facets over the matching documents: per segment by ordinal in a
 * plain array, then merged by value when the segment is done. A segment whose counts for the same
 * query are in the {@link FacetCache} is not read at all.
 */
final class FacetCollector implements Collector {

  private final List<Facet> facets;
  private final FacetCache cache;
  private final Query query;
  final List<Map<String, Long>> totals;

  /** The segments counted (not found in the cache), with their counts, to cache if complete. */
  final List<Map.Entry<LeafReaderContext, FacetCache.Counts>> counted = new ArrayList<>();

  long hits;

  FacetCollector(List<Facet> facets, FacetCache cache, Query query) {
    this.facets = facets;
    this.cache = cache;
    this.query = query;
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

    /** A manager that looks segments up in a cache first; {@code cache} may be {@code null}. */
    Manager(List<Facet> facets, FacetCache cache, Query query) {
      this.facets = facets;
      this.cache = cache;
      this.query = query;
    }

    @Override
    public FacetCollector newCollector() {
      return new FacetCollector(facets, cache, query);
    }

    @Override
    public FacetCollector reduce(java.util.Collection<FacetCollector> collectors) {
      FacetCollector all = new FacetCollector(facets, cache, query);
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
