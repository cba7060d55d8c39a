package org.tocsin.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.post.Post;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.index.PostIndex;
import org.tocsin.index.SearchRequest;
import org.tocsin.node.config.TocsinConfig;
import org.tocsin.testkit.RealPosts;
import org.tocsin.testkit.TestNodes;

class IndexRebuildTest {
  @TempDir Path dir;

  @Test
  void rebuildsWhileServingTakesTheTailAndSwapsWithoutAFailedSearch() throws Exception {
    List<Post> posts = RealPosts.sample();
    int half = posts.size() / 2;
    Path first = TestNodes.writeJsonl(dir.resolve("a.jsonl"), posts.subList(0, half));
    Path second = TestNodes.writeJsonl(dir.resolve("b.jsonl"), posts.subList(half, posts.size()));
    try (TocsinNode node = TocsinNode.open(dir.resolve("data"), TocsinConfig.defaults())) {
      node.importer().importFile(first, ImportListener.NONE);
      PostIndex index = node.index();
      CompletableFuture<IndexRebuild.Status> done = node.rebuild().start();
      // searches keep being answered, and ingest goes on, while the rebuild runs
      AtomicInteger searches = new AtomicInteger();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread searcher =
          new Thread(
              () -> {
                try {
                  while (!done.isDone() || searches.get() < 5) {
                    assertThat(index.search(SearchRequest.of("")).totalHits()).isPositive();
                    searches.incrementAndGet();
                  }
                } catch (Throwable t) {
                  failure.set(t);
                }
              });
      searcher.start();
      node.importer().importFile(second, ImportListener.NONE);
      IndexRebuild.Status status = done.join();
      searcher.join();
      assertThat(failure.get()).isNull();
      assertThat(status.phase()).as(status.error()).isEqualTo(IndexRebuild.Phase.DONE);
      assertThat(node.rebuild().status().phase()).isEqualTo(IndexRebuild.Phase.DONE);
      // the new index holds everything the ledger holds, the tail taken during the rebuild too
      node.indexer().catchUp();
      node.indexer().flush();
      assertThat(index.lastIndexedSeq()).isEqualTo(node.ledger().lastSeq());
      assertThat(index.count()).isEqualTo(distinctKeys(posts));
      for (Post p : List.of(posts.get(0), posts.get(posts.size() - 1))) {
        ScoredPost found = index.get(p.key()).orElseThrow();
        assertThat(found.post()).isEqualTo(p);
      }
      assertThat(dir.resolve("data/index.rebuild")).doesNotExist();
      assertThat(dir.resolve("data/index.complete")).doesNotExist();
      assertThat(dir.resolve("data/index.old")).doesNotExist();
    }
    // and it is the index a restart opens: no post needs indexing again (the records a close
    // appends, tree heads and custody, hold none)
    try (TocsinNode node = TocsinNode.open(dir.resolve("data"), TocsinConfig.defaults())) {
      assertThat(node.startupCatchUp().postsIndexed()).isZero();
      assertThat(node.index().count()).isEqualTo(distinctKeys(posts));
    }
  }

  @Test
  void aRebuildStoppedMidwayLeavesTheOldIndexAndARestartAgreesWithTheLedger() throws Exception {
    List<Post> posts = RealPosts.sample();
    Path file = TestNodes.writeJsonl(dir.resolve("a.jsonl"), posts);
    try (TocsinNode node = TocsinNode.open(dir.resolve("data"), TocsinConfig.defaults())) {
      node.importer().importFile(file, ImportListener.NONE);
      node.indexer().flush();
      // while the node's indexer is held, the rebuild cannot reach its swap
      node.indexer()
          .exclusive(
              () -> {
                node.rebuild().start();
                assertThat(node.rebuild().status().running()).isTrue();
                // a second rebuild is refused while one runs
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> node.rebuild().start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("running");
              });
      // closing the node stops the rebuild (or waits for its swap if it got that far)
    }
    try (TocsinNode node = TocsinNode.open(dir.resolve("data"), TocsinConfig.defaults())) {
      assertThat(dir.resolve("data/index.rebuild")).doesNotExist();
      assertThat(node.index().lastIndexedSeq()).isEqualTo(node.ledger().lastSeq());
      assertThat(node.index().count()).isEqualTo(distinctKeys(posts));
    }
  }

  @Test
  void aRebuildKilledMidwayIsDeletedAtStartAndTheOldIndexServes() throws Exception {
    List<Post> posts = RealPosts.sample();
    Path file = TestNodes.writeJsonl(dir.resolve("a.jsonl"), posts);
    Path data = dir.resolve("data");
    ScoredPost one;
    try (TocsinNode node = TocsinNode.open(data, TocsinConfig.defaults())) {
      node.importer().importFile(file, ImportListener.NONE);
      one = node.index().get(posts.get(0).key()).orElseThrow();
    }
    // what a process killed mid-rebuild leaves: a half-built index beside the old one
    try (PostIndex partial = PostIndex.open(data.resolve("index.rebuild"))) {
      partial.add(List.of(one));
      partial.commit(one.evidence().seq());
    }
    try (TocsinNode node = TocsinNode.open(data, TocsinConfig.defaults())) {
      assertThat(data.resolve("index.rebuild")).doesNotExist();
      assertThat(node.startupCatchUp().postsIndexed()).isZero();
      assertThat(node.index().lastIndexedSeq()).isEqualTo(node.ledger().lastSeq());
      assertThat(node.index().count()).isEqualTo(distinctKeys(posts));
    }
  }

  private static long distinctKeys(List<Post> posts) {
    return posts.stream().map(Post::key).distinct().count();
  }
}
