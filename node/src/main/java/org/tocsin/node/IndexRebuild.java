package org.tocsin.node;

import java.io.IOException;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tocsin.core.score.PostScorer;
import org.tocsin.evidence.EvidenceLog;
import org.tocsin.index.PostIndex;

/**
 * Rebuilds the index of a running node from the ledger while the old index keeps serving: the new
 * index is built in {@link PostIndex#rebuildDir()} by an indexer of its own (no alerts, no custody
 * events: those were raised when the posts first came in), then, with the node's indexer held off,
 * it takes the ledger records that arrived meanwhile and replaces the old index in one swap ({@link
 * PostIndex#replaceWithRebuilt()}). A crash or stop before the swap leaves the old index serving
 * and the unfinished rebuild is deleted at the next start; one after it leaves the new index.
 *
 * <p>One rebuild runs at a time, on a thread of its own. Thread-safe.
 */
public final class IndexRebuild {
  private static final Logger LOG = Logger.getLogger(IndexRebuild.class.getName());

  /** Where a rebuild stands. */
  public enum Phase {
    /** No rebuild has run since the node started. */
    IDLE,
    /** Indexing the ledger into the new index; the old one serves. */
    BUILDING,
    /** Taking the last records and swapping the new index in. */
    SWAPPING,
    /** The new index serves. */
    DONE,
    /** The rebuild failed or was stopped; the old index serves. */
    FAILED
  }

  /**
   * A snapshot of the rebuild.
   *
   * @param phase where it stands
   * @param indexedSeq the last ledger seq the new index holds
   * @param ledgerSeq the last ledger seq when it started (the ledger may grow meanwhile)
   * @param posts posts indexed into the new index
   * @param startedAt when it started, or {@code null}
   * @param finishedAt when it finished, or {@code null}
   * @param error why it failed, or {@code null}
   */
  public record Status(
      Phase phase,
      long indexedSeq,
      long ledgerSeq,
      long posts,
      Instant startedAt,
      Instant finishedAt,
      String error) {
    /** Whether a rebuild is under way. */
    public boolean running() {
      return phase == Phase.BUILDING || phase == Phase.SWAPPING;
    }
  }

  private final EvidenceLog ledger;
  private final PostIndex index;
  private final LedgerIndexer live;
  private final PostScorer scorer;
  private final int batchRecords;
  private final int commitEveryRecords;
  private volatile Status status = new Status(Phase.IDLE, 0, 0, 0, null, null, null);
  private volatile boolean stopping;
  private volatile LedgerIndexer building;
  private volatile long posts;
  private CompletableFuture<Status> running;

  /** Creates the rebuilder of a node's index. */
  public IndexRebuild(
      EvidenceLog ledger,
      PostIndex index,
      LedgerIndexer live,
      PostScorer scorer,
      int batchRecords,
      int commitEveryRecords) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.index = Objects.requireNonNull(index, "index");
    this.live = Objects.requireNonNull(live, "live");
    this.scorer = Objects.requireNonNull(scorer, "scorer");
    this.batchRecords = batchRecords;
    this.commitEveryRecords = commitEveryRecords;
  }

  /** Where the rebuild stands now. */
  public Status status() {
    Status s = status;
    LedgerIndexer b = building;
    if (s.phase() == Phase.BUILDING && b != null) {
      return new Status(
          s.phase(), b.indexedThrough(), s.ledgerSeq(), posts, s.startedAt(), null, null);
    }
    return s;
  }

  /**
   * Starts a rebuild on a thread of its own.
   *
   * @return the rebuild's outcome: its final status (done or failed; it never completes
   *     exceptionally)
   * @throws IllegalStateException if a rebuild is running already, or the node is closing
   */
  public synchronized CompletableFuture<Status> start() {
    if (stopping) {
      throw new IllegalStateException("the node is closing");
    }
    if (status.running()) {
      throw new IllegalStateException("a rebuild is running already");
    }
    status = new Status(Phase.BUILDING, 0, ledger.lastSeq(), 0, Instant.now(), null, null);
    posts = 0;
    CompletableFuture<Status> done = new CompletableFuture<>();
    running = done;
    Thread t = new Thread(() -> done.complete(run()), "tocsin-reindex");
    t.setDaemon(true);
    t.start();
    return done;
  }

  /** Stops a running rebuild before its swap and waits for it; the old index keeps serving. */
  public void stop() {
    CompletableFuture<Status> r;
    synchronized (this) {
      stopping = true;
      r = running;
    }
    if (r != null) {
      r.join();
    }
  }

  private Status run() {
    Status started = status;
    try {
      // A rebuild always starts afresh: what a failed one left is of no use.
      if (java.nio.file.Files.exists(index.rebuildDir())) {
        org.apache.lucene.util.IOUtils.rm(index.rebuildDir());
      }
    } catch (IOException e) {
      return fail(started, e);
    }
    try (PostIndex fresh = PostIndex.open(index.rebuildDir())) {
      LedgerIndexer b =
          new LedgerIndexer(
              ledger, fresh, scorer, CaptureParsers.standard(), batchRecords, commitEveryRecords);
      b.addListener(
          batch -> {
            if (stopping) {
              throw new IOException("the rebuild was stopped");
            }
            posts += batch.size();
          });
      building = b;
      b.catchUp();
      status =
          new Status(
              Phase.SWAPPING,
              b.indexedThrough(),
              started.ledgerSeq(),
              posts,
              started.startedAt(),
              null,
              null);
      live.exclusive(
          () -> {
            // exactly as far as the live index got, so that every record the new index holds
            // was also seen by the live indexer's listeners (alerts) and custody
            b.catchUpThrough(live.indexedThrough());
            b.flush();
            fresh.close();
            if (stopping) {
              throw new IOException("the rebuild was stopped");
            }
            index.replaceWithRebuilt();
          });
      Status done =
          new Status(
              Phase.DONE,
              index.lastIndexedSeq(),
              started.ledgerSeq(),
              posts,
              started.startedAt(),
              Instant.now(),
              null);
      status = done;
      LOG.info(
          () ->
              "index rebuilt from the ledger: "
                  + done.posts()
                  + " posts through seq "
                  + done.indexedSeq());
      return done;
    } catch (IOException | RuntimeException e) {
      return fail(started, e);
    } finally {
      building = null;
    }
  }

  private Status fail(Status started, Exception e) {
    LOG.log(Level.WARNING, "index rebuild failed; the old index keeps serving", e);
    Status failed =
        new Status(
            Phase.FAILED,
            building == null ? 0 : building.indexedThrough(),
            started.ledgerSeq(),
            posts,
            started.startedAt(),
            Instant.now(),
            String.valueOf(e.getMessage()));
    status = failed;
    return failed;
  }
}
