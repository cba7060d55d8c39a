package org.tocsin.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.post.Post;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.core.score.TargetScore;
import org.tocsin.index.stats.Facet;
import org.tocsin.index.stats.FacetCounts;
import org.tocsin.index.stats.FacetResult;
import org.tocsin.index.stats.FacetValue;
import org.tocsin.testkit.RealPosts;

/**
 * Facet counts of all posts, counted afresh (no cache) and again (cached), agree with a naive count
 * over the posts themselves: on the real sample plus the fixture, in several segments, with edited
 * posts whose older versions must not be counted (and must be, over all versions).
 */
class FacetCountsTest {
  @TempDir Path dir;

  private static final List<Facet> DIMS =
      List.of(Facet.TARGET, Facet.LANGUAGE, Facet.PLATFORM, Facet.LABEL);

  @Test
  void countsOfAllPostsMatchANaiveCountWithEditedVersions() throws Exception {
    List<ScoredPost> versions = new ArrayList<>();
    long seq = 0;
    for (Post p : RealPosts.sample()) {
      versions.add(TestPosts.scored(p, ++seq, TestPosts.sha256(p.key() + "@" + seq)));
    }
    for (ScoredPost sp : TestPosts.all()) {
      versions.add(TestPosts.scored(sp.post(), ++seq, sp.evidence().sha256()));
    }
    try (PostIndex index = PostIndex.open(dir)) {
      // Three clean segments first.
      int third = versions.size() / 3;
      for (int from = 0; from < versions.size(); from += third) {
        List<ScoredPost> batch = versions.subList(from, Math.min(versions.size(), from + third));
        index.add(batch);
        index.commit(batch.get(batch.size() - 1).evidence().seq());
      }
      check(index, versions);
      // Edit every seventh post (a new language, platform-keeping), some twice, in a new segment.
      List<ScoredPost> edits = new ArrayList<>();
      for (int i = 0; i < versions.size(); i += 7) {
        Post p = versions.get(i).post();
        edits.add(TestPosts.scored(withLang(p, "xx"), ++seq, TestPosts.sha256("e" + seq)));
        if (i % 21 == 0) {
          edits.add(TestPosts.scored(withLang(p, "yy"), ++seq, TestPosts.sha256("e" + seq)));
        }
      }
      index.add(edits);
      index.commit(seq);
      versions.addAll(edits);
      check(index, versions);
    }
  }

  private static void check(PostIndex index, List<ScoredPost> versions) throws Exception {
    Map<String, ScoredPost> latest = new LinkedHashMap<>();
    for (ScoredPost sp : versions) {
      latest.merge(
          sp.post().key().toString(),
          sp,
          (a, b) -> a.evidence().seq() >= b.evidence().seq() ? a : b);
    }
    SearchFilters every = SearchFilters.builder().allVersions(true).build();
    for (int round = 0; round < 2; round++) {
      // Round 0 counts afresh, round 1 takes the cached segment counts.
      if (round == 0) {
        index.clearCaches();
      }
      expect(index.facets("", SearchFilters.NONE, DIMS, 500), latest.values());
      expect(index.facets("", every, DIMS, 500), versions);
      expect(index.facets("*:*", SearchFilters.NONE, DIMS, 500), latest.values());
    }
  }

  private static void expect(FacetResult r, java.util.Collection<ScoredPost> posts) {
    assertThat(r.totalHits()).isEqualTo(posts.size());
    List<Function<ScoredPost, Set<String>>> values =
        List.of(
            sp -> {
              Set<String> groups = new LinkedHashSet<>();
              for (TargetScore t : sp.score().targets()) {
                groups.add(t.group());
              }
              return groups;
            },
            sp -> Set.of(sp.post().lang()),
            sp -> Set.of(sp.post().platform()),
            sp -> Set.of(sp.score().label()));
    for (int i = 0; i < DIMS.size(); i++) {
      Map<String, Long> naive = new HashMap<>();
      for (ScoredPost sp : posts) {
        for (String v : values.get(i).apply(sp)) {
          naive.merge(v.toLowerCase(java.util.Locale.ROOT), 1L, Long::sum);
        }
      }
      FacetCounts counts = r.facets().get(i);
      Map<String, Long> got = new HashMap<>();
      for (FacetValue v : counts.top()) {
        got.put(v.value(), v.count());
      }
      assertThat(got).as("facet %s", DIMS.get(i)).isEqualTo(naive);
    }
  }

  private static Post withLang(Post p, String lang) {
    return new Post(
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
  }
}
