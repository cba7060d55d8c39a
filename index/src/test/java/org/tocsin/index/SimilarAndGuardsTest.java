package org.tocsin.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.post.Post;
import org.tocsin.core.post.PostKey;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.index.query.PostQueries;
import org.tocsin.index.stats.Facet;

/** "More like this", and the guards against expensive queries. */
class SimilarAndGuardsTest {

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
  void moreLikeThisFindsTheNearDuplicateFirstAndNotThePostItself() throws Exception {
    ScoredPost original = TestPosts.byId("1720000000000000001");
    SearchResult r = index.moreLikeThis(original.post().key(), SearchFilters.NONE, 5).orElseThrow();
    List<String> ids = StatsCorpus.hitIds(r);
    assertThat(ids).first().isEqualTo("1720000000000000010");
    assertThat(ids).doesNotContain("1720000000000000001");
    assertThat(index.moreLikeThis(new PostKey("twitter", "none"), SearchFilters.NONE, 5)).isEmpty();
    SearchFilters notTwitter = SearchFilters.builder().platforms("gab").build();
    assertThat(index.moreLikeThis(original.post().key(), notTwitter, 5).orElseThrow().hits())
        .allSatisfy(h -> assertThat(h.post().post().platform()).isEqualTo("gab"));
  }

  @Test
  void wildcardMatchingTooManyTermsIsRefused(@TempDir Path big) throws Exception {
    List<ScoredPost> posts = new ArrayList<>();
    Post p = TestPosts.byId("1720000000000000002").post();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i <= PostQueries.MAX_EXPANSIONS; i++) {
      text.append("zq").append(i).append(' ');
      if (i % 1000 == 999) {
        posts.add(
            TestPosts.scored(copy(p, "w" + i, text.toString()), i + 1, TestPosts.sha256("w" + i)));
        text.setLength(0);
      }
    }
    posts.add(TestPosts.scored(copy(p, "last", text.toString()), 99_999, TestPosts.sha256("l")));
    try (PostIndex many = PostIndex.open(big)) {
      many.add(posts);
      many.commit(99_999);
      assertThatThrownBy(() -> many.search(SearchRequest.of("zq*")))
          .isInstanceOf(InvalidQueryException.class)
          .hasMessageContaining("matches more than " + PostQueries.MAX_EXPANSIONS);
      assertThatThrownBy(() -> many.facets("zq*", SearchFilters.NONE, List.of(Facet.LABEL), 5))
          .isInstanceOf(InvalidQueryException.class);
      assertThat(many.search(SearchRequest.of("zq99*")).totalHits()).isEqualTo(2);
    }
  }

  @Test
  void searchesPastTheirTimeLimitFailClearly(@TempDir Path slow) throws Exception {
    try (PostIndex index = PostIndex.open(slow, Duration.ofNanos(1))) {
      index.add(TestPosts.all());
      index.commit(30);
      assertThatThrownBy(() -> index.search(SearchRequest.of("refugees")))
          .isInstanceOf(SearchTimeoutException.class)
          .hasMessageContaining("longer than its limit");
      assertThatThrownBy(() -> index.facets("", SearchFilters.NONE, List.of(Facet.TARGET), 5))
          .isInstanceOf(SearchTimeoutException.class);
    }
  }

  private static Post copy(Post p, String id, String text) {
    return new Post(
        p.platform(),
        id,
        null,
        p.author(),
        p.createdAt(),
        text,
        p.lang(),
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
  }
}
