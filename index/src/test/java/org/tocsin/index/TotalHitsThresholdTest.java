package org.tocsin.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.evidence.EvidenceRef;
import org.tocsin.core.post.Post;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.index.SearchRequest.Sort;

/** Counting hits only up to a threshold gives the same page and a lower bound past it. */
class TotalHitsThresholdTest {

  @TempDir Path dir;

  static final int POSTS = 5_000;

  /** The fixture posts cycled with fresh ids and times, one second apart. */
  static List<ScoredPost> many() {
    List<ScoredPost> base = TestPosts.all();
    List<ScoredPost> out = new ArrayList<>(POSTS);
    for (int i = 0; i < POSTS; i++) {
      ScoredPost b = base.get(i % base.size());
      Post p = b.post();
      Post q =
          new Post(
              p.platform(),
              p.id() + "-" + i,
              p.url(),
              p.author(),
              p.createdAt().plusSeconds(i),
              p.text(),
              p.lang(),
              p.replyTo(),
              p.repostOf(),
              p.quoteOf(),
              p.links(),
              p.hashtags(),
              p.mentions(),
              p.media(),
              p.metrics(),
              p.edited(),
              p.extra());
      EvidenceRef e = b.evidence();
      out.add(new ScoredPost(q, b.score(), new EvidenceRef(i + 1L, e.sha256(), e.capturedAt())));
    }
    return out;
  }

  @Test
  void exactByDefaultAndALowerBoundPastTheThreshold() throws Exception {
    try (PostIndex index = PostIndex.open(dir)) {
      index.add(many());
      index.commit(POSTS);
      SearchRequest exact = SearchRequest.of("", SearchFilters.NONE, Sort.NEWEST, 10);
      SearchResult all = index.search(exact);
      assertThat(all.totalHits()).isEqualTo(POSTS);
      assertThat(all.totalHitsExact()).isTrue();
      SearchResult bounded = index.search(exact.withTotalHitsThreshold(100));
      assertThat(bounded.hits()).isEqualTo(all.hits());
      assertThat(bounded.totalHits()).isBetween(100L, (long) POSTS);
      assertThat(bounded.totalHitsExact()).isFalse();
      // Below the threshold the count stays exact.
      SearchResult few =
          index.search(SearchRequest.of("id:1720000000000000001-0").withTotalHitsThreshold(100));
      assertThat(few.totalHits()).isEqualTo(1);
      assertThat(few.totalHitsExact()).isTrue();
    }
  }

  @Test
  void refusesAThresholdBelowOne() {
    assertThatThrownBy(() -> SearchRequest.of("x").withTotalHitsThreshold(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("totalHitsThreshold");
  }
}
