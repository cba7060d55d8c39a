package org.tocsin.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Post;
import org.tocsin.core.post.PostKey;
import org.tocsin.core.post.ScoredPost;

/** The index's life: commits and their ledger seq, replay, get, count, close and reopen. */
class PostIndexTest {

  @TempDir Path dir;

  @Test
  void newIndexHasSeqZeroAndNoPosts() throws IOException {
    try (PostIndex index = PostIndex.open(dir.resolve("new"))) {
      assertThat(index.lastIndexedSeq()).isZero();
      assertThat(index.count()).isZero();
      assertThat(index.get(new PostKey("twitter", "1"))).isEmpty();
    }
  }

  @Test
  void commitRecordsSeqInUserDataAndItSurvivesReopen() throws IOException {
    List<ScoredPost> posts = TestPosts.all();
    try (PostIndex index = PostIndex.open(dir)) {
      index.add(posts);
      index.commit(posts.size());
      assertThat(index.lastIndexedSeq()).isEqualTo(posts.size());
      assertThat(index.count()).isEqualTo(posts.size());
    }
    try (FSDirectory d = FSDirectory.open(dir)) {
      Map<String, String> userData = SegmentInfos.readLatestCommit(d).getUserData();
      assertThat(userData).containsEntry(PostIndex.LEDGER_SEQ_KEY, "30");
    }
    try (PostIndex index = PostIndex.open(dir)) {
      assertThat(index.lastIndexedSeq()).isEqualTo(30);
      assertThat(index.count()).isEqualTo(30);
    }
  }

  @Test
  void commitWithSmallerSeqIsRejectedAndEqualSeqAccepted() throws IOException {
    try (PostIndex index = PostIndex.open(dir)) {
      index.add(TestPosts.all().subList(0, 3));
      index.commit(3);
      assertThatThrownBy(() -> index.commit(2))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("[got 2]");
      assertThatThrownBy(() -> index.commit(-1)).isInstanceOf(IllegalArgumentException.class);
      index.commit(3);
      assertThat(index.lastIndexedSeq()).isEqualTo(3);
    }
  }

  @Test
  void replayingThePostsLeavesOneDocumentEach() throws IOException {
    List<ScoredPost> posts = TestPosts.all();
    try (PostIndex index = PostIndex.open(dir)) {
      index.add(posts);
      index.commit(30);
      index.add(posts);
      index.add(List.of(posts.get(0), posts.get(0)));
      index.commit(30);
      assertThat(index.count()).isEqualTo(30);
    }
  }

  @Test
  void reAddingAPostReplacesIt() throws IOException, InvalidQueryException {
    ScoredPost first = TestPosts.byId("1720000000000000002");
    Post p = first.post();
    Post edited =
        new Post(
            p.platform(),
            p.id(),
            p.url(),
            p.author(),
            p.createdAt(),
            "Edited: 500 blankets now",
            p.lang(),
            null,
            null,
            null,
            p.links(),
            p.hashtags(),
            p.mentions(),
            p.media(),
            p.metrics(),
            Instant.parse("2024-03-01T10:00:00Z"),
            p.extra());
    ScoredPost second = new ScoredPost(edited, first.score(), first.evidence());
    try (PostIndex index = PostIndex.open(dir)) {
      index.add(List.of(first));
      index.commit(1);
      index.add(List.of(second));
      index.commit(2);
      assertThat(index.count()).isEqualTo(1);
      assertThat(index.get(p.key())).contains(second);
      assertThat(index.search(SearchRequest.of("blankets")).hits())
          .singleElement()
          .satisfies(h -> assertThat(h.post()).isEqualTo(second));
      assertThat(index.search(SearchRequest.of("400")).totalHits()).isZero();
    }
  }

  @Test
  void getReturnsTheScoredPostExactlyAsAdded() throws IOException {
    List<ScoredPost> posts = TestPosts.all();
    try (PostIndex index = PostIndex.open(dir)) {
      index.add(posts);
      index.commit(30);
      for (ScoredPost sp : posts) {
        assertThat(index.get(sp.post().key())).contains(sp);
      }
      assertThat(index.get(new PostKey("twitter", "no-such-id"))).isEmpty();
      assertThat(index.get(new PostKey("mastodon", "1720000000000000001"))).isEmpty();
    }
  }

  @Test
  void addedPostsAreInvisibleUntilRefreshOrCommit() throws IOException {
    try (PostIndex index = PostIndex.open(dir)) {
      index.add(TestPosts.all().subList(0, 5));
      assertThat(index.count()).isZero();
      index.refresh();
      assertThat(index.count()).isEqualTo(5);
      assertThat(index.lastIndexedSeq()).isZero();
    }
  }

  @Test
  void uncommittedPostsAreDroppedOnClose() throws IOException {
    List<ScoredPost> posts = TestPosts.all();
    try (PostIndex index = PostIndex.open(dir)) {
      index.add(posts.subList(0, 10));
      index.commit(10);
      index.add(posts.subList(10, 30));
      index.refresh();
      assertThat(index.count()).isEqualTo(30);
    }
    try (PostIndex index = PostIndex.open(dir)) {
      assertThat(index.lastIndexedSeq()).isEqualTo(10);
      assertThat(index.count()).isEqualTo(10);
    }
  }

  @Test
  void aSecondWriterOnTheSameDirectoryFailsWithIoException() throws IOException {
    try (PostIndex index = PostIndex.open(dir)) {
      assertThatThrownBy(() -> PostIndex.open(dir)).isInstanceOf(IOException.class);
      assertThat(index.count()).isZero();
    }
  }

  @Test
  void closedIndexRefusesWorkAndCloseIsIdempotent() throws IOException {
    PostIndex index = PostIndex.open(dir);
    index.close();
    index.close();
    assertThatThrownBy(index::count).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> index.add(List.of())).isInstanceOf(IllegalStateException.class);
    try (FSDirectory d = FSDirectory.open(dir)) {
      assertThat(DirectoryReader.indexExists(d)).isFalse();
    }
  }

  @Test
  void postThatCouldNotBeReadBackIsRefusedBeforeAnythingIsAdded() throws IOException {
    Post tooLong =
        new Post(
            "twitter",
            "big",
            null,
            new Author("a1", "h", null, null, null),
            Instant.EPOCH,
            "x".repeat(200_000),
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
    ScoredPost bad = TestPosts.scored(tooLong, 1, TestPosts.sha256("big"));
    try (PostIndex index = PostIndex.open(dir)) {
      List<ScoredPost> batch = List.of(TestPosts.all().get(0), bad);
      assertThatThrownBy(() -> index.add(batch))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("twitter/big");
      index.refresh();
      assertThat(index.count()).isZero();
    }
  }
}
