package org.tocsin.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.post.ScoredPost;

/** Searches from many threads while one thread adds and commits. */
class ConcurrentSearchTest {

  @TempDir Path dir;

  @Test
  void readersSeeConsistentCommitsWhileTheWriterWorks() throws Exception {
    List<ScoredPost> posts = TestPosts.all();
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    try (PostIndex index = PostIndex.open(dir)) {
      CountDownLatch start = new CountDownLatch(1);
      List<Thread> readers = new ArrayList<>();
      for (int r = 0; r < 4; r++) {
        Thread t =
            new Thread(
                () -> {
                  try {
                    start.await();
                    long last = 0;
                    for (int i = 0; i < 200; i++) {
                      SearchResult all = index.search(SearchRequest.of(""));
                      assertThat(all.totalHits()).isGreaterThanOrEqualTo(last);
                      last = all.totalHits();
                      index.search(SearchRequest.of("invaders OR refugees"));
                      index.get(posts.get(i % posts.size()).post().key());
                    }
                  } catch (Throwable e) {
                    failures.add(e);
                  }
                },
                "index-reader-" + r);
        t.start();
        readers.add(t);
      }
      start.countDown();
      for (int i = 0; i < posts.size(); i++) {
        index.add(List.of(posts.get(i)));
        index.commit(i + 1);
      }
      for (Thread t : readers) {
        t.join();
      }
      assertThat(failures).isEmpty();
      assertThat(index.count()).isEqualTo(posts.size());
      assertThat(index.lastIndexedSeq()).isEqualTo(posts.size());
    }
  }
}
