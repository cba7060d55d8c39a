package org.tocsin.index.stats;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.tocsin.index.schema.PostFields;

/**
 * Counts matching documents per time bucket from the {@code createdAt} doc values and, with a
 * split, per bucket and value of a facet's doc values (by ordinal within a segment, merged by value
 * when the segment is done).
 */
final class HistogramCollector implements Collector {

  private final long start;
  private final long width;
  private final int buckets;
  private final Facet split;
  final long[] total;
  final Map<String, long[]> series = new HashMap<>();
  long hits;

  HistogramCollector(long start, long width, int buckets, Facet split) {
    this.start = start;
    this.width = width;
    this.buckets = buckets;
    this.split = split;
    this.total = new long[buckets];
  }

  @Override
  public ScoreMode scoreMode() {
    return ScoreMode.COMPLETE_NO_SCORES;
  }

  @Override
  public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
    NumericDocValues times = DocValues.getNumeric(context.reader(), PostFields.CREATED_AT);
    SortedSetDocValues values =
        split == null ? null : DocValues.getSortedSet(context.reader(), split.field());
    long[][] byOrd = values == null ? null : new long[Math.toIntExact(values.getValueCount())][];
    return new LeafCollector() {
      @Override
      public void setScorer(Scorable scorer) {
        // Counting needs no scores.
      }

      @Override
      public void collect(int doc) throws IOException {
        if (!times.advanceExact(doc)) {
          return;
        }
        long t = times.longValue();
        if (t < start) {
          return;
        }
        long b = (t - start) / width;
        if (b >= buckets) {
          return;
        }
        int bucket = (int) b;
        hits++;
        total[bucket]++;
        if (values != null && values.advanceExact(doc)) {
          for (int k = values.docValueCount(); k > 0; k--) {
            int ord = (int) values.nextOrd();
            if (byOrd[ord] == null) {
              byOrd[ord] = new long[buckets];
            }
            byOrd[ord][bucket]++;
          }
        }
      }

      @Override
      public void finish() throws IOException {
        if (byOrd == null) {
          return;
        }
        for (int ord = 0; ord < byOrd.length; ord++) {
          if (byOrd[ord] != null) {
            add(series, values.lookupOrd(ord).utf8ToString(), byOrd[ord]);
          }
        }
      }
    };
  }

  private static void add(Map<String, long[]> into, String value, long[] counts) {
    long[] sum = into.get(value);
    if (sum == null) {
      into.put(value, counts.clone());
    } else {
      for (int i = 0; i < counts.length; i++) {
        sum[i] += counts[i];
      }
    }
  }

  /** Creates one collector per slice and sums their counts. */
  static final class Manager implements CollectorManager<HistogramCollector, HistogramCollector> {
    private final long start;
    private final long width;
    private final int buckets;
    private final Facet split;

    Manager(long start, long width, int buckets, Facet split) {
      this.start = start;
      this.width = width;
      this.buckets = buckets;
      this.split = split;
    }

    @Override
    public HistogramCollector newCollector() {
      return new HistogramCollector(start, width, buckets, split);
    }

    @Override
    public HistogramCollector reduce(Collection<HistogramCollector> collectors) {
      HistogramCollector all = new HistogramCollector(start, width, buckets, split);
      for (HistogramCollector c : collectors) {
        all.hits += c.hits;
        for (int i = 0; i < buckets; i++) {
          all.total[i] += c.total[i];
        }
        c.series.forEach((k, v) -> add(all.series, k, v));
      }
      return all;
    }
  }
}
