package org.tocsin.api.http;

import java.io.IOException;
import java.time.Instant;
import org.tocsin.index.InvalidQueryException;
import org.tocsin.index.PostIndex;
import org.tocsin.index.SearchFilters;
import org.tocsin.index.SearchRequest;
import org.tocsin.index.SearchResult;

/**
 * The time range a dashboard chart covers when the caller gives none: from the oldest to the newest
 * post that matches the query and filters, so that "show me the volume" needs no guess of dates.
 */
final class DataRange {
  private DataRange() {}

  /**
   * The filters with a missing {@code from} set to the oldest matching post's time and a missing
   * {@code to} just after the newest one's.
   *
   * @return the filled filters, or null if no post matches
   * @throws InvalidQueryException if the query is invalid
   * @throws IOException if the index cannot be read
   */
  static SearchFilters fill(PostIndex index, String query, SearchFilters given)
      throws IOException, InvalidQueryException {
    SearchFilters.Builder b = given.toBuilder();
    if (given.from() == null) {
      Instant oldest = edge(index, query, given, SearchRequest.Sort.OLDEST);
      if (oldest == null) {
        return null;
      }
      b.from(oldest);
    }
    if (given.to() == null) {
      Instant newest = edge(index, query, given, SearchRequest.Sort.NEWEST);
      if (newest == null) {
        return null;
      }
      b.to(newest.plusMillis(1)); // to is excluded
    }
    return b.build();
  }

  private static Instant edge(
      PostIndex index, String query, SearchFilters filters, SearchRequest.Sort sort)
      throws IOException, InvalidQueryException {
    // one hit is all it takes: count no further than it
    SearchResult r =
        index.search(SearchRequest.of(query, filters, sort, 1).withTotalHitsThreshold(1));
    return r.hits().isEmpty() ? null : r.hits().get(0).post().post().createdAt();
  }
}
