package org.tocsin.index.stats;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts the doc values of some facets over the matching documents: per segment by ordinal in a
 * plain array, then merged by value when the segment is done.
 */
final class FacetCollector implements Collector {

  private final List<Facet> facets;
  final List<Map<String, Long>> totals;
  long hits;

  FacetCollector(List<Facet> facets) {
    this.facets = facets;
    this.totals =
        facets.stream().map(f -> (Map<String, Long>) new HashMap<String, Long>()).toList();
  }

  @Override
  public ScoreMode scoreMode() {
    return ScoreMode.COMPLETE_NO_SCORES;
  }

  @Override
  public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
    int n = facets.size();
    SortedSetDocValues[] values = new SortedSetDocValues[n];
    int[][] counts = new int[n][];
    for (int i = 0; i < n; i++) {
      values[i] = DocValues.getSortedSet(context.reader(), facets.get(i).field());
      counts[i] = new int[Math.toIntExact(values[i].getValueCount())];
    }
    return new LeafCollector() {
      @Override
      public void setScorer(Scorable scorer) {
        // Counting needs no scores.
      }

      @Override
      public void collect(int doc) throws IOException {
        hits++;
        for (int i = 0; i < n; i++) {
          SortedSetDocValues dv = values[i];
          if (dv.advanceExact(doc)) {
            for (int k = dv.docValueCount(); k > 0; k--) {
              counts[i][(int) dv.nextOrd()]++;
            }
          }
        }
      }

      @Override
      public void finish() throws IOException {
        for (int i = 0; i < n; i++) {
          int[] c = counts[i];
          for (int ord = 0; ord < c.length; ord++) {
            if (c[ord] > 0) {
              totals
                  .get(i)
                  .merge(values[i].lookupOrd(ord).utf8ToString(), (long) c[ord], Long::sum);
            }
          }
        }
      }
    };
  }

  /** Creates one collector per slice and merges their counts. */
  static final class Manager implements CollectorManager<FacetCollector, FacetCollector> {
    private final List<Facet> facets;

    Manager(List<Facet> facets) {
      this.facets = facets;
    }

    @Override
    public FacetCollector newCollector() {
      return new FacetCollector(facets);
    }

    @Override
    public FacetCollector reduce(java.util.Collection<FacetCollector> collectors) {
      FacetCollector all = new FacetCollector(facets);
      for (FacetCollector c : collectors) {
        all.hits += c.hits;
        for (int i = 0; i < facets.size(); i++) {
          Map<String, Long> into = all.totals.get(i);
          c.totals.get(i).forEach((k, v) -> into.merge(k, v, Long::sum));
        }
      }
      return all;
    }
  }
}
