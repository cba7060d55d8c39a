package org.tocsin.index.saved;

import java.time.Instant;
import java.util.regex.Pattern;
import org.tocsin.index.SearchRequest;

/**
 * A named search that an analyst saved to run again: a query in the syntax of {@link
 * org.tocsin.index.PostIndex#search}, its filters and its order. The record checks the bounds of
 * every field; {@link SavedSearchStore#add} also checks that the query parses.
 *
 * @param id the identity, 1 to {@link #MAX_ID_CHARS} of {@code [A-Za-z0-9_-]}
 * @param name a non-blank name for people, at most {@link #MAX_NAME_CHARS} characters
 * @param query the query, at most {@link SearchRequest#MAX_QUERY_CHARS} characters ({@code ""}
 *     matches every post)
 * @param filters the filters, {@link SavedFilters#NONE} for none
 * @param sort the order of the hits
 * @param createdBy who saved it, non-blank, at most {@link #MAX_NAME_CHARS} characters
 * @param createdAt when it was saved
 */
public record SavedSearch(
    String id,
    String name,
    String query,
    SavedFilters filters,
    SearchRequest.Sort sort,
    String createdBy,
    Instant createdAt) {

  /** The longest id, in characters. */
  public static final int MAX_ID_CHARS = 64;

  /** The longest name or creator, in characters. */
  public static final int MAX_NAME_CHARS = 200;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_ID_CHARS + "}");

  /**
   * Checks every field.
   *
   * @throws IllegalArgumentException if a field is missing or out of bounds; the message names the
   *     field and the bad value
   */
  public SavedSearch {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "id must be 1 to " + MAX_ID_CHARS + " of [A-Za-z0-9_-] [got " + quoted(id) + "]");
    }
    name = text("name", name);
    if (query == null || query.length() > SearchRequest.MAX_QUERY_CHARS) {
      throw new IllegalArgumentException(
          "query must be present and at most "
              + SearchRequest.MAX_QUERY_CHARS
              + " characters [got "
              + (query == null ? "null" : query.length() + " characters")
              + "]");
    }
    if (filters == null) {
      throw new IllegalArgumentException("filters must be present [got null]");
    }
    if (sort == null) {
      throw new IllegalArgumentException("sort must be present [got null]");
    }
    createdBy = text("createdBy", createdBy);
    if (createdAt == null) {
      throw new IllegalArgumentException("createdAt must be present [got null]");
    }
  }

  /** The search request that runs this saved search: its first page of {@code limit} hits. */
  public SearchRequest request(int limit) {
    return SearchRequest.of(query, filters.toSearchFilters(), sort, limit);
  }

  private static String text(String field, String value) {
    if (value == null || value.isBlank() || value.strip().length() > MAX_NAME_CHARS) {
      throw new IllegalArgumentException(
          field
              + " must be non-blank and at most "
              + MAX_NAME_CHARS
              + " characters [got "
              + (value == null ? "null" : value.strip().length() + " characters")
              + "]");
    }
    return value.strip();
  }

  private static String quoted(String s) {
    return s == null ? "null" : "\"" + (s.length() > 80 ? s.substring(0, 80) + "..." : s) + "\"";
  }
}
