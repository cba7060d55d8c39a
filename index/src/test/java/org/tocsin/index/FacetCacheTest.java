package org.tocsin.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.post.Post;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.index.stats.Facet;
import org.tocsin.index.stats.FacetResult;
import org.tocsin.index.stats.FacetValue;

/** Facet counts kept per segment are only reused while the segment is unchanged. */
class FacetCacheTest {
  @TempDir Path dir;

  @Test
  void aRepeatedQuestionGivesTheSameCountsAndANewVersionChangesThem() throws Exception {
    List<ScoredPost> all = TestPosts.all();
    try (PostIndex index = PostIndex.open(dir)) {
      index.add(all);
      index.commit(all.size());
      List<Facet> dims = List.of(Facet.PLATFORM, Facet.LANGUAGE, Facet.LABEL);
      FacetResult first = index.facets("", SearchFilters.NONE, dims, 50);
      FacetResult again = index.facets("", SearchFilters.NONE, dims, 50);
      assertThat(again.totalHits()).isEqualTo(first.totalHits()).isEqualTo(all.size());
      assertThat(again.facets()).isEqualTo(first.facets());
      // a new version of a post in another language: the old segment's latest marks change, so
      // its cached counts must not be used
      Post p = all.get(0).post();
      String lang = "xx".equals(p.lang()) ? "yy" : "xx";
      Post edited =
          new Post(
              p.platform(),
              p.id(),
              p.url(),
              p.author(),
              p.createdAt(),
              p.text(),
              lang,
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
      index.add(List.of(TestPosts.scored(edited, all.size() + 1, "b".repeat(64))));
      index.refresh();
      FacetResult changed = index.facets("", SearchFilters.NONE, dims, 50);
      assertThat(changed.totalHits()).isEqualTo(all.size());
      List<FacetValue> langs = changed.facets().get(1).top();
      assertThat(langs).contains(new FacetValue(lang, 1));
      long before =
          first.facets().get(1).top().stream()
              .filter(v -> v.value().equals(p.lang()))
              .mapToLong(FacetValue::count)
              .sum();
      long now =
          langs.stream().filter(v -> v.value().equals(p.lang())).mapToLong(FacetValue::count).sum();
      assertThat(now).isEqualTo(before - 1);
    }
  }
}
