package org.tocsin.node;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tocsin.core.evidence.Capture;
import org.tocsin.core.evidence.EvidenceRef;
import org.tocsin.core.evidence.ParseResult;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.json.PostJsonlParser;
import org.tocsin.core.post.Post;
import org.tocsin.core.post.PostKey;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.core.score.PostScorer;
import org.tocsin.core.score.Score;
import org.tocsin.crawler.parse.UpstreamDeletion;
import org.tocsin.evidence.EvidenceLog;
import org.tocsin.evidence.LedgerRecord;
import org.tocsin.evidence.RecordType;
import org.tocsin.evidence.capture.CaptureCodec;
import org.tocsin.evidence.custody.CustodyEventType;
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
  private final int commitEveryRecords;

  /** The longest a catch-up leaves indexed posts uncommitted: 5 seconds. */
  public static final long MAX_COMMIT_AGE_NANOS = 5_000_000_000L;

  /** The least time between two near-real-time reopens of the index: 250 ms. */
  public static final long MIN_REFRESH_GAP_NANOS = 250_000_000L;

  private final java.util.concurrent.locks.ReentrantLock lock =
      new java.util.concurrent.locks.ReentrantLock();
  private Custody custody;
  private final List<IndexedPostsListener> listeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private long lastRefreshNanos;
  private boolean unpublished;
  private volatile long indexedThrough;
  private volatile long committedThrough;
  private long lastCommitNanos = System.nanoTime();
  private volatile ExecutorService scoringThread;
  private final ConcurrentSkipListMap<Long, Parsed> parsedAhead = new ConcurrentSkipListMap<>();

  /** The name of the thread a batch is scored on while the batch before it is indexed. */
  public static final String SCORING_THREAD = "tocsin-index-scoring";

  /**
   * Creates the indexer.
   *
   * @param batchRecords ledger records scored and handed to the index at a time
   * @param commitEveryRecords indexed records after which the index commits; more means faster
   *     ingest and more re-indexing after a crash
   */
  public LedgerIndexer(
      EvidenceLog ledger,
      PostIndex index,
      PostScorer scorer,
      CaptureParsers parsers,
      int batchRecords,
      int commitEveryRecords) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.index = Objects.requireNonNull(index, "index");
    this.scorer = Objects.requireNonNull(scorer, "scorer");
    this.parsers = Objects.requireNonNull(parsers, "parsers");
    if (batchRecords < 1) {
      throw new IllegalArgumentException("batchRecords must be >= 1 [got " + batchRecords + "]");
    }
    this.batchRecords = batchRecords;
    if (commitEveryRecords < 1) {
      throw new IllegalArgumentException(
          "commitEveryRecords must be >= 1 [got " + commitEveryRecords + "]");
    }
    this.commitEveryRecords = commitEveryRecords;
    this.indexedThrough = index.lastIndexedSeq();
    this.committedThrough = indexedThrough;
  }

  /** Hears of posts as they are indexed (alerts, streaming campaign detection). */
  @FunctionalInterface
  public interface IndexedPostsListener {
    /**
     * Posts were added to the index.
     *
     * @throws IOException if the listener cannot keep them; the indexer then does not count them as
     *     processed, and the next catch-up offers them again
     */
    void indexed(List<ScoredPost> posts) throws IOException;
  }

  /**
   * A post parsed from the exact bytes of a Post JSON capture, with the evidence reference the
   * ledger returned when it acknowledged the capture.
   */
  public record Parsed(EvidenceRef evidence, Post post) {
    /** Checks the fields. */
    public Parsed {
      Objects.requireNonNull(evidence, "evidence");
      Objects.requireNonNull(post, "post");
    }
  }

  /** The most posts handed over ({@link #parsedAhead}) and not indexed yet that are kept. */
  public static final int MAX_PARSED_AHEAD = 50_000;

  /**
   * Hands over the posts an import parsed from the Post JSON captures ({@link
   * PostJsonlParser#FORMAT}) it has just appended, so that the catch-up that indexes those records
   * takes them as they are instead of reading the captures back and parsing them again: each
   * capture is parsed once. Only for captures the ledger has acknowledged, with the references it
   * returned; a record a catch-up has passed already is read from the ledger as before, and a crash
   * loses nothing (the next catch-up reads the ledger). A hand-over that would bring the posts
   * waiting past {@link #MAX_PARSED_AHEAD} is not kept.
   *
   * @throws IllegalArgumentException if the lists differ in length
   */
  public void parsedAhead(List<EvidenceRef> refs, List<Post> posts) {
    if (refs.size() != posts.size()) {
      throw new IllegalArgumentException(
          "one post per reference [got " + posts.size() + " posts, " + refs.size() + " refs]");
    }
    if (parsedAhead.size() + refs.size() > MAX_PARSED_AHEAD) {
      return;
    }
    for (int i = 0; i < refs.size(); i++) {
      EvidenceRef ref = refs.get(i);
      if (ref.seq() > indexedThrough) {
        parsedAhead.put(ref.seq(), new Parsed(ref, posts.get(i)));
      }
    }
  }

  /** Records scored/indexed/deleted-upstream custody events from now on. */
  public synchronized void setCustody(Custody custody) {
    this.custody = custody;
  }

  /** Adds a listener that hears of every batch of indexed posts. */
  public void addListener(IndexedPostsListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** The last ledger seq whose posts are searchable (committed or not). */
  public long indexedThrough() {
    return indexedThrough;
  }

  /** The last ledger seq the index has committed: what survives a crash without re-indexing. */
  public long committedThrough() {
    return committedThrough;
  }

  /**
   * Commits everything indexed so far.
   *
   * @throws IOException if the index cannot commit
   */
  public void flush() throws IOException {
    lock.lock();
    try {
      if (indexedThrough > committedThrough) {
        commit();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Work done while no catch-up runs. */
  @FunctionalInterface
  public interface ExclusiveWork {
    /** Does the work. */
    void run() throws IOException;
  }

  /**
   * Catches up with the ledger (so that every record up to {@link #indexedThrough()} has been
   * scored, indexed and told to the listeners) and commits, then runs work while no catch-up can
   * run (they wait), then takes up from wherever the index then stands: how a rebuilt index
   * replaces this one without losing, repeating or leaving unalerted a record. The work should
   * bring the index to {@link #indexedThrough()}, not further.
   *
   * @throws IOException if the catch-up, the commit or the work fails
   */
  public void exclusive(ExclusiveWork work) throws IOException {
    lock.lock();
    try {
      catchUpLocked(Long.MAX_VALUE);
      if (indexedThrough > committedThrough) {
        commit();
      }
      try {
        work.run();
      } finally {
        indexedThrough = index.lastIndexedSeq();
        committedThrough = indexedThrough;
        lastCommitNanos = System.nanoTime();
        unpublished = false;
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Makes everything indexed so far searchable now, if a throttled reopen left some of it unseen.
   *
   * @throws IOException if the index cannot reopen
   */
  public void publish() throws IOException {
    lock.lock();
    try {
      if (unpublished) {
        refresh();
      }
    } finally {
      lock.unlock();
    }
  }

  private void refresh() throws IOException {
    index.refresh();
    lastRefreshNanos = System.nanoTime();
    unpublished = false;
  }

  private void commit() throws IOException {
    index.commit(indexedThrough);
    committedThrough = indexedThrough;
    lastCommitNanos = System.nanoTime();
    lastRefreshNanos = lastCommitNanos;
    unpublished = false;
  }

  /**
   * Indexes every ledger record the index does not hold yet.
   *
   * @throws IOException if the ledger cannot be read or the index cannot be written; the index then
   *     still holds everything up to its last commit, and the next call resumes from there
   */
  public CatchUpReport catchUp() throws IOException {
    return catchUpThrough(Long.MAX_VALUE);
  }

  /**
   * Indexes the ledger records the index does not hold yet, up to and including a seq.
   *
   * @throws IOException as {@link #catchUp}
   */
  public CatchUpReport catchUpThrough(long lastSeq) throws IOException {
    lock.lock();
    try {
      return catchUpLocked(lastSeq);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Catches up unless a catch-up is running already (then returns at once).
   *
   * @return whether it ran
   * @throws IOException as {@link #catchUp}
   */
  public boolean tryCatchUp() throws IOException {
    if (!lock.tryLock()) {
      return false;
    }
    try {
      catchUpLocked(Long.MAX_VALUE);
      return true;
    } finally {
      lock.unlock();
    }
  }

  private CatchUpReport catchUpLocked(long limit) throws IOException {
    long from = indexedThrough + 1;
    long to = Math.min(ledger.lastSeq(), limit);
    if (from > to) {
      // nothing new: still make a throttled refresh visible, so that the last posts of a burst
      // do not wait for the next write
      if (unpublished && System.nanoTime() - lastRefreshNanos >= MIN_REFRESH_GAP_NANOS) {
        refresh();
      }
      return new CatchUpReport(from, indexedThrough, 0, 0, 0, 0);
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
            batch.flush(record.seq(), false);
          }
          return true;
        });
    batch.flush(to, true);
    // what was handed over for records this catch-up has passed (a hand-over that came after the
    // scan read its record) is of no more use
    parsedAhead.headMap(to, true).clear();
    if (indexedThrough - committedThrough >= commitEveryRecords
        || System.nanoTime() - lastCommitNanos >= MAX_COMMIT_AGE_NANOS) {
      commit();
    } else if (System.nanoTime() - lastRefreshNanos >= MIN_REFRESH_GAP_NANOS) {
      refresh();
    } else {
      unpublished = true;
    }
    return new CatchUpReport(
        from, to, batch.totalRecords, batch.totalPosts, batch.parseErrors, batch.capturesParsed);
  }

  /**
   * An observation of a post already taken (indexed, or in a batch not indexed yet) with other text
   * or edit time: edited upstream.
   */
  private void recordEdit(Post p, long seq, Observed unindexed) {
    if (custody == null || p.edited() == null) {
      return;
    }
    try {
      Optional<Observed> before =
          unindexed != null
              ? Optional.of(unindexed)
              : index.get(p.key()).map(sp -> new Observed(sp.post(), sp.evidence().seq()));
      before
          .filter(old -> old.seq() < seq)
          .filter(
              old ->
                  !old.post().text().equals(p.text())
                      || !java.util.Objects.equals(old.post().edited(), p.edited()))
          .ifPresent(
              old ->
                  custody.system(
                      CustodyEventType.EDITED_UPSTREAM,
                      List.of(old.seq(), seq),
                      Map.of("post", p.key().toString(), "editedAt", p.edited().toString())));
    } catch (IOException e) {
      LOG.log(
          Level.WARNING,
          "ledger seq {0}: edit check failed: {1}",
          new Object[] {seq, e.getMessage()});
    }
  }

  private void recordDeletions(long seq, Capture capture, Map<PostKey, Observed> unindexed) {
    if (custody == null) {
      return;
    }
    try {
      for (UpstreamDeletion d : parsers.deletions(capture)) {
        List<Long> subjects = new ArrayList<>();
        PostKey key = new PostKey(d.platform(), d.id());
        Observed pending = unindexed.get(key);
        if (pending != null) {
          subjects.add(pending.seq());
        } else {
          index.get(key).ifPresent(sp -> subjects.add(sp.evidence().seq()));
        }
        subjects.add(seq);
        custody.system(
            CustodyEventType.DELETED_UPSTREAM,
            subjects,
            Map.of(
                "platform", d.platform(), "id", d.id(), "observedAt", d.observedAt().toString()));
      }
    } catch (PostFormatException | IOException e) {
      LOG.log(
          Level.WARNING,
          "ledger seq {0}: deletions not read: {1}",
          new Object[] {seq, e.getMessage()});
    }
  }

  /** A post taken from the ledger and not indexed yet, with the seq of its capture. */
  private record Observed(Post post, long seq) {}

  /** A batch handed to the scorer: indexed, in ledger order, once its scores are in. */
  private record Scoring(
      List<Post> posts,
      List<EvidenceRef> refs,
      List<Long> captureSeqs,
      long parseErrors,
      long throughSeq,
      Future<List<Score>> scores) {}

  /**
   * The records of one catch-up, taken in ledger order and flushed a batch at a time. A batch is
   * scored while the batch before it is indexed (the scorer on its own thread, {@value
   * #SCORING_THREAD}), so that scoring and indexing share the machine's cores; batches are indexed,
   * told to the listeners and recorded in custody strictly in ledger order, and {@link
   * #indexedThrough} moves only once a batch is in the index.
   */
  private final class Batch {
    // posts parsed but not scored yet, in ledger order, with their evidence and capture seqs
    private final List<Post> unscored = new ArrayList<>();
    private final List<EvidenceRef> refs = new ArrayList<>();
    private final List<Long> captureSeqs = new ArrayList<>();
    // posts taken but not in the index yet, by key: an edit is told from the copy a batch still
    // being scored holds, not only from the index
    private final Map<PostKey, Observed> unindexed = new HashMap<>();
    private Scoring inFlight;
    private long queuedThrough = indexedThrough;
    private int records;
    private long totalRecords;
    private long totalPosts;
    private long parseErrors;
    private long capturesParsed;

    void take(LedgerRecord record) {
      records++;
      totalRecords++;
      if (record.type() != RecordType.CAPTURE) {
        return;
      }
      Parsed ahead = parsedAhead.remove(record.seq());
      if (ahead != null && ahead.evidence().seq() == record.seq()) {
        // parsed by the import from the bytes it appended: a Post JSON line has no deletions
        Post p = ahead.post();
        unscored.add(p);
        refs.add(ahead.evidence());
        recordEdit(p, record.seq(), unindexed.get(p.key()));
        unindexed.put(p.key(), new Observed(p, record.seq()));
        captureSeqs.add(record.seq());
        return;
      }
      capturesParsed++;
      Capture capture;
      List<Post> parsed;
      try {
        capture = ledger.capture(record);
        ParseResult result = parsers.parseResult(capture);
        parsed = result.posts();
        for (String w : result.warnings()) {
          // one bad item of a capture: the others are indexed, the item stays in the ledger
          LOG.log(Level.WARNING, "ledger seq {0}: {1}", new Object[] {record.seq(), w});
        }
      } catch (PostFormatException | IllegalArgumentException | IOException e) {
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
        unscored.add(p);
        refs.add(ref);
        recordEdit(p, record.seq(), unindexed.get(p.key()));
        unindexed.put(p.key(), new Observed(p, record.seq()));
      }
      captureSeqs.add(record.seq());
      recordDeletions(record.seq(), capture, unindexed);
    }

    /**
     * Hands the records taken so far, through {@code throughSeq}, to the scorer, and indexes the
     * batch handed over before (whose scores are in by then, or soon).
     *
     * @param last whether this is the catch-up's last flush: then every batch is indexed on return
     */
    void flush(long throughSeq, boolean last) throws IOException {
      if (records > 0 || throughSeq > queuedThrough) {
        Scoring next = score(throughSeq, last && inFlight == null);
        index(inFlight);
        inFlight = next;
      }
      if (last) {
        Scoring s = inFlight;
        inFlight = null;
        index(s);
      }
    }

    private Scoring score(long throughSeq, boolean inline) {
      List<Post> posts = List.copyOf(unscored);
      Future<List<Score>> scores;
      if (posts.isEmpty()) {
        scores = CompletableFuture.completedFuture(List.of());
      } else if (inline) {
        scores = CompletableFuture.completedFuture(scorer.scoreAll(posts));
      } else {
        scores = scoring().submit(() -> scorer.scoreAll(posts));
      }
      Scoring s =
          new Scoring(
              posts, List.copyOf(refs), List.copyOf(captureSeqs), parseErrors, throughSeq, scores);
      unscored.clear();
      refs.clear();
      captureSeqs.clear();
      records = 0;
      queuedThrough = throughSeq;
      return s;
    }

    private void index(Scoring s) throws IOException {
      if (s == null) {
        return;
      }
      List<Score> scores = scoresOf(s);
      if (scores.size() != s.posts().size()) {
        throw new IllegalStateException(
            "the scorer returned " + scores.size() + " scores for " + s.posts().size() + " posts");
      }
      List<ScoredPost> posts = new ArrayList<>(scores.size());
      for (int i = 0; i < scores.size(); i++) {
        posts.add(new ScoredPost(s.posts().get(i), scores.get(i), s.refs().get(i)));
      }
      index.add(posts);
      for (ScoredPost p : posts) {
        unindexed.remove(p.post().key(), new Observed(p.post(), p.evidence().seq()));
      }
      for (IndexedPostsListener l : listeners) {
        l.indexed(List.copyOf(posts));
      }
      if (custody != null && !s.captureSeqs().isEmpty()) {
        List<Long> subjects = s.captureSeqs();
        custody.system(
            CustodyEventType.PARSED,
            subjects,
            Map.of(
                "posts",
                Integer.toString(posts.size()),
                "parseErrors",
                Long.toString(s.parseErrors())));
        custody.system(
            CustodyEventType.SCORED,
            subjects,
            Map.of("model", scorer.model(), "version", scorer.version()));
        custody.system(
            CustodyEventType.INDEXED, subjects, Map.of("posts", Integer.toString(posts.size())));
      }
      indexedThrough = s.throughSeq();
      totalPosts += posts.size();
      if (indexedThrough - committedThrough >= commitEveryRecords) {
        commit();
      }
    }
  }

  /** The scores of a batch, waited for; the scorer's own failure is rethrown as it was thrown. */
  private static List<Score> scoresOf(Scoring s) throws IOException {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return s.scores().get();
        } catch (InterruptedException e) {
          interrupted = true; // the batch is being scored: wait for it, re-assert later
        } catch (ExecutionException e) {
          Throwable c = e.getCause();
          if (c instanceof RuntimeException r) {
            throw r;
          }
          if (c instanceof Error err) {
            throw err;
          }
          throw new IOException("scoring failed: " + c, c);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The thread batches are scored on while the batch before is indexed. */
  private ExecutorService scoring() {
    ExecutorService e = scoringThread;
    if (e == null) {
      synchronized (this) {
        e = scoringThread;
        if (e == null) {
          ThreadPoolExecutor t =
              new ThreadPoolExecutor(
                  1,
                  1,
                  30,
                  TimeUnit.SECONDS,
                  new LinkedBlockingQueue<>(),
                  r -> {
                    Thread th = new Thread(r, SCORING_THREAD);
                    th.setDaemon(true);
                    return th;
                  });
          t.allowCoreThreadTimeOut(true); // gone when idle: nothing to close
          scoringThread = t;
          e = t;
        }
      }
    }
    return e;
  }
}
