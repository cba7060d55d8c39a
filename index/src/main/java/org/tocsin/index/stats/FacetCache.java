package org.tocsin.index.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Query;

/**
 * Remembers the facet counts of one segment for one query, so that a dashboard that asks the same
 * question again only counts the segments that changed since (Elasticsearch's request cache, per
 * segment). The key is the segment reader's cache key, which changes whenever the segment's live
 * documents change (a newer version of a post turns the old one's latest mark off), so a hit is
 * always exact. Only segments with few distinct values are kept, and at most {@link #MAX_ENTRIES}
 * entries, least recently used dropped first. Thread-safe.
 */
public final class FacetCache {

  /** The most segment results kept. */
  public static final int MAX_ENTRIES = 512;

  /** Segments whose facets have more distinct values than this in all are not cached. */
  public static final long MAX_VALUES_PER_ENTRY = 10_000;

  private final Map<Key, Counts> entries =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Counts> eldest) {
          return size() > MAX_ENTRIES;
        }
      };

  /** Creates an empty cache. */
  public FacetCache() {}

  /** The counts of one segment: hits and, per facet, count by value. */
  record Counts(long hits, List<Map<String, Long>> byFacet) {}

  private record Key(IndexReader.CacheKey segment, Query query, List<Facet> facets) {}

  /** The cached counts of a segment, or {@code null}. */
  Counts get(LeafReaderContext leaf, Query query, List<Facet> facets) {
    Key key = key(leaf, query, facets);
    if (key == null) {
      return null;
    }
    synchronized (entries) {
      return entries.get(key);
    }
  }

  /** Keeps the complete counts of a segment, if it is small enough to keep. */
  void put(LeafReaderContext leaf, Query query, List<Facet> facets, Counts counts) {
    long values = counts.byFacet().stream().mapToLong(Map::size).sum();
    Key key = key(leaf, query, facets);
    if (key == null || values > MAX_VALUES_PER_ENTRY) {
      return;
    }
    synchronized (entries) {
      entries.put(key, counts);
    }
  }

  /** Drops every entry. */
  public void clear() {
    synchronized (entries) {
      entries.clear();
    }
  }

  /** How many segment results are kept now. */
  public int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  private static Key key(LeafReaderContext leaf, Query query, List<Facet> facets) {
    IndexReader.CacheHelper helper = leaf.reader().getReaderCacheHelper();
    return helper == null ? null : new Key(helper.getKey(), query, facets);
  }
}
