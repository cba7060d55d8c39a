package org.tocsin.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.index.SearchRequest.Sort;
import org.tocsin.index.stats.Facet;
import org.tocsin.index.stats.FacetCounts;
import org.tocsin.index.stats.FacetResult;
import org.tocsin.index.stats.FacetValue;
import org.tocsin.index.stats.Histogram;
import org.tocsin.index.stats.Interval;

/** Facet counts and histograms, checked against counts made from the posts themselves. */
class StatsTest {

  static final Instant MAR_1 = Instant.parse("2024-03-01T00:00:00Z");
  static final Instant MAR_3 = Instant.parse("2024-03-03T00:00:00Z");

  @TempDir static Path dir;
  static PostIndex index;

  @BeforeAll
  static void indexTheCorpus() throws IOException {
    index = StatsCorpus.open(dir);
  }

  @AfterAll
  static void close() throws IOException {
    index.close();
  }

  @Test
  void facetCountsEqualBruteForceCounts() throws Exception {
    List<Facet> all = Arrays.asList(Facet.values());
    assertFacets("", SearchFilters.NONE, all, sp -> true);
    SearchFilters hateful = SearchFilters.builder().labels("hate").build();
    assertFacets("", hateful, all, sp -> sp.score().label().equals("hate"));
    Instant mar2 = Instant.parse("2024-03-02T00:00:00Z");
    SearchFilters day2 = SearchFilters.builder().from(mar2).to(MAR_3).build();
    List<String> textHits = hitIds("refugees OR invaders OR the");
    assertFacets(
        "refugees OR invaders OR the",
        day2,
        all,
        sp -> StatsCorpus.inRange(sp, mar2, MAR_3) && textHits.contains(sp.post().id()));
  }

