package org.tocsin.index.saved;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.index.ScoreField;
import org.tocsin.index.ScoreRange;
import org.tocsin.index.SearchFilters;
import org.tocsin.index.SearchRequest;

/** Saved searches survive a reopen, are validated field by field, and are written atomically. */
class SavedSearchStoreTest {

  @TempDir Path dir;

  static final Instant AT = Instant.parse("2024-03-05T10:00:00Z");

  static final SearchFilters FILTERS =
      SearchFilters.builder()
          .from(Instant.parse("2024-03-01T00:00:00Z"))
          .to(Instant.parse("2024-04-01T00:00:00Z"))
          .platforms("twitter", "gab")
          .targets("refugee")
          .campaigns("c-boats")
          .score(ScoreField.INCITEMENT, ScoreRange.atLeast(0.8))
          .allVersions(true)
          .build();

  static SavedSearch boats(String id) {
    return new SavedSearch(
        id,
        "Boats, March",
        "\"push them back\" OR #StopTheBoats",
        SavedFilters.of(FILTERS),
        SearchRequest.Sort.NEWEST,
        "analyst-1",
        AT);
  }

  @Test
  void addListGetDeleteSurviveReopen() throws IOException {
    SavedSearch plain =
        new SavedSearch(
            "all", "Everything", "", SavedFilters.NONE, SearchRequest.Sort.RELEVANCE, "a", AT);
    SavedSearchStore store = SavedSearchStore.open(dir);
    assertThat(store.list()).isEmpty();
    store.add(boats("boats"));
    store.add(plain);
    SavedSearchStore reopened = SavedSearchStore.open(dir);
    assertThat(reopened.list()).containsExactly(boats("boats"), plain);
    assertThat(reopened.get("boats")).contains(boats("boats"));
    assertThat(reopened.get("boats").orElseThrow().filters().toSearchFilters()).isEqualTo(FILTERS);
    assertThat(reopened.get("boats").orElseThrow().request(20))
        .isEqualTo(
            SearchRequest.of(
                "\"push them back\" OR #StopTheBoats", FILTERS, SearchRequest.Sort.NEWEST, 20));
    assertThat(reopened.delete("boats")).isTrue();
    assertThat(reopened.delete("boats")).isFalse();
    assertThat(SavedSearchStore.open(dir).list()).containsExactly(plain);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(dir.resolve(SavedSearchStore.FILE_NAME));
    }
  }

  @Test
  void refusesAQueryThatDoesNotParseAndATakenId() throws IOException {
    SavedSearchStore store = SavedSearchStore.open(dir);
    SavedSearch bad =
        new SavedSearch(
            "bad", "Bad", "text:(unclosed", SavedFilters.NONE, SearchRequest.Sort.NEWEST, "a", AT);
    assertThatThrownBy(() -> store.add(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("query does not parse");
    SavedSearch wildcard =
        new SavedSearch("w", "W", "*oats", SavedFilters.NONE, SearchRequest.Sort.NEWEST, "a", AT);
    assertThatThrownBy(() -> store.add(wildcard)).hasMessageStartingWith("query does not parse");
    store.add(boats("boats"));
    assertThatThrownBy(() -> store.add(boats("boats")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id is already taken");
    assertThat(SavedSearchStore.open(dir).list()).containsExactly(boats("boats"));
  }

  @Test
  void validationNamesTheField() {
    SavedFilters none = SavedFilters.NONE;
    SearchRequest.Sort newest = SearchRequest.Sort.NEWEST;
    assertThatThrownBy(() -> new SavedSearch("a b", "n", "", none, newest, "a", AT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("id ");
    assertThatThrownBy(() -> new SavedSearch("a", " ", "", none, newest, "a", AT))
        .hasMessageStartingWith("name ");
    assertThatThrownBy(() -> new SavedSearch("a", "n", null, none, newest, "a", AT))
        .hasMessageStartingWith("query ");
    assertThatThrownBy(() -> new SavedSearch("a", "n", "", null, newest, "a", AT))
        .hasMessageStartingWith("filters ");
    assertThatThrownBy(() -> new SavedSearch("a", "n", "", none, null, "a", AT))
        .hasMessageStartingWith("sort ");
    assertThatThrownBy(() -> new SavedSearch("a", "n", "", none, newest, null, AT))
        .hasMessageStartingWith("createdBy ");
    assertThatThrownBy(() -> new SavedSearch("a", "n", "", none, newest, "a", null))
        .hasMessageStartingWith("createdAt ");
    List<String> empty = List.of();
    assertThatThrownBy(
            () ->
                new SavedFilters(
                    "yesterday",
                    null,
                    empty,
                    empty,
                    empty,
                    empty,
                    empty,
                    empty,
                    empty,
                    Map.of(),
                    false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("filters.from");
    assertThatThrownBy(
            () ->
                new SavedFilters(
                    null,
                    null,
                    empty,
                    empty,
                    empty,
                    empty,
                    empty,
                    empty,
                    empty,
                    Map.of("rage", ScoreRange.ALL),
                    false))
        .hasMessageContaining("filters.scores")
        .hasMessageContaining("rage");
    assertThatThrownBy(
            () ->
                new SavedFilters(
                    "2024-04-01T00:00:00Z",
                    "2024-03-01T00:00:00Z",
                    empty,
                    empty,
                    empty,
                    empty,
                    empty,
                    empty,
                    empty,
                    Map.of(),
                    false))
        .hasMessageStartingWith("filters: from must be before to");
  }

  @Test
  void refusesAFileOfAnotherFormatNamingIt() throws IOException {
    Files.writeString(
        dir.resolve(SavedSearchStore.FILE_NAME),
        "{\"format\":\"other\",\"version\":1,\"searches\":[]}",
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> SavedSearchStore.open(dir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(SavedSearchStore.FILE_NAME);
    Files.writeString(
        dir.resolve(SavedSearchStore.FILE_NAME),
        "{\"format\":\"tocsin-saved-searches\",\"version\":1,\"searches\":[{\"id\":\"x\"}]}",
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> SavedSearchStore.open(dir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("saved search 0 is invalid: name ");
  }
}
