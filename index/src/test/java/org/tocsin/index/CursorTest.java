package org.tocsin.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tocsin.index.SearchRequest.Sort;

/** Deep paging with cursors: the same hits as offset paging, and no cursor but our own. */
class CursorTest {

  @TempDir static Path dir;
  @TempDir static Path otherDir;
  static PostIndex index;

  @BeforeAll
  static void indexTheCorpus() throws IOException {
    index = StatsCorpus.open(dir);
  }

  @AfterAll
  static void close() throws IOException {
    index.close();
  }

  @ParameterizedTest
  @EnumSource(Sort.class)
  void cursorPagingEqualsOffsetPaging(Sort sort) throws Exception {
    for (String q : List.of("", "refugees OR invaders OR migrants OR the")) {
      SearchFilters f = SearchFilters.NONE;
      List<String> byOffset = new ArrayList<>();
      for (int offset = 0; offset < 40; offset += 7) {
        byOffset.addAll(StatsCorpus.hitIds(index.search(new SearchRequest(q, offset, 7, sort))));
      }
      List<String> byCursor = new ArrayList<>();
      SearchRequest req = SearchRequest.of(q, f, sort, 7);
      int pages = 0;
      while (true) {
        SearchResult r = index.search(req);
        byCursor.addAll(StatsCorpus.hitIds(r));
        pages++;
        if (r.nextCursor() == null) {
          break;
        }
        req = req.withCursor(r.nextCursor());
      }
      assertThat(byCursor).isEqualTo(byOffset).doesNotHaveDuplicates();
      assertThat(pages).isEqualTo(byOffset.size() / 7 + 1);
    }
  }

  @Test
  void lastPartialPageHasNoCursor() throws Exception {
    SearchResult r = index.search(SearchRequest.of("invaders", SearchFilters.NONE, Sort.NEWEST, 5));
    assertThat(r.hits()).hasSize(3);
    assertThat(r.nextCursor()).isNull();
  }

  @Test
  void garbageCursorIsRefused() throws Exception {
    SearchRequest first = SearchRequest.of("", SearchFilters.NONE, Sort.NEWEST, 5);
    String cursor = index.search(first).nextCursor();
    assertThat(cursor).isNotNull();
    for (String bad :
        List.of(
            "garbage",
            "!!not base64!!",
            "",
            cursor.substring(0, cursor.length() - 2),
            cursor + "AA",
            flipOneBit(cursor))) {
      assertThatThrownBy(() -> index.search(first.withCursor(bad)))
          .as(bad)
          .isInstanceOf(InvalidQueryException.class)
          .hasMessageContaining("cursor is not valid");
    }
  }

  @Test
  void cursorOfAnotherSearchIsRefused() throws Exception {
    SearchRequest first = SearchRequest.of("", SearchFilters.NONE, Sort.NEWEST, 5);
    String cursor = index.search(first).nextCursor();
    SearchRequest other =
        SearchRequest.of("", SearchFilters.builder().platforms("gab").build(), Sort.NEWEST, 5);
    assertThatThrownBy(() -> index.search(other.withCursor(cursor)))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("belongs to another search");
    SearchRequest oldest = SearchRequest.of("", SearchFilters.NONE, Sort.OLDEST, 5);
    assertThatThrownBy(() -> index.search(oldest.withCursor(cursor)))
        .isInstanceOf(InvalidQueryException.class);
  }

  @Test
  void cursorOfAnotherIndexIsRefusedAndOwnCursorSurvivesReopen() throws Exception {
    SearchRequest first = SearchRequest.of("", SearchFilters.NONE, Sort.NEWEST, 5);
    String cursor = index.search(first).nextCursor();
    try (PostIndex other = StatsCorpus.open(otherDir)) {
      assertThatThrownBy(() -> other.search(first.withCursor(cursor)))
          .isInstanceOf(InvalidQueryException.class)
          .hasMessageContaining("cursor is not valid");
      String otherCursor = other.search(first).nextCursor();
      other.close();
      try (PostIndex reopened = PostIndex.open(otherDir)) {
        assertThat(reopened.search(first.withCursor(otherCursor)).hits()).hasSize(5);
      }
    }
  }

  @Test
  void cursorWithOffsetIsRefused() {
    assertThatThrownBy(() -> new SearchRequest("", 5, 5, Sort.NEWEST, SearchFilters.NONE, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[got 5]");
  }

  private static String flipOneBit(String cursor) {
    byte[] raw = Base64.getUrlDecoder().decode(cursor);
    raw[raw.length / 2] ^= 1;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }
}
