package org.tocsin.node;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import org.tocsin.core.evidence.Capture;
import org.tocsin.core.evidence.EvidenceRef;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.json.PostJson;
import org.tocsin.core.json.PostJsonlParser;
import org.tocsin.core.post.Post;
import org.tocsin.evidence.EvidenceLog;

/**
 * Imports Post JSONL: every valid line becomes a capture in the ledger (its exact bytes, with the
 * file and line it came from), acknowledged in batches with one fsync each, while the index catches
 * up behind the appends on a thread of its own ({@value #CATCH_UP_THREAD}): one catch-up at a time,
 * each taking every batch acknowledged by the time it starts, so that the indexer can score one
 * batch while it indexes the one before. When the import returns, everything it acknowledged is
 * indexed and searchable. Each line is parsed once: the posts parsed to check the lines are handed
 * to the indexer with the batch ({@link LedgerIndexer#parsedAhead}), and the import waits when the
 * index falls {@value #MAX_LAG_BATCHES} batches behind. An invalid line is reported with its number
 * and skipped; it never stops the rest.
 */
public final class PostImporter {
  private final EvidenceLog ledger;
  private final LedgerIndexer indexer;
  private final int batchSize;

  /** The name of the thread an import's catch-ups run on. */
  public static final String CATCH_UP_THREAD = "tocsin-import-catch-up";

