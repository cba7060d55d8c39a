package org.tocsin.index.stats;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.Bits;

/**
 * Counts the facet values of every live document of a segment, column by column, without running a
 * query. A large segment is cut into ranges of documents that the calling thread and the helpers
 * (one fewer than the cores) claim one at a time, each with its own doc-values iterators and
 * counts, summed at the end; if the helpers are busy, the caller counts every range itself, so the
 * answer never waits for a queue.
 */
final class LiveDocCounter {

  /** Segments with fewer documents are counted on the calling thread alone. */
  static final int PARALLEL_MIN_DOCS = 65_536;

  /** How many ranges a large segment is cut into. */
  static final int RANGES = 16;

  private static final int HELPERS = Math.max(0, Runtime.getRuntime().availableProcessors() - 1);

  private static final ExecutorService POOL =
      HELPERS == 0
          ? null
          : Executors.newFixedThreadPool(
              HELPERS,
              r -> {
                Thread t = new Thread(r, "tocsin-facet-count");
                t.setDaemon(true);
                return t;
              });

  private LiveDocCounter() {}

  /** The live documents' count by value, per facet, in the order of {@code facets}. */
  static FacetCache.Counts count(LeafReader reader, List<Facet> facets) throws IOException {
    int maxDoc = reader.maxDoc();
    int ranges = POOL != null && maxDoc >= PARALLEL_MIN_DOCS ? RANGES : 1;
    int width = (maxDoc + ranges - 1) / ranges;
    AtomicInteger next = new AtomicInteger();
    List<Future<int[][]>> helpers = new ArrayList<>();
    if (ranges > 1) {
      for (int h = 0; h < HELPERS; h++) {
        helpers.add(POOL.submit(() -> claim(reader, facets, next, ranges, width)));
      }
    }
    int[][] counts = claim(reader, facets, next, ranges, width);
    for (Future<int[][]> f : helpers) {
      int[][] more;
      try {
        more = f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while counting facets", e);
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof IOException io) {
          throw io;
        }
        throw new IllegalStateException("a facet count failed", e.getCause());
      }
      for (int i = 0; i < counts.length; i++) {
        for (int ord = 0; ord < counts[i].length; ord++) {
          counts[i][ord] += more[i][ord];
        }
      }
    }
    List<Map<String, Long>> byFacet = new ArrayList<>(facets.size());
    for (int i = 0; i < facets.size(); i++) {
      SortedSetDocValues values = DocValues.getSortedSet(reader, facets.get(i).field());
      Map<String, Long> totals = new HashMap<>();
      int[] c = counts[i];
      for (int ord = 0; ord < c.length; ord++) {
        if (c[ord] > 0) {
          totals.put(values.lookupOrd(ord).utf8ToString(), (long) c[ord]);
        }
      }
      byFacet.add(totals);
    }
    return new FacetCache.Counts(reader.numDocs(), byFacet);
  }

  /** Counts ranges until none is left; the counts of this participant, per facet by ordinal. */
  private static int[][] claim(
      LeafReader reader, List<Facet> facets, AtomicInteger next, int ranges, int width)
      throws IOException {
    int[][] counts = new int[facets.size()][];
    for (int i = 0; i < counts.length; i++) {
      counts[i] =
          new int
              [Math.toIntExact(
                  DocValues.getSortedSet(reader, facets.get(i).field()).getValueCount())];
    }
    Bits live = reader.getLiveDocs();
    for (int r = next.getAndIncrement(); r < ranges; r = next.getAndIncrement()) {
      int from = r * width;
      int to = Math.min(reader.maxDoc(), from + width);
      for (int i = 0; i < counts.length; i++) {
        countRange(
            DocValues.getSortedSet(reader, facets.get(i).field()), live, from, to, counts[i]);
      }
    }
    return counts;
  }

  private static void countRange(SortedSetDocValues values, Bits live, int from, int to, int[] c)
      throws IOException {
    if (from >= to) {
      return;
    }
    SortedDocValues one = DocValues.unwrapSingleton(values);
    if (one != null) {
      for (int doc = one.advance(from); doc < to; doc = one.nextDoc()) {
        if (live == null || live.get(doc)) {
          c[one.ordValue()]++;
        }
      }
      return;
    }
    for (int doc = values.advance(from); doc < to; doc = values.nextDoc()) {
      if (live == null || live.get(doc)) {
        for (int k = values.docValueCount(); k > 0; k--) {
          c[(int) values.nextOrd()]++;
        }
      }
    }
  }
}
