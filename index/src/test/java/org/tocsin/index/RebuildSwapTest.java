package org.tocsin.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.post.ScoredPost;

/** A rebuilt index takes the place of a live one while it serves, and crashes leave one index. */
class RebuildSwapTest {
  @TempDir Path dir;

  @Test
  void theRebuildReplacesTheLiveIndexWhileSearchesRun() throws Exception {
    List<ScoredPost> all = TestPosts.all();
    List<ScoredPost> firstHalf = all.subList(0, all.size() / 2);
    Path live = dir.resolve("index");
    try (PostIndex index = PostIndex.open(live)) {
      index.add(firstHalf);
      index.commit(firstHalf.size());
      try (PostIndex rebuilt = PostIndex.open(index.rebuildDir())) {
        rebuilt.add(all);
        rebuilt.commit(all.size());
      }
      AtomicBoolean swapped = new AtomicBoolean();
      AtomicInteger after = new AtomicInteger();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread searcher =
          new Thread(
              () -> {
                try {
                  while (after.get() < 20) {
                    boolean was = swapped.get();
                    long hits = index.search(SearchRequest.of("")).totalHits();
                    assertThat(hits).isIn((long) firstHalf.size(), (long) all.size());
                    if (was) {
                      assertThat(hits).isEqualTo(all.size());
                      after.incrementAndGet();
                    }
                  }
                } catch (Throwable t) {
                  failure.set(t);
                  after.set(Integer.MAX_VALUE);
                }
              });
      searcher.start();
      index.replaceWithRebuilt();
      swapped.set(true);
      searcher.join();
      assertThat(failure.get()).isNull();
      assertThat(index.lastIndexedSeq()).isEqualTo(all.size());
      assertThat(index.count()).isEqualTo(all.size());
      // the swapped-in index takes writes and commits as the old one did
      index.add(List.of(TestPosts.scored(all.get(0).post(), all.size() + 1, "a".repeat(64))));
      index.commit(all.size() + 1);
      assertThat(index.versions(all.get(0).post().key())).hasSize(2);
      assertThat(index.rebuildDir()).doesNotExist();
      assertThat(live.resolveSibling("index.complete")).doesNotExist();
      assertThat(live.resolveSibling("index.old")).doesNotExist();
    }
    try (PostIndex reopened = PostIndex.open(live)) {
      assertThat(reopened.lastIndexedSeq()).isEqualTo(all.size() + 1);
      assertThat(reopened.count()).isEqualTo(all.size());
    }
  }

  @Test
  void aRebuildBehindTheLiveIndexIsRefusedAndTheLiveOneServesOn() throws Exception {
    List<ScoredPost> all = TestPosts.all();
    try (PostIndex index = PostIndex.open(dir.resolve("index"))) {
      index.add(all);
      index.commit(all.size());
      try (PostIndex rebuilt = PostIndex.open(index.rebuildDir())) {
        rebuilt.add(all.subList(0, 3));
        rebuilt.commit(3);
      }
      assertThatThrownBy(index::replaceWithRebuilt)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("holds ledger seq 3");
      assertThat(index.count()).isEqualTo(all.size());
    }
  }

  @Test
  void anUnfinishedRebuildIsDeletedOnOpen() throws Exception {
    List<ScoredPost> all = TestPosts.all();
    Path live = dir.resolve("index");
    try (PostIndex index = PostIndex.open(live)) {
      index.add(all);
      index.commit(all.size());
    }
    try (PostIndex partial = PostIndex.open(live.resolveSibling("index.rebuild"))) {
      partial.add(all.subList(0, 2));
      partial.commit(2);
    }
    try (PostIndex index = PostIndex.open(live)) {
      assertThat(live.resolveSibling("index.rebuild")).doesNotExist();
      assertThat(index.count()).isEqualTo(all.size());
    }
  }

  @Test
  void aCompleteRebuildInterruptedBeforeOrDuringTheSwapIsPutInPlaceOnOpen() throws Exception {
    List<ScoredPost> all = TestPosts.all();
    // crash after the rebuild was marked complete, before the old index moved
    Path live = dir.resolve("a").resolve("index");
    buildOld(live, all.subList(0, 2));
    buildComplete(live, all);
    try (PostIndex index = PostIndex.open(live)) {
      assertThat(index.count()).isEqualTo(all.size());
    }
    assertThat(live.resolveSibling("index.complete")).doesNotExist();
    // crash between the two renames: no index, the old one aside, the complete one waiting
    Path live2 = dir.resolve("b").resolve("index");
    buildOld(live2, all.subList(0, 2));
    buildComplete(live2, all);
    Files.move(live2, live2.resolveSibling("index.old"), StandardCopyOption.ATOMIC_MOVE);
    try (PostIndex index = PostIndex.open(live2)) {
      assertThat(index.count()).isEqualTo(all.size());
      assertThat(index.lastIndexedSeq()).isEqualTo(all.size());
    }
    assertThat(live2.resolveSibling("index.old")).doesNotExist();
    assertThat(live2.resolveSibling("index.complete")).doesNotExist();
  }

  private static void buildOld(Path live, List<ScoredPost> posts) throws Exception {
    try (PostIndex index = PostIndex.open(live)) {
      index.add(posts);
      index.commit(posts.size());
    }
  }

  private static void buildComplete(Path live, List<ScoredPost> posts) throws Exception {
    Path building = live.resolveSibling("index.rebuild");
    try (PostIndex rebuilt = PostIndex.open(building)) {
      rebuilt.add(posts);
      rebuilt.commit(posts.size());
    }
    Files.move(building, live.resolveSibling("index.complete"), StandardCopyOption.ATOMIC_MOVE);
  }
}
