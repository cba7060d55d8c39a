package org.tocsin.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.evidence.EvidenceRef;
import org.tocsin.core.post.Post;
import org.tocsin.core.post.PostKey;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.index.SearchRequest.Sort;
import org.tocsin.index.stats.Facet;

/** Every version of an edited post stays findable; the latest is marked and is what get sees. */
class VersionsTest {

  @TempDir Path dir;

  static final ScoredPost ORIGINAL = TestPosts.byId("1720000000000000001");
  static final PostKey KEY = ORIGINAL.post().key();

  /** The same post, edited upstream and captured again under a later ledger seq. */
  static ScoredPost edited(long seq, String text) {
    Post p = ORIGINAL.post();
    Post e =
        new Post(
            p.platform(),
            p.id(),
            p.url(),
            p.author(),
            p.createdAt(),
            text,
            p.lang(),
            null,
            null,
            null,
            p.links(),
            p.hashtags(),
            p.mentions(),
            p.media(),
            p.metrics(),
            Instant.parse("2024-03-01T10:00:00Z").plusSeconds(seq),
            p.extra());
    EvidenceRef ref =
        new EvidenceRef(seq, TestPosts.sha256(text), Instant.parse("2024-03-05T00:00:00Z"));
    return new ScoredPost(e, ORIGINAL.score(), ref);
  }

