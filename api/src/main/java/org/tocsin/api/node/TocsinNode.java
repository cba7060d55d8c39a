package org.tocsin.api.node;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tocsin.api.alerts.AlertEngine;
import org.tocsin.api.alerts.AlertOutbox;
import org.tocsin.api.alerts.RuleStore;
import org.tocsin.api.config.TocsinConfig;
import org.tocsin.core.score.PostScorer;
import org.tocsin.evidence.EvidenceLog;
import org.tocsin.evidence.FileEvidenceLog;
import org.tocsin.index.PostIndex;
import org.tocsin.nlp.baseline.LexiconScorer;

/**
 * One Tocsin node on local disk: the ledger ({@code DATA/ledger}), the index ({@code DATA/index})
 * and the scorer, wired into the importer and the ledger indexer. Opening a node recovers a torn
 * ledger tail and brings the index up to date with the ledger before anything else happens.
 */
public final class TocsinNode implements Closeable {
  private static final Logger LOG = Logger.getLogger(TocsinNode.class.getName());

  private final Path dataDir;
  private final TocsinConfig config;
  private final EvidenceLog ledger;
  private final PostIndex index;
  private final PostScorer scorer;
  private final LedgerIndexer indexer;
  private final PostImporter importer;
  private final CatchUpReport startupCatchUp;
  private final AlertEngine alerts;
  private boolean closed;

  private TocsinNode(
      Path dataDir,
      TocsinConfig config,
      EvidenceLog ledger,
      PostIndex index,
      PostScorer scorer,
      AlertEngine alerts)
      throws IOException {
    this.dataDir = dataDir;
    this.config = config;
    this.ledger = ledger;
    this.index = index;
    this.scorer = scorer;
    this.indexer =
        new LedgerIndexer(
            ledger,
            index,
            scorer,
            CaptureParsers.standard(),
            config.ingest().batchSize(),
            config.ingest().commitEveryRecords());
    this.importer = new PostImporter(ledger, indexer, config.ingest().batchSize());
    this.alerts = alerts;
    indexer.addListener(alerts::onIndexed);
    this.startupCatchUp = indexer.catchUp();
    indexer.flush();
  }

  /**
   * Opens (or creates) the node's data directory and catches the index up with the ledger.
   *
   * @throws IOException if the ledger is corrupt (an {@code EvidenceCorruptException} naming the
   *     record) or the directory cannot be used
   */
  public static TocsinNode open(Path dataDir, TocsinConfig config) throws IOException {
    Files.createDirectories(dataDir);
    EvidenceLog ledger = FileEvidenceLog.open(dataDir.resolve("ledger"));
    if (ledger.recovery().truncatedBytes() > 0) {
      LOG.warning(ledger.recovery().message());
    }
    PostIndex index = null;
    AlertOutbox outbox = null;
    try {
      index = PostIndex.open(dataDir.resolve("index"));
      if (index.lastIndexedSeq() > ledger.lastSeq()) {
        throw new IllegalStateException(
            "the index holds ledger seq "
                + index.lastIndexedSeq()
                + " but the ledger ends at "
                + ledger.lastSeq()
                + ": the index belongs to another ledger; run reindex");
      }
      Path alertsDir = dataDir.resolve("alerts");
      outbox = AlertOutbox.open(alertsDir);
      AlertEngine alerts = new AlertEngine(RuleStore.open(alertsDir), outbox);
      return new TocsinNode(dataDir, config, ledger, index, LexiconScorer.loadDefault(), alerts);
    } catch (IOException | RuntimeException e) {
      closeQuietly(outbox, e);
      closeQuietly(index, e);
      closeQuietly(ledger, e);
      throw e;
    }
  }

  /** The data directory. */
  public Path dataDir() {
    return dataDir;
  }

  /** The configuration. */
  public TocsinConfig config() {
    return config;
  }

  /** The ledger. */
  public EvidenceLog ledger() {
    return ledger;
  }

  /** The index. */
  public PostIndex index() {
    return index;
  }

  /** The scorer. */
  public PostScorer scorer() {
    return scorer;
  }

  /** The importer of Post JSONL. */
  public PostImporter importer() {
    return importer;
  }

  /** The ledger indexer. */
  public LedgerIndexer indexer() {
    return indexer;
  }

  /** The alert engine (rules and outbox). */
  public AlertEngine alerts() {
    return alerts;
  }

  /** What the catch-up at open did. */
  public CatchUpReport startupCatchUp() {
    return startupCatchUp;
  }

  /**
   * Commits what the index holds, closes it, then closes the ledger (which waits for pending
   * appends to be durable). Closing twice is harmless.
   */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      indexer.flush();
    } finally {
      try {
        index.close();
      } finally {
        try {
          alerts.outbox().close();
        } finally {
          ledger.close();
        }
      }
    }
  }

  private static void closeQuietly(AutoCloseable c, Exception cause) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      cause.addSuppressed(e);
      LOG.log(Level.FINE, "close after failed open", e);
    }
  }
}