  @Test
  void facetTopNIsMostFrequentFirstThenByValue() throws Exception {
    FacetResult r = index.facets("", SearchFilters.NONE, List.of(Facet.TARGET), 2);
    FacetCounts targets = r.get(Facet.TARGET).orElseThrow();
    assertThat(targets.top())
        .containsExactly(new FacetValue("refugee", 6), new FacetValue("migrant", 4));
    assertThat(targets.distinctValues()).isEqualTo(7);
    assertThatThrownBy(() -> index.facets("", SearchFilters.NONE, List.of(Facet.TARGET), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[got 0]");
    assertThatThrownBy(() -> index.facets("", SearchFilters.NONE, List.of(), 5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void histogramBucketsSumToTheHitCountAndRespectUtcDays() throws Exception {
    SearchFilters f =
        SearchFilters.builder().from(Instant.parse("2024-02-28T13:00:00Z")).to(MAR_3).build();
    Histogram h = index.histogram("", f, Interval.DAY, null);
    assertThat(h.from()).isEqualTo(Instant.parse("2024-02-28T00:00:00Z"));
    assertThat(h.to()).isEqualTo(MAR_3);
    assertThat(h.buckets())
        .extracting(Histogram.Bucket::start)
        .containsExactly(
            Instant.parse("2024-02-28T00:00:00Z"),
            Instant.parse("2024-02-29T00:00:00Z"),
            MAR_1,
            Instant.parse("2024-03-02T00:00:00Z"));
    // 14 posts on March 1 (the last at 21:00), 16 on March 2 (the first at 01:10).
    assertThat(h.buckets()).extracting(Histogram.Bucket::count).containsExactly(0L, 0L, 14L, 16L);
    long hits = index.search(SearchRequest.of("", f, Sort.NEWEST, 1)).totalHits();
    assertThat(h.totalHits()).isEqualTo(hits).isEqualTo(30);
    assertThat(h.buckets().stream().mapToLong(Histogram.Bucket::count).sum()).isEqualTo(hits);
  }

  @Test
  void hourlyHistogramWithQueryAndFiltersSumsToTheHits() throws Exception {
    SearchFilters f =
        SearchFilters.builder()
            .from(MAR_1)
            .to(MAR_3)
            .score(ScoreField.HATE, ScoreRange.atLeast(0.5))
            .build();
    Histogram h = index.histogram("-platform:gab", f, Interval.HOUR, null);
    assertThat(h.buckets()).hasSize(48);
    long hits = index.search(SearchRequest.of("-platform:gab", f, Sort.NEWEST, 1)).totalHits();
    assertThat(h.buckets().stream().mapToLong(Histogram.Bucket::count).sum()).isEqualTo(hits);
    assertThat(h.buckets().get(8).count()).isEqualTo(1); // 08:15, Border_Watch_UK
    assertThat(h.buckets().get(8 + 24).count()).isZero(); // 08:45 on March 2 has hate 0.30
    assertThat(h.buckets().get(9 + 24).count()).isEqualTo(1); // 09:00 on March 2, hate 0.55
  }

  @Test
  void histogramSplitByTargetGroupHasOneSeriesPerGroup() throws Exception {
    SearchFilters f = SearchFilters.builder().from(MAR_1).to(MAR_3).build();
    Histogram h = index.histogram("", f, Interval.DAY, org.tocsin.index.stats.Facet.TARGET);
    Map<String, Long> totals = new HashMap<>();
    h.series().forEach(s -> totals.put(s.value(), s.total()));
    Map<String, Long> expected = new HashMap<>();
    for (ScoredPost sp : TestPosts.all()) {
      StatsCorpus.values(sp, "target").forEach(v -> expected.merge(v, 1L, Long::sum));
    }
    assertThat(totals).isEqualTo(expected);
    Histogram.Series refugee =
        h.series().stream().filter(s -> s.value().equals("refugee")).findFirst().orElseThrow();
    assertThat(h.series().get(0)).isEqualTo(refugee);
    assertThat(refugee.counts()).containsExactly(1L, 5L);
    Histogram byLang = index.histogram("", f, Interval.DAY, Facet.LANGUAGE);
    assertThat(byLang.series().get(0).value()).isEqualTo("en");
  }

  @Test
  void histogramRefusesTooManyBucketsNamingTheNumbers() {
    SearchFilters f =
        SearchFilters.builder()
            .from(Instant.parse("2020-01-01T00:00:00Z"))
            .to(Instant.parse("2021-03-01T00:00:00Z"))
            .build();
    assertThatThrownBy(() -> index.histogram("", f, Interval.HOUR, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 10000 buckets")
        .hasMessageContaining("[got 10200 HOUR buckets");
    assertThatThrownBy(() -> index.histogram("", SearchFilters.NONE, Interval.DAY, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("time range");
    SearchFilters ok = SearchFilters.builder().from(MAR_1).to(MAR_3).build();
    assertThatThrownBy(() -> index.histogram("", ok, Interval.DAY, Facet.AUTHOR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[got author]");
  }

  @Test
  void facetNamesParse() {
    assertThat(Facet.fromName("Targets")).contains(Facet.TARGET);
    assertThat(Facet.fromName("lang")).contains(Facet.LANGUAGE);
    assertThat(Facet.fromName("nope")).isEmpty();
  }

  private static void assertFacets(
      String query, SearchFilters f, List<Facet> facets, Predicate<ScoredPost> matches)
      throws Exception {
    FacetResult r = index.facets(query, f, facets, 1000);
    long expectedHits = TestPosts.all().stream().filter(matches).count();
    assertThat(expectedHits).isPositive();
    assertThat(r.totalHits()).isEqualTo(expectedHits);
    for (Facet facet : facets) {
      Map<String, Long> expected = new HashMap<>();
      TestPosts.all().stream()
          .filter(matches)
          .forEach(
              sp ->
                  StatsCorpus.values(sp, facet.name().toLowerCase(Locale.ROOT))
                      .forEach(v -> expected.merge(v, 1L, Long::sum)));
      Map<String, Long> actual = new HashMap<>();
      r.get(facet).orElseThrow().top().forEach(v -> actual.put(v.value(), v.count()));
      assertThat(actual).as(facet.name()).isEqualTo(expected);
      assertThat(r.get(facet).orElseThrow().distinctValues()).isEqualTo(expected.size());
    }
  }

  private static List<String> hitIds(String query) throws Exception {
    return StatsCorpus.hitIds(
        index.search(SearchRequest.of(query, SearchFilters.NONE, Sort.NEWEST, 100)));
  }
}
