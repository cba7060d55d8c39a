package org.tocsin.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.post.Post;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.index.SearchRequest.Sort;

/** Highlights: plain text from the post with Tocsin's markers around what matched. */
class HighlightTest {

  private static final String S = SearchHit.MARK_START;
  private static final String E = SearchHit.MARK_END;

  @TempDir static Path dir;
  static PostIndex index;

  @BeforeAll
  static void indexTheCorpus() throws IOException {
    index = PostIndex.open(dir);
    index.add(TestPosts.all());
    index.commit(30);
  }

  @AfterAll
  static void close() throws IOException {
    index.close();
  }

  @Test
  void markersAreTheDocumentedCharacters() {
    assertThat(S).isEqualTo("\u0002");
    assertThat(E).isEqualTo("\u0003");
  }

  @Test
  void theQueryTermIsMarkedInTheOriginalText() throws Exception {
    String h = only("id:1720000000000000001 AND invaders");
    assertThat(h).contains(S + "invaders" + E).contains("Every boat");
    assertThat(h).endsWith("…");
    String plain = h.replace(S, "").replace(E, "");
    assertThat(plain.substring(0, plain.length() - 1)).isSubstringOf(text("1720000000000000001"));
  }

  @Test
  void foldedMatchesMarkTheTextAsWritten() throws Exception {
    String h = only("emigre AND platform:mastodon AND lang:fr AND hashtag:réfugiés");
    assertThat(h).contains(S + "émigré" + E);
  }

  @Test
  void phrasesFuzzyAndWildcardsAreMarked() throws Exception {
    assertThat(only("\"push them back\"")).contains(S + "push").contains("back" + E);
    assertThat(only("parasits~1 AND platform:gab AND jews"))
        .contains(S + "parasites" + E)
        .contains(S + "Jews" + E);
    assertThat(only("dehum?nising")).contains(S + "Dehumanising" + E);
  }

  @Test
  void fieldOnlyQueriesHaveNoHighlight() throws Exception {
    SearchResult r = index.search(new SearchRequest("platform:gab", 0, 10, Sort.NEWEST));
    assertThat(r.hits()).hasSize(3).allSatisfy(h -> assertThat(h.highlight()).isNull());
  }

  @Test
  void markersInThePostAreNeutralisedButThePostIsNot() throws Exception {
    var base = TestPosts.byId("1720000000000000002");
    var p = base.post();
    String hostile = "fake " + S + "mark" + E + " around blankets";
    var post =
        new Post(
            p.platform(),
            "marker-1",
            null,
            p.author(),
            p.createdAt(),
            hostile,
            "en",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    var sp = new ScoredPost(post, base.score(), base.evidence());
    index.add(List.of(sp));
    index.refresh();
    SearchHit hit = index.search(SearchRequest.of("id:marker-1 AND blankets")).hits().get(0);
    assertThat(hit.highlight()).isEqualTo("fake \uFFFDmark\uFFFD around " + S + "blankets" + E);
    assertThat(hit.post()).isEqualTo(sp);
  }

  @Test
  void longTextIsCutAroundTheMatch() throws Exception {
    var base = TestPosts.byId("1720000000000000002");
    var p = base.post();
    String text = "calm words ".repeat(500) + "the needle is here " + "more calm ".repeat(500);
    var post =
        new Post(
            p.platform(),
            "long-1",
            null,
            p.author(),
            p.createdAt(),
            text,
            "en",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    index.add(List.of(new ScoredPost(post, base.score(), base.evidence())));
    index.refresh();
    String h = index.search(SearchRequest.of("needle")).hits().get(0).highlight();
    assertThat(h).startsWith("…").endsWith("…").contains(S + "needle" + E);
    assertThat(h.length()).isLessThan(400);
  }

  private static String only(String query) throws IOException, InvalidQueryException {
    SearchResult r = index.search(SearchRequest.of(query));
    assertThat(r.hits()).as("hits of %s", query).hasSize(1);
    return r.hits().get(0).highlight();
  }

  private static String text(String id) {
    return TestPosts.byId(id).post().text();
  }
}