  /** Creates an importer that acknowledges {@code batchSize} posts per ledger group commit. */
  public PostImporter(EvidenceLog ledger, LedgerIndexer indexer, int batchSize) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.indexer = Objects.requireNonNull(indexer, "indexer");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1 [got " + batchSize + "]");
    }
    this.batchSize = batchSize;
  }

  /**
   * Imports a JSONL file ({@code .gz} files are decompressed).
   *
   * @throws IOException if the file cannot be read or the ledger or index cannot be written;
   *     everything acknowledged before stays stored
   */
  public ImportReport importFile(Path file, ImportListener listener) throws IOException {
    try (InputStream in = openJsonl(file)) {
      return importStream(
          "import:" + file.getFileName(), file.toAbsolutePath().toUri(), in, listener);
    }
  }

  /**
   * Opens a JSONL file for reading, decompressing it if its name ends in {@code .gz}.
   *
   * @throws IOException if the file cannot be opened or its gzip header is bad
   */
  public static InputStream openJsonl(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    return gunzipIf(file.getFileName().toString().endsWith(".gz"), in);
  }

  /**
   * Wraps a stream in a gzip decoder when asked to.
   *
   * @throws IOException if the gzip header is bad
   */
  public static InputStream gunzipIf(boolean gzip, InputStream in) throws IOException {
    if (!gzip) {
      return in;
    }
    try {
      return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
    } catch (IOException e) {
      in.close();
      throw new IOException("not a gzip file: " + e.getMessage(), e);
    }
  }

  /**
   * Imports JSONL from a stream.
   *
   * @param source names the source in each capture, e.g. {@code import:posts.jsonl}
   * @param origin the URI the lines came from; each capture's URL is this with {@code #line=N}
   * @throws IOException as {@link #importFile}
   */
  public ImportReport importStream(
      String source, URI origin, InputStream in, ImportListener listener) throws IOException {
    ExecutorService behind =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, CATCH_UP_THREAD);
              t.setDaemon(true);
              return t;
            });
    Indexing indexing = new Indexing(behind, listener);
    try {
      return importStream(source, origin, in, indexing);
    } finally {
      // never interrupt a catch-up (an interrupted index write closes the index): let it end
      behind.shutdown();
      indexing.settle();
    }
  }

  private ImportReport importStream(String source, URI origin, InputStream in, Indexing indexing)
      throws IOException {
    ImportListener listener = indexing.listener;
    BoundedLineReader reader = new BoundedLineReader(in, PostJson.MAX_LINE_BYTES);
    List<Capture> batch = new ArrayList<>(batchSize);
    List<Post> parsed = new ArrayList<>(batchSize);
    long lineNo = 0;
    long accepted = 0;
    long rejected = 0;
    long firstSeq = 0;
    long lastSeq = 0;
    BoundedLineReader.Line line;
    while ((line = reader.next()) != null) {
      lineNo++;
      if (line.tooLong()) {
        rejected++;
        listener.rejected(
            lineNo,
            "line is too long: " + line.length() + " bytes [max " + PostJson.MAX_LINE_BYTES + "]");
        continue;
      }
      if (isBlank(line.bytes())) {
        continue;
      }
      Post post;
      try {
        post = PostJson.read(line.bytes());
      } catch (PostFormatException e) {
        rejected++;
        listener.rejected(lineNo, e.getMessage());
        continue;
      }
      Instant now = Instant.now();
      batch.add(
          new Capture(
              source,
              PostJsonlParser.FORMAT,
              null,
              origin + "#line=" + lineNo,
              0,
              Map.of(),
              "application/json",
              now,
              now,
              line.bytes()));
      parsed.add(post);
      if (batch.size() >= batchSize) {
        List<EvidenceRef> refs = commit(batch, parsed, lineNo, reader.bytesRead(), indexing);
        accepted += refs.size();
        firstSeq = firstSeq == 0 ? refs.get(0).seq() : firstSeq;
        lastSeq = refs.get(refs.size() - 1).seq();
      }
    }
    if (!batch.isEmpty()) {
      List<EvidenceRef> refs = commit(batch, parsed, lineNo, reader.bytesRead(), indexing);
      accepted += refs.size();
      firstSeq = firstSeq == 0 ? refs.get(0).seq() : firstSeq;
      lastSeq = refs.get(refs.size() - 1).seq();
    }
    indexing.finish();
    indexer.publish();
    return new ImportReport(source, lineNo, accepted, rejected, firstSeq, lastSeq);
  }

  /**
   * Appends a batch (one group commit), hands its parsed posts to the indexer so that it does not
   * parse the captures again, and starts a catch-up; first waits for the running catch-up if the
   * index has fallen more than {@link #MAX_LAG_BATCHES} batches behind the ledger.
   */
  private List<EvidenceRef> commit(
      List<Capture> batch, List<Post> parsed, long linesRead, long bytesRead, Indexing indexing)
      throws IOException {
    indexing.keepUp(ledger.lastSeq() - (long) MAX_LAG_BATCHES * batchSize);
    List<EvidenceRef> refs = ledger.appendCaptures(List.copyOf(batch));
    indexer.parsedAhead(refs, parsed);
    batch.clear();
    parsed.clear();
    indexing.listener.acknowledged(refs, linesRead, bytesRead);
    indexing.acknowledged();
    return refs;
  }

  /**
   * How many batches the index may fall behind the ledger during an import before the import waits
   * for it: bounds the posts held for the indexer, and the work left when the appends end.
   */
  static final int MAX_LAG_BATCHES = 8;

  /**
   * The catch-ups of one import, one at a time behind the appends; their reports and failures reach
   * the listener and the caller on the importing thread.
   */
  private final class Indexing {
    private final ExecutorService behind;
    private final ImportListener listener;
    private Future<CatchUpReport> running;

    Indexing(ExecutorService behind, ImportListener listener) {
      this.behind = behind;
      this.listener = listener;
    }

    /** A batch is in the ledger: starts a catch-up unless one is running (it takes the next). */
    void acknowledged() throws IOException {
      if (running != null && running.isDone()) {
        listener.indexed(await(running));
        running = null;
      }
      if (running == null) {
        running = behind.submit(indexer::catchUp);
      }
    }

    /** Waits for the running catch-up while the index holds less than {@code seq}. */
    void keepUp(long seq) throws IOException {
      if (running != null && indexer.indexedThrough() < seq) {
        Future<CatchUpReport> r = running;
        running = null;
        listener.indexed(await(r));
      }
    }

    /** After a failed import: waits for the running catch-up, whatever its outcome. */
    void settle() {
      Future<CatchUpReport> r = running;
      running = null;
      if (r == null) {
        return;
      }
      try {
        await(r);
      } catch (IOException | RuntimeException e) {
        // the import already fails with its own error; the index resumes at the next catch-up
      }
    }

    /** Waits for the running catch-up, then catches up with everything acknowledged. */
    void finish() throws IOException {
      if (running != null) {
        Future<CatchUpReport> r = running;
        running = null;
        listener.indexed(await(r));
      }
      listener.indexed(indexer.catchUp());
    }
  }

  /** A catch-up's report; its failure is rethrown as the catch-up threw it. */
  private static CatchUpReport await(Future<CatchUpReport> f) throws IOException {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return f.get();
        } catch (InterruptedException e) {
          interrupted = true; // the catch-up holds the index: let it finish, re-assert later
        } catch (ExecutionException e) {
          Throwable c = e.getCause();
          if (c instanceof IOException io) {
            throw io;
          }
          if (c instanceof RuntimeException r) {
            throw r;
          }
          if (c instanceof Error err) {
            throw err;
          }
          throw new IOException("index catch-up failed: " + c, c);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
