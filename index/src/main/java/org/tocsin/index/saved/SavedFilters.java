package org.tocsin.index.saved;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tocsin.index.ScoreField;
import org.tocsin.index.ScoreRange;
import org.tocsin.index.SearchFilters;

/**
 * The {@link SearchFilters} of a saved search in a JSON-friendly form: times as ISO-8601 strings
 * and scores keyed by their {@link ScoreField#jsonName()}. Convert with {@link #of} and {@link
 * #toSearchFilters()}.
 *
 * @param from the earliest {@code createdAt} included, ISO-8601 ({@code 2024-03-01T00:00:00Z}), or
 *     {@code null}
 * @param to the first {@code createdAt} excluded, ISO-8601, or {@code null}
 * @param platforms platform names
 * @param languages language tags
 * @param targets target groups
 * @param grounds legal grounds of the target groups
 * @param labels labels ({@code hate}, {@code offensive}, {@code normal})
 * @param authors author handles or ids
 * @param campaigns campaign ids
 * @param scores inclusive score ranges by score name ({@code hate}, {@code incitement} ...)
 * @param allVersions whether older versions of edited posts match too
 */
public record SavedFilters(
    String from,
    String to,
    List<String> platforms,
    List<String> languages,
    List<String> targets,
    List<String> grounds,
    List<String> labels,
    List<String> authors,
    List<String> campaigns,
    Map<String, ScoreRange> scores,
    boolean allVersions) {

  /** No filter. */
  public static final SavedFilters NONE = of(SearchFilters.NONE);

  /**
   * Checks the filters by converting them, and copies the lists and map.
   *
   * @throws IllegalArgumentException if a time is not ISO-8601, a score name is unknown, or the
   *     filters break a bound of {@link SearchFilters}; the message names the field
   */
  public SavedFilters {
    platforms = copy("platforms", platforms);
    languages = copy("languages", languages);
    targets = copy("targets", targets);
    grounds = copy("grounds", grounds);
    labels = copy("labels", labels);
    authors = copy("authors", authors);
    campaigns = copy("campaigns", campaigns);
    Map<String, ScoreRange> ranges = new TreeMap<>();
    if (scores != null) {
      scores.forEach(
          (k, v) -> {
            if (k == null || v == null) {
              throw new IllegalArgumentException(
                  "filters.scores must not hold null names or ranges [got " + k + "=" + v + "]");
            }
            ranges.put(k, v);
          });
    }
    scores = Collections.unmodifiableMap(ranges);
    toSearchFilters(
        from,
        to,
        platforms,
        languages,
        targets,
        grounds,
        labels,
        authors,
        campaigns,
        scores,
        allVersions);
  }

  /** The JSON-friendly form of search filters. */
  public static SavedFilters of(SearchFilters f) {
    Map<String, ScoreRange> scores = new TreeMap<>();
    f.scores().forEach((k, v) -> scores.put(k.jsonName(), v));
    return new SavedFilters(
        f.from() == null ? null : f.from().toString(),
        f.to() == null ? null : f.to().toString(),
        f.platforms(),
        f.languages(),
        f.targets(),
        f.grounds(),
        f.labels(),
        f.authors(),
        f.campaigns(),
        scores,
        f.allVersions());
  }

  /** The search filters these stand for. */
  public SearchFilters toSearchFilters() {
    return toSearchFilters(
        from,
        to,
        platforms,
        languages,
        targets,
        grounds,
        labels,
        authors,
        campaigns,
        scores,
        allVersions);
  }

  private static SearchFilters toSearchFilters(
      String from,
      String to,
      List<String> platforms,
      List<String> languages,
      List<String> targets,
      List<String> grounds,
      List<String> labels,
      List<String> authors,
      List<String> campaigns,
      Map<String, ScoreRange> scores,
      boolean allVersions) {
    Map<ScoreField, ScoreRange> ranges = new EnumMap<>(ScoreField.class);
    scores.forEach((name, range) -> ranges.put(scoreField(name), range));
    try {
      return new SearchFilters(
          instant("filters.from", from),
          instant("filters.to", to),
          platforms,
          languages,
          targets,
          grounds,
          labels,
          authors,
          campaigns,
          ranges,
          allVersions);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("filters: " + e.getMessage(), e);
    }
  }

  private static ScoreField scoreField(String name) {
    for (ScoreField f : ScoreField.values()) {
      if (f.jsonName().equals(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "filters.scores: unknown score, expected one of hate, offensive, incitement,"
            + " dehumanization [got "
            + name
            + "]");
  }

  private static Instant instant(String field, String value) {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          field + " must be an ISO-8601 instant such as 2024-03-01T00:00:00Z [got " + value + "]",
          e);
    }
  }

  private static List<String> copy(String name, List<String> values) {
    if (values == null) {
      return List.of();
    }
    for (String v : values) {
      if (v == null) {
        throw new IllegalArgumentException("filters." + name + " must not hold null values");
      }
    }
    return List.copyOf(values);
  }
}
