package org.tocsin.index.stats;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.tocsin.index.schema.PostDocuments;

/**
 * Computes facet counts and date histograms of the documents a query matches, from doc values.
 * {@link org.tocsin.index.PostIndex#facets} and {@link org.tocsin.index.PostIndex#histogram} are
 * the entry points most callers want; these take a searcher and a ready query.
 */
public final class PostStats {

  /** The most values a facet may return. */
  public static final int MAX_TOP_N = 1_000;

  /** The most cells (buckets times values of the split facet) a split histogram may count. */
  public static final long MAX_SPLIT_CELLS = 4_000_000;

  private PostStats() {}

  /**
   * Counts the values of facets over the documents a query matches.
   *
   * @param topN how many values to return per facet, in [1, {@link #MAX_TOP_N}]
   * @throws IllegalArgumentException if no facet is given or {@code topN} is out of bounds
   * @throws IOException if the index cannot be read
   */
  public static FacetResult facets(
      IndexSearcher searcher, Query query, List<Facet> facets, int topN) throws IOException {
    return facets(searcher, query, facets, topN, null);
  }

  /**
   * Counts the values of facets over the documents a query matches, taking the counts of segments
   * seen before from a cache and keeping those of the others there (unless the search ran out of
   * time, so that only complete counts are kept).
   *
   * @param cache the cache, or {@code null} to count every segment
   * @throws IllegalArgumentException as {@link #facets(IndexSearcher, Query, List, int)}
   * @throws IOException if the index cannot be read
   */
  public static FacetResult facets(
      IndexSearcher searcher, Query query, List<Facet> facets, int topN, FacetCache cache)
      throws IOException {
    long started = System.nanoTime();
    List<Facet> dims = checkFacets(facets, topN);
    FacetCollector c =
        searcher.search(
            query, new FacetCollector.Manager(dims, cache, query, searcher.getTimeout()));
    if (cache != null && !searcher.timedOut()) {
      c.counted.forEach(e -> cache.put(e.getKey(), query, dims, e.getValue()));
    }
    List<FacetCounts> out = new ArrayList<>(dims.size());
    for (int i = 0; i < dims.size(); i++) {
      Map<String, Long> counts = c.totals.get(i);
      List<FacetValue> top =
          counts.entrySet().stream()
              .sorted(
                  Map.Entry.<String, Long>comparingByValue()
                      .reversed()
                      .thenComparing(Map.Entry.comparingByKey()))
              .limit(topN)
              .map(e -> new FacetValue(e.getKey(), e.getValue()))
              .toList();
      out.add(new FacetCounts(dims.get(i), counts.size(), top));
    }
    return new FacetResult(c.hits, out, (System.nanoTime() - started) / 1_000);
  }

  /**
   * Counts the documents a query matches per bucket of time from {@code from} to {@code to}
   * (rounded out to whole UTC hours or days), optionally split by the values of a facet. Documents
   * outside the range are not counted: give the query the same range as a filter so that the
   * buckets sum to its hits.
   *
   * @param splitBy a {@link Facet#splittable()} facet, or {@code null}
   * @throws IllegalArgumentException if {@code from} is not before {@code to}, the range holds more
   *     than {@link Histogram#MAX_BUCKETS} buckets, or the facet cannot split a histogram
   * @throws IOException if the index cannot be read
   */
  public static Histogram histogram(
      IndexSearcher searcher,
      Query query,
      Interval interval,
      Instant from,
      Instant to,
      Facet splitBy)
      throws IOException {
    long started = System.nanoTime();
    Objects.requireNonNull(interval, "interval");
    long width = interval.millis();
    long start = Math.floorDiv(PostDocuments.epochMillis(from), width) * width;
    long end = -Math.floorDiv(-PostDocuments.epochMillis(to), width) * width;
    long n = checkBuckets(interval, from, to, start, end);
    int buckets = (int) n;
    if (splitBy != null) {
      checkSplit(searcher, splitBy, n);
    }
    HistogramCollector c =
        searcher.search(query, new HistogramCollector.Manager(start, width, buckets, splitBy));
    List<Histogram.Bucket> out = new ArrayList<>(buckets);
    for (int i = 0; i < buckets; i++) {
      out.add(new Histogram.Bucket(Instant.ofEpochMilli(start + i * width), c.total[i]));
    }
    List<Histogram.Series> series =
        c.series.entrySet().stream()
            .map(e -> series(e.getKey(), e.getValue()))
            .sorted(
                Comparator.comparingLong(Histogram.Series::total)
                    .reversed()
                    .thenComparing(Histogram.Series::value))
            .toList();
    int omitted = Math.max(0, series.size() - Histogram.MAX_SERIES);
    return new Histogram(
        interval,
        Instant.ofEpochMilli(start),
        Instant.ofEpochMilli(end),
        c.hits,
        out,
        splitBy,
        series.subList(0, series.size() - omitted),
        omitted,
        (System.nanoTime() - started) / 1_000);
  }

  private static long checkBuckets(Interval interval, Instant from, Instant to, long s, long e) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException(
          "a histogram needs from before to [got from " + from + ", to " + to + "]");
    }
    long n = (e - s) / interval.millis();
    if (n > Histogram.MAX_BUCKETS) {
      throw new IllegalArgumentException(
          "a histogram may have at most "
              + Histogram.MAX_BUCKETS
              + " buckets; use a wider interval or a shorter range [got "
              + n
              + " "
              + interval
              + " buckets from "
              + from
              + " to "
              + to
              + "]");
    }
    return n;
  }

  private static void checkSplit(IndexSearcher searcher, Facet splitBy, long buckets)
      throws IOException {
    if (!splitBy.splittable()) {
      throw new IllegalArgumentException(
          "a histogram can be split by target, ground, language, platform or label [got "
              + splitBy.jsonName()
              + "]");
    }
    long values = 0;
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      values =
          Math.max(values, DocValues.getSortedSet(leaf.reader(), splitBy.field()).getValueCount());
    }
    if (values * buckets > MAX_SPLIT_CELLS) {
      throw new IllegalArgumentException(
          "a split histogram may count at most "
              + MAX_SPLIT_CELLS
              + " cells; use a wider interval or a shorter range [got "
              + buckets
              + " buckets times "
              + values
              + " values of "
              + splitBy.jsonName()
              + "]");
    }
  }

  private static List<Facet> checkFacets(List<Facet> facets, int topN) {
    if (facets == null || facets.isEmpty()) {
      throw new IllegalArgumentException("at least one facet is needed [got none]");
    }
    if (topN < 1 || topN > MAX_TOP_N) {
      throw new IllegalArgumentException(
          "topN must lie in [1, " + MAX_TOP_N + "] [got " + topN + "]");
    }
    return facets.stream().map(f -> Objects.requireNonNull(f, "facet")).distinct().toList();
  }

  private static Histogram.Series series(String value, long[] counts) {
    long total = 0;
    List<Long> list = new ArrayList<>(counts.length);
    for (long c : counts) {
      total += c;
      list.add(c);
    }
    return new Histogram.Series(value, total, list);
  }
}