  @Test
  void latestPostsReadsTheLatestVersionOfEveryPostInLedgerOrder() throws Exception {
    ScoredPost v2 = edited(40, "They are not refugees. Stop the boats now. #StopTheBoats");
    try (PostIndex index = PostIndex.open(dir)) {
      assertThat(index.latestPosts()).isEmpty();
      index.add(TestPosts.all(), StatsCorpus.campaignsByKey(TestPosts.all()));
      index.commit(30);
      index.add(List.of(v2));
      index.commit(40);
      List<ScoredPost> latest = index.latestPosts();
      assertThat(latest).hasSize(30).contains(v2).doesNotContain(ORIGINAL);
      assertThat(latest.get(latest.size() - 1)).isEqualTo(v2);
      List<Long> seqs = latest.stream().map(sp -> sp.evidence().seq()).toList();
      assertThat(seqs).isSorted();
      List<ScoredPost> expected = new ArrayList<>();
      for (ScoredPost sp : TestPosts.all()) {
        expected.add(sp.post().key().equals(KEY) ? v2 : sp);
      }
      assertThat(latest).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void editedPostKeepsEveryVersionAndMarksTheLatest() throws Exception {
    ScoredPost v2 = edited(40, "They are not refugees. Stop the boats now. #StopTheBoats");
    try (PostIndex index = PostIndex.open(dir)) {
      index.add(TestPosts.all(), StatsCorpus.campaignsByKey(TestPosts.all()));
      index.commit(30);
      index.add(List.of(v2));
      index.commit(40);
      assertThat(index.count()).isEqualTo(30);
      assertThat(index.get(KEY)).contains(v2);
      assertThat(index.versions(KEY)).containsExactly(ORIGINAL, v2);
      // The old text is found only when asking for every version.
      assertThat(index.search(SearchRequest.of("\"push them back\"")).totalHits()).isZero();
      SearchFilters all = SearchFilters.builder().allVersions(true).build();
      assertThat(index.search(SearchRequest.of("\"push them back\"", all, Sort.NEWEST, 10)).hits())
          .singleElement()
          .satisfies(h -> assertThat(h.post()).isEqualTo(ORIGINAL));
      assertThat(index.search(SearchRequest.of("boats now")).hits())
          .singleElement()
          .satisfies(h -> assertThat(h.post()).isEqualTo(v2));
      // Facets count the post once; the demoted version kept its campaign.
      assertThat(index.facets("", SearchFilters.NONE, List.of(Facet.PLATFORM), 10).totalHits())
          .isEqualTo(30);
      SearchFilters boats = all.toBuilder().campaigns(StatsCorpus.BOATS).build();
      assertThat(
              StatsCorpus.hitIds(
                  index.search(SearchRequest.of("id:1720000000000000001", boats, Sort.NEWEST, 10))))
          .containsExactly("1720000000000000001");
    }
  }

  @Test
  void replayingTheSameRecordsIsIdempotent() throws Exception {
    ScoredPost v2 = edited(40, "Edited once");
    ScoredPost v3 = edited(41, "Edited twice");
    try (PostIndex index = PostIndex.open(dir)) {
      index.add(List.of(ORIGINAL, v2, v3));
      index.commit(41);
      index.add(List.of(ORIGINAL, v2, v3, v3));
      index.add(List.of(v2));
      index.commit(41);
      assertThat(index.versions(KEY)).containsExactly(ORIGINAL, v2, v3);
      assertThat(index.get(KEY)).contains(v3);
      assertThat(index.count()).isEqualTo(1);
      SearchFilters all = SearchFilters.builder().allVersions(true).build();
      assertThat(index.search(SearchRequest.of("", all, Sort.NEWEST, 10)).totalHits()).isEqualTo(3);
    }
  }

  @Test
  void anOlderVersionAddedLateDoesNotBecomeTheLatest() throws Exception {
    ScoredPost v2 = edited(40, "Edited once");
    try (PostIndex index = PostIndex.open(dir)) {
      index.add(List.of(v2));
      index.commit(40);
      index.add(List.of(ORIGINAL), Map.of());
      index.refresh();
      assertThat(index.get(KEY)).contains(v2);
      assertThat(index.versions(KEY)).containsExactly(ORIGINAL, v2);
      assertThat(index.count()).isEqualTo(1);
    }
  }

  @Test
  void versionsSurviveReopen() throws IOException {
    ScoredPost v2 = edited(40, "Edited once");
    try (PostIndex index = PostIndex.open(dir)) {
      index.add(List.of(ORIGINAL));
      index.commit(1);
    }
    try (PostIndex index = PostIndex.open(dir)) {
      index.add(List.of(v2));
      index.commit(40);
    }
    try (PostIndex index = PostIndex.open(dir)) {
      assertThat(index.get(KEY)).contains(v2);
      assertThat(index.versions(KEY)).containsExactly(ORIGINAL, v2);
      assertThat(index.versions(new PostKey("twitter", "none"))).isEmpty();
    }
  }

  @Test
  void severalVersionsOfOneKeyInOneBatch() throws Exception {
    ScoredPost v2 = edited(40, "Edited once");
    ScoredPost v3 = edited(41, "Edited twice");
    try (PostIndex index = PostIndex.open(dir)) {
      index.add(List.of(v3, ORIGINAL, v2));
      index.commit(41);
      assertThat(index.get(KEY)).contains(v3);
      assertThat(index.versions(KEY)).containsExactly(ORIGINAL, v2, v3);
      assertThat(index.count()).isEqualTo(1);
      SearchFilters all = SearchFilters.builder().allVersions(true).build();
      assertThat(index.search(SearchRequest.of("", all, Sort.NEWEST, 10)).totalHits()).isEqualTo(3);
    }
  }

  @Test
  void aBatchDemotesTheCommittedLatestAndKeepsItsCampaign() throws Exception {
    ScoredPost v2 = edited(40, "Edited once");
    ScoredPost v3 = edited(41, "Edited twice");
    ScoredPost other = TestPosts.byId("109876543210");
    try (PostIndex index = PostIndex.open(dir)) {
      index.add(List.of(ORIGINAL, other), Map.of(KEY, List.of("camp-1")));
      index.commit(2);
      index.add(List.of(v2, other, v3));
      index.commit(41);
      assertThat(index.get(KEY)).contains(v3);
      assertThat(index.get(other.post().key())).contains(other);
      assertThat(index.versions(KEY)).containsExactly(ORIGINAL, v2, v3);
      assertThat(index.count()).isEqualTo(2);
      SearchFilters camp = SearchFilters.builder().allVersions(true).campaigns("camp-1").build();
      assertThat(index.search(SearchRequest.of("", camp, Sort.NEWEST, 10)).hits())
          .singleElement()
          .satisfies(h -> assertThat(h.post()).isEqualTo(ORIGINAL));
    }
  }

  @Test
  void versionsAddedInBatchesBeforeARefreshSeeEachOther() throws Exception {
    ScoredPost v2 = edited(40, "Edited once");
    ScoredPost v3 = edited(41, "Edited twice");
    try (PostIndex index = PostIndex.open(dir)) {
      index.add(List.of(ORIGINAL));
      index.add(List.of(v3));
      index.add(List.of(v2));
      index.commit(41);
      assertThat(index.get(KEY)).contains(v3);
      assertThat(index.versions(KEY)).containsExactly(ORIGINAL, v2, v3);
      assertThat(index.count()).isEqualTo(1);
    }
  }

  @Test
  void replayBeforeAnyRefreshLeavesOneDocumentPerVersion() throws Exception {
    List<ScoredPost> posts = TestPosts.all();
    List<ScoredPost> twice = new ArrayList<>(posts);
    twice.addAll(posts);
    try (PostIndex index = PostIndex.open(dir)) {
      index.add(twice);
      index.add(posts);
      index.commit(30);
      SearchFilters all = SearchFilters.builder().allVersions(true).build();
      assertThat(index.search(SearchRequest.of("", all, Sort.NEWEST, 10)).totalHits())
          .isEqualTo(30);
      assertThat(index.count()).isEqualTo(30);
    }
  }
}
