package org.tocsin.nlp.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.Score;
import org.tocsin.nlp.baseline.LexiconScorer;

class ParallelScorerTest {
  static final LexiconScorer LEXICON = LexiconScorer.loadDefault();

  static List<Post> posts(int n) {
    List<Post> out = new ArrayList<>();
    String[] texts = {
      "they are vermin and should be exterminated",
      "what a lovely day at the beach",
      "kill all of them tonight",
      "Die Flüchtlinge sind Ungeziefer",
    };
    for (int i = 0; i < n; i++) {
      out.add(
          Post.ofText(
              "t",
              "p" + i,
              new Author("a", null, null, null, null),
              Instant.EPOCH,
              texts[i % texts.length] + " " + i,
              i % 4 == 3 ? "de" : "en"));
    }
    return out;
  }

  @Test
  void aBatchIsScoredOnSeveralThreadsInOrderWithTheSameScores() {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    ParallelScorer p =
        new ParallelScorer(
            LEXICON,
            post -> {
              threads.add(Thread.currentThread().getName());
              return LEXICON.score(post);
            },
            2,
            ParallelScorer.MIN_PARALLEL_BATCH,
            "test-score-");
    List<Post> in = posts(2_000);
    List<Score> out = p.scoreAll(in);
    assertThat(out).hasSize(in.size());
    for (int i = 0; i < in.size(); i++) {
      assertThat(out.get(i)).isEqualTo(LEXICON.score(in.get(i)));
    }
    assertThat(threads).anyMatch(t -> t.startsWith("test-score-"));
    assertThat(threads).hasSizeGreaterThanOrEqualTo(2);
    assertThat(p.model()).isEqualTo(LEXICON.model());
  }

  @Test
  void smallBatchesStayOnTheCallingThread() {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    ParallelScorer p =
        new ParallelScorer(
            LEXICON,
            post -> {
              threads.add(Thread.currentThread().getName());
              return LEXICON.score(post);
            },
            4,
            ParallelScorer.MIN_PARALLEL_BATCH,
            "test-score-");
    assertThat(p.scoreAll(posts(10))).hasSize(10);
    assertThat(p.scoreAll(List.of())).isEmpty();
    assertThat(threads).containsExactly(Thread.currentThread().getName());
  }

  @Test
  void aWorkerFailureIsReportedAndBadThreadCountsAreRefused() {
    ParallelScorer p =
        new ParallelScorer(
            LEXICON,
            post -> {
              if (post.id().equals("p700")) {
                throw new IllegalStateException("boom");
              }
              return LEXICON.score(post);
            },
            2,
            8,
            "test-score-");
    assertThatThrownBy(() -> p.scoreAll(posts(1_000))).hasStackTraceContaining("boom");
    assertThatThrownBy(() -> new ParallelScorer(LEXICON, 0)).hasMessageContaining("threads");
  }
}
