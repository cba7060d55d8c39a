package org.tocsin.index;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Structured filters of a search, facet count or histogram: they narrow the posts without changing
 * their relevance. Within one list any value matches (OR); across lists and ranges every filter
 * must match (AND). An empty list or a {@code null} bound does not filter.
 *
 * <p>Keyword values are matched as the query syntax matches them: platform, language, target group,
 * ground and label ignore case; authors match a handle (case and a leading {@code @} ignored) or an
 * author id (exact); campaign ids are exact. Build instances with {@link #builder()}.
 *
 * @param from the earliest {@code createdAt} included, or {@code null}
 * @param to the first {@code createdAt} excluded (the range is {@code [from, to)}), or {@code null}
 * @param platforms platform names
 * @param languages language tags
 * @param targets target groups
 * @param grounds legal grounds of the target groups ({@code religious}, {@code ethnic} ...)
 * @param labels the most likely label: {@code hate}, {@code offensive} or {@code normal}
 * @param authors author handles or author ids
 * @param campaigns campaign ids
 * @param scores inclusive ranges of scores
 * @param allVersions whether older versions of edited posts match too; by default only the latest
 *     version of every post does
 */
public record SearchFilters(
    Instant from,
    Instant to,
    List<String> platforms,
    List<String> languages,
    List<String> targets,
    List<String> grounds,
    List<String> labels,
    List<String> authors,
    List<String> campaigns,
    Map<ScoreField, ScoreRange> scores,
    boolean allVersions) {

  /** The most values one list may hold. */
  public static final int MAX_VALUES = 100;

  /** The longest value accepted, in characters. */
  public static final int MAX_VALUE_CHARS = 512;

  /** No filter: the latest version of every post. */
  public static final SearchFilters NONE = builder().build();

  /**
   * Checks the bounds; sorts and de-duplicates the lists so that equal filters are equal records.
   *
   * @throws IllegalArgumentException if {@code from} is not before {@code to}, a list holds more
   *     than {@link #MAX_VALUES} values, or a value is blank or longer than {@link
   *     #MAX_VALUE_CHARS}
   */
  public SearchFilters {
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException(
          "from must be before to [got from " + from + ", to " + to + "]");
    }
    platforms = values("platforms", platforms);
    languages = values("languages", languages);
    targets = values("targets", targets);
    grounds = values("grounds", grounds);
    labels = values("labels", labels);
    authors = values("authors", authors);
    campaigns = values("campaigns", campaigns);
    EnumMap<ScoreField, ScoreRange> s = new EnumMap<>(ScoreField.class);
    if (scores != null) {
      scores.forEach(
          (k, v) -> s.put(Objects.requireNonNull(k, "score"), Objects.requireNonNull(v, "range")));
    }
    scores = Collections.unmodifiableMap(s);
  }

  /** A builder with no filters. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from these filters. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.from = from;
    b.to = to;
    b.platforms = platforms;
    b.languages = languages;
    b.targets = targets;
    b.grounds = grounds;
    b.labels = labels;
    b.authors = authors;
    b.campaigns = campaigns;
    b.scores.putAll(scores);
    b.allVersions = allVersions;
    return b;
  }

  private static List<String> values(String name, List<String> in) {
    if (in == null || in.isEmpty()) {
      return List.of();
    }
    TreeSet<String> out = new TreeSet<>();
    for (String v : in) {
      if (v == null || v.isBlank() || v.length() > MAX_VALUE_CHARS) {
        throw new IllegalArgumentException(
            name
                + " values must be non-blank and at most "
                + MAX_VALUE_CHARS
                + " characters [got "
                + (v == null ? "null" : v.length() + " characters")
                + "]");
      }
      out.add(v.strip());
    }
    if (out.size() > MAX_VALUES) {
      throw new IllegalArgumentException(
          name + " may hold at most " + MAX_VALUES + " values [got " + out.size() + "]");
    }
    return List.copyOf(out);
  }

  /** Builds {@link SearchFilters}; every setter replaces the previous value. */
  public static final class Builder {
    private Instant from;
    private Instant to;
    private List<String> platforms = List.of();
    private List<String> languages = List.of();
    private List<String> targets = List.of();
    private List<String> grounds = List.of();
    private List<String> labels = List.of();
    private List<String> authors = List.of();
    private List<String> campaigns = List.of();
    private final Map<ScoreField, ScoreRange> scores = new EnumMap<>(ScoreField.class);
    private boolean allVersions;

    private Builder() {}

    /** Posts written at or after {@code from}; {@code null} for no lower bound. */
    public Builder from(Instant from) {
      this.from = from;
      return this;
    }

    /** Posts written before {@code to}; {@code null} for no upper bound. */
    public Builder to(Instant to) {
      this.to = to;
      return this;
    }

    /** Posts on any of these platforms. */
    public Builder platforms(String... values) {
      this.platforms = Arrays.asList(values);
      return this;
    }

    /** Posts in any of these languages. */
    public Builder languages(String... values) {
      this.languages = Arrays.asList(values);
      return this;
    }

    /** Posts aimed at any of these target groups. */
    public Builder targets(String... values) {
      this.targets = Arrays.asList(values);
      return this;
    }

    /** Posts aimed at a group protected on any of these grounds. */
    public Builder grounds(String... values) {
      this.grounds = Arrays.asList(values);
      return this;
    }

    /** Posts whose most likely label is any of these. */
    public Builder labels(String... values) {
      this.labels = Arrays.asList(values);
      return this;
    }

    /** Posts by any of these authors (handles or author ids). */
    public Builder authors(String... values) {
      this.authors = Arrays.asList(values);
      return this;
    }

    /** Posts by any of these authors (handles or author ids). */
    public Builder authors(Collection<String> values) {
      this.authors = List.copyOf(values);
      return this;
    }

    /** Posts found in any of these campaigns. */
    public Builder campaigns(String... values) {
      this.campaigns = Arrays.asList(values);
      return this;
    }

    /** Posts whose score lies in a range; replaces an earlier range of the same score. */
    public Builder score(ScoreField score, ScoreRange range) {
      scores.put(Objects.requireNonNull(score, "score"), Objects.requireNonNull(range, "range"));
      return this;
    }

    /** Whether older versions of edited posts match too. */
    public Builder allVersions(boolean allVersions) {
      this.allVersions = allVersions;
      return this;
    }

    /**
     * Builds the filters.
     *
     * @throws IllegalArgumentException as {@link SearchFilters#SearchFilters} does
     */
    public SearchFilters build() {
      return new SearchFilters(
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
  }
}
