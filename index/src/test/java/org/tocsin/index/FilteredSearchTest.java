package org.tocsin.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.index.SearchRequest.Sort;

/** Structured filters and score sorts, checked against the posts themselves. */
class FilteredSearchTest {

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
  void timeRangeIsFromInclusiveToExclusive() throws Exception {
    Instant from = Instant.parse("2024-03-01T12:00:00Z");
    Instant to = Instant.parse("2024-03-02T01:10:00Z");
    assertMatches(
        SearchFilters.builder().from(from).to(to).build(), sp -> StatsCorpus.inRange(sp, from, to));
    assertThat(ids(SearchFilters.builder().from(to).build())).contains("3kmx7yq2abc9z");
    assertThat(ids(SearchFilters.builder().to(to).build())).doesNotContain("3kmx7yq2abc9z");
  }

  @Test
  void keywordFiltersIgnoreCaseAndAnyValueMatches() throws Exception {
    assertMatches(
        SearchFilters.builder().platforms("Telegram", "GAB").build(),
        sp -> Set.of("telegram", "gab").contains(sp.post().platform()));
    assertMatches(
        SearchFilters.builder().languages("DE", "fr").build(),
        sp -> Set.of("de", "fr").contains(sp.post().lang()));
    assertMatches(
        SearchFilters.builder().targets("jewish").build(), sp -> StatsCorpus.targets(sp, "jewish"));
    assertMatches(
        SearchFilters.builder().grounds("ethnic").build(),
        sp -> StatsCorpus.values(sp, "ground").contains("ethnic"));
    assertMatches(
        SearchFilters.builder().labels("offensive").build(),
        sp -> sp.score().label().equals("offensive"));
  }

  @Test
  void authorsMatchHandlesOrIds() throws Exception {
    assertMatches(
        SearchFilters.builder().authors("@Border_Watch_UK", "gab-5511").build(),
        sp ->
            sp.post().author().handle().equals("Border_Watch_UK")
                || sp.post().author().id().equals("gab-5511"));
  }

  @Test
  void campaignIdsAreExact() throws Exception {
    assertMatches(
        SearchFilters.builder().campaigns(StatsCorpus.RALLY).build(),
        sp -> StatsCorpus.CAMPAIGNS.getOrDefault(sp.post().id(), List.of()).contains("c-Rally"));
    assertThat(ids(SearchFilters.builder().campaigns("c-rally").build())).isEmpty();
    assertThat(index.search(SearchRequest.of("campaign:c-boats")).totalHits()).isEqualTo(4);
  }

  @Test
  void scoreRangesAreInclusive() throws Exception {
    assertMatches(
        SearchFilters.builder()
            .score(ScoreField.HATE, ScoreRange.atLeast(0.85))
            .score(ScoreField.INCITEMENT, new ScoreRange(0.6, 0.9))
            .build(),
        sp ->
            sp.score().hate() >= 0.85
                && sp.score().incitement() <= 0.9
                && sp.score().incitement() >= 0.6);
    assertMatches(
        SearchFilters.builder().score(ScoreField.DEHUMANIZATION, ScoreRange.atMost(0.1)).build(),
        sp -> sp.score().dehumanization() <= 0.1);
  }

  @Test
  void filtersCombineWithTheQueryAndWithEachOther() throws Exception {
    SearchFilters f =
        SearchFilters.builder()
            .platforms("twitter")
            .targets("refugee")
            .score(ScoreField.OFFENSIVE, ScoreRange.atLeast(0.1))
            .build();
    SearchResult r = index.search(SearchRequest.of("invaders", f, Sort.RELEVANCE, 100));
    assertThat(StatsCorpus.hitIds(r))
        .containsExactlyInAnyOrder("1720000000000000001", "1720000000000000010");
    assertThat(r.hits()).allSatisfy(h -> assertThat(h.highlight()).contains("invaders"));
  }

  @Test
  void filtersDoNotChangeRelevance() throws Exception {
    SearchResult plain = index.search(SearchRequest.of("invaders"));
    SearchResult filtered =
        index.search(
            SearchRequest.of(
                "invaders",
                SearchFilters.builder().platforms("twitter").build(),
                Sort.RELEVANCE,
                20));
    assertThat(filtered.hits()).hasSameSizeAs(plain.hits());
    for (int i = 0; i < plain.hits().size(); i++) {
      assertThat(filtered.hits().get(i).relevance()).isEqualTo(plain.hits().get(i).relevance());
    }
  }

  @Test
  void sortsByEveryScoreHighestFirst() throws Exception {
    assertSortedBy(Sort.HATE, sp -> sp.score().hate());
    assertSortedBy(Sort.OFFENSIVE, sp -> sp.score().offensive());
    assertSortedBy(Sort.INCITEMENT, sp -> sp.score().incitement());
    assertSortedBy(Sort.DEHUMANIZATION, sp -> sp.score().dehumanization());
    SearchResult top = index.search(SearchRequest.of("", SearchFilters.NONE, Sort.INCITEMENT, 1));
    assertThat(StatsCorpus.hitIds(top)).containsExactly("1720000000000000013");
  }

  @Test
  void filtersRefuseTooManyOrBadValues() {
    String[] many = new String[SearchFilters.MAX_VALUES + 1];
    for (int i = 0; i < many.length; i++) {
      many[i] = "p" + i;
    }
    assertThatThrownBy(() -> SearchFilters.builder().platforms(many).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[got 101]");
    assertThatThrownBy(() -> SearchFilters.builder().labels(" ").build())
        .isInstanceOf(IllegalArgumentException.class);
    Instant t = Instant.parse("2024-03-01T00:00:00Z");
    assertThatThrownBy(() -> SearchFilters.builder().from(t).to(t).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("from must be before to");
    assertThatThrownBy(() -> new ScoreRange(0.9, 0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[got 0.9 TO 0.1]");
  }

  private static void assertSortedBy(Sort sort, ToDoubleFunction<ScoredPost> score)
      throws Exception {
    SearchResult r = index.search(SearchRequest.of("", SearchFilters.NONE, sort, 100));
    assertThat(r.hits()).hasSize(30);
    assertThat(r.hits().stream().map(h -> h.post()).toList())
        .isSortedAccordingTo(Comparator.comparingDouble(score).reversed());
  }

  private static void assertMatches(SearchFilters f, Predicate<ScoredPost> expected)
      throws Exception {
    Set<String> want = StatsCorpus.ids(expected);
    assertThat(want).isNotEmpty();
    assertThat(ids(f)).isEqualTo(want);
  }

  private static Set<String> ids(SearchFilters f) throws Exception {
    SearchResult r = index.search(SearchRequest.of("", f, Sort.NEWEST, 100));
    assertThat(r.totalHits()).isEqualTo(r.hits().size());
    return new TreeSet<>(StatsCorpus.hitIds(r));
  }
}
