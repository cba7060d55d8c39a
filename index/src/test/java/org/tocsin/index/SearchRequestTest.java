package org.tocsin.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tocsin.index.SearchRequest.Sort;

/** The bounds of a search request. */
class SearchRequestTest {

  @Test
  void acceptsTheBounds() {
    assertThat(new SearchRequest("", 0, 1, Sort.RELEVANCE).limit()).isEqualTo(1);
    assertThat(new SearchRequest("x".repeat(2000), 10_000, 100, Sort.OLDEST).offset())
        .isEqualTo(10_000);
    assertThat(SearchRequest.of("q")).isEqualTo(new SearchRequest("q", 0, 20, Sort.RELEVANCE));
  }

  @Test
  void refusesValuesOutOfBoundsNamingThem() {
    assertThatThrownBy(() -> new SearchRequest(null, 0, 10, Sort.NEWEST))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[got null]");
    assertThatThrownBy(() -> new SearchRequest("q", -1, 10, Sort.NEWEST))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[got -1]");
    assertThatThrownBy(() -> new SearchRequest("q", 10_001, 10, Sort.NEWEST))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[got 10001]");
    assertThatThrownBy(() -> new SearchRequest("q", 0, 0, Sort.NEWEST))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[got 0]");
    assertThatThrownBy(() -> new SearchRequest("q", 0, 101, Sort.NEWEST))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[got 101]");
    assertThatThrownBy(() -> new SearchRequest("q", 0, 10, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
