package org.tocsin.api.node;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tocsin.core.evidence.Capture;
import org.tocsin.core.evidence.EvidenceRef;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.post.Post;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.core.score.PostScorer;
import org.tocsin.evidence.EvidenceLog;
import org.tocsin.evidence.LedgerRecord;
import org.tocsin.evidence.RecordType;
import org.tocsin.evidence.capture.CaptureCodec;
import org.tocsin.index.PostIndex;

/**
 * Keeps the index a derived view of the ledger: reads every ledger record after the last seq the
 * index holds, parses captures, scores and indexes the posts, and commits the index with the seq of
 * the last record it covers. Run it after every append and at start-up; after a crash it picks up
 * exactly where the last index commit stopped.
 *
 * <p>Only one catch-up runs at a time (calls are serialised); it blocks, so callers keep it off the
 * event loop.
 */
public final class LedgerIndexer {
  private static final Logger LOG = Logger.getLogger(LedgerIndexer.class.getName());

  private final EvidenceLog ledger;
  private final PostIndex index;
  private final PostScorer scorer;
  private final CaptureParsers parsers;
  private final int batchRecords;

  /**
   * Creates the indexer.
   *
   * @param batchRecords ledger records per index commit; larger batches index faster, smaller ones
   *     lose less work to a crash
   */
  public LedgerIndexer(
      EvidenceLog ledger,
      PostIndex index,
      PostScorer scorer,
      CaptureParsers parsers,
      int batchRecords) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.index = Objects.requireNonNull(index, "index");
    this.scorer = Objects.requireNonNull(scorer, "scorer");
    this.parsers = Objects.requireNonNull(parsers, "parsers");
    if (batchRecords < 1) {
      throw new IllegalArgumentException("batchRecords must be >= 1 [got " + batchRecords + "]");
    }
    this.batchRecords = batchRecords;
  }

  /**
   * Indexes every ledger record the index does not hold yet.
   *
   * @throws IOException if the ledger cannot be read or the index cannot be written; the index then
   *     still holds everything up to its last commit, and the next call resumes from there
   */
  public synchronized CatchUpReport catchUp() throws IOException {
    long from = index.lastIndexedSeq() + 1;
    long to = ledger.lastSeq();
    if (from > to) {
      return new CatchUpReport(from, index.lastIndexedSeq(), 0, 0, 0);
    }
    Batch batch = new Batch();
    ledger.scan(
        from,
        record -> {
          if (record.seq() > to) {
            return false;
          }
          batch.take(record);
          if (batch.records >= batchRecords) {
            batch.flush(record.seq());
          }
          return true;
        });
    batch.flush(to);
    return new CatchUpReport(from, to, batch.totalRecords, batch.totalPosts, batch.parseErrors);
  }

  /** One index commit's worth of records. */
  private final class Batch {
    private final List<ScoredPost> posts = new ArrayList<>();
    private int records;
    private long totalRecords;
    private long totalPosts;
    private long parseErrors;

    void take(LedgerRecord record) {
      records++;
      totalRecords++;
      if (record.type() != RecordType.CAPTURE) {
        return;
      }
      Capture capture;
      List<Post> parsed;
      try {
        capture = CaptureCodec.decode(record.payload());
        parsed = parsers.parse(capture);
      } catch (PostFormatException | IllegalArgumentException e) {
        parseErrors++;
        LOG.log(
            Level.WARNING,
            "ledger seq {0}: capture kept but not indexed: {1}",
            new Object[] {record.seq(), e.getMessage()});
        return;
      }
      EvidenceRef ref =
          new EvidenceRef(
              record.seq(), CaptureCodec.sha256Hex(capture.body()), capture.receivedAt());
      for (Post p : parsed) {
        posts.add(new ScoredPost(p, scorer.score(p), ref));
      }
    }

    void flush(long throughSeq) throws IOException {
      if (records == 0 && throughSeq <= index.lastIndexedSeq()) {
        return;
      }
      index.add(posts);
      index.commit(throughSeq);
      totalPosts += posts.size();
      posts.clear();
      records = 0;
    }
  }
}
