package org.tocsin.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.post.Post;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.core.score.PostScorer;
import org.tocsin.core.score.Score;
import org.tocsin.evidence.capture.CaptureCodec;
import org.tocsin.evidence.custody.CustodyEventType;
import org.tocsin.evidence.custody.CustodyRecord;
import org.tocsin.node.config.TocsinConfig;
import org.tocsin.testkit.RealPosts;
import org.tocsin.testkit.TestNodes;

/**
 * The indexer scores a batch while it indexes the one before: every post must still get its own
 * score and evidence, in ledger order, and an edit whose earlier version sits in a batch not yet
 * indexed must still be recorded as edited upstream.
 */
class PipelinedIndexingTest {
  @TempDir Path dir;

  @Test
  void smallBatchesKeepEveryPostWithItsOwnScoreSeqAndEdits() throws Exception {
    List<Post> real = RealPosts.sample();
    List<Post> posts = new ArrayList<>(real);
    // the first post again, edited upstream, right after it: with batches of 3 its earlier
    // version is in the batch being scored while this one is taken
    Post first = real.get(0);
    Post edited =
        new Post(
            first.platform(),
            first.id(),
            first.url(),
            first.author(),
            first.createdAt(),
            first.text() + " (edited)",
            first.lang(),
            first.replyTo(),
            first.repostOf(),
            first.quoteOf(),
            first.links(),
            first.hashtags(),
            first.mentions(),
            first.media(),
            first.metrics(),
            Instant.parse("2026-12-01T00:00:00Z"),
            first.extra());
    posts.add(4, edited);
    Path file = TestNodes.writeJsonl(dir.resolve("posts.jsonl"), posts);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Path conf = dir.resolve("small-batches.json");
    Files.writeString(
        conf,
        "{\"ingest\": {\"batchSize\": 3}, \"nlp\": {\"cascade\": {\"threads\": 2}}}",
        StandardCharsets.UTF_8);
    TocsinConfig config = TocsinConfig.load(conf);
    PostScorer alone = TocsinNode.scorer(config);
    try (TocsinNode node = TocsinNode.open(dir.resolve("data"), config)) {
      ImportReport r = node.importer().importFile(file, ImportListener.NONE);
      assertThat(r.accepted()).isEqualTo(posts.size());
      assertThat(node.indexer().indexedThrough()).isGreaterThanOrEqualTo(posts.size());

      // the latest observation of each key (the sample holds a few posts twice; post 0 is
      // replaced by its edit)
      java.util.Map<org.tocsin.core.post.PostKey, Integer> last = new java.util.HashMap<>();
      for (int i = 0; i < posts.size(); i++) {
        last.put(posts.get(i).key(), i);
      }
      for (int i : last.values()) {
        Post p = posts.get(i);
        ScoredPost indexed = node.index().get(p.key()).orElseThrow();
        assertThat(indexed.post()).isEqualTo(p);
        // the evidence names the capture of this very line (custody records take seqs between
        // the batches, so the seq is looked up, not counted)
        byte[] body =
            CaptureCodec.decode(node.ledger().read(indexed.evidence().seq()).payload()).body();
        assertThat(new String(body, StandardCharsets.UTF_8))
            .as("post %d", i)
            .isEqualTo(lines.get(i));
        Score expected = alone.score(p);
        assertThat(indexed.score().hate()).as("post %d", i).isEqualTo(expected.hate());
        assertThat(indexed.score().incitement()).as("post %d", i).isEqualTo(expected.incitement());
      }
      long editSeq = node.index().get(first.key()).orElseThrow().evidence().seq();
      assertThat(editSeq).isGreaterThan(1);
      List<CustodyRecord> history = node.ledger().custodyHistory(editSeq);
      assertThat(history)
          .anySatisfy(
              c -> {
                assertThat(c.event().type()).isEqualTo(CustodyEventType.EDITED_UPSTREAM);
                assertThat(c.event().subjects()).containsExactly(1L, editSeq);
              });
    }
  }
}
