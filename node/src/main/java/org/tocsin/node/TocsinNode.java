package org.tocsin.node;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tocsin.campaigns.stream.StreamingConfig;
import org.tocsin.core.score.PostScorer;
import org.tocsin.evidence.FileEvidenceLog;
import org.tocsin.evidence.sign.TreeHeadKeys;
import org.tocsin.evidence.sign.TreeHeadSigner;
import org.tocsin.index.IndexSchemaException;
import org.tocsin.index.PostIndex;
import org.tocsin.index.saved.SavedSearchStore;
import org.tocsin.nlp.assembly.ScorerSettings;
import org.tocsin.nlp.assembly.ShippedScorer;
import org.tocsin.nlp.watchlist.WatchlistScorer;
import org.tocsin.node.alerts.AlertEngine;
import org.tocsin.node.alerts.AlertOutbox;
import org.tocsin.node.alerts.CampaignAlerts;
import org.tocsin.node.alerts.RuleStore;
import org.tocsin.node.campaigns.live.LiveCampaigns;
import org.tocsin.node.config.TocsinConfig;

/**
 * One Tocsin node on local disk: the ledger ({@code DATA/ledger}) with its signing key ({@code
 * DATA/ledger-keys}), the index ({@code DATA/index}), alerts ({@code DATA/alerts}) and the scorer,
 * wired into the importer and the ledger indexer. Opening a node recovers a torn ledger tail and
 * brings the index up to date with the ledger before anything else happens; closing it commits the
 * index and signs a last tree head over everything the ledger holds.
 */
public final class TocsinNode implements Closeable {
  private static final Logger LOG = Logger.getLogger(TocsinNode.class.getName());

  private final Path dataDir;
  private final TocsinConfig config;
  private final FileEvidenceLog ledger;
  private final TreeHeadKeys signingKeys;
  private final TreeHeadSigner signer;
  private final PostIndex index;
  private final PostScorer scorer;
  private final Custody custody;
  private final AlertEngine alerts;
  private final LiveCampaigns liveCampaigns;
  private final WatchlistStore watchlists;
  private final SavedSearchStore searches;
  private final LedgerIndexer indexer;
  private final PostImporter importer;
  private final CatchUpReport startupCatchUp;
  private final IndexRebuild rebuild;
  private boolean closed;

  private TocsinNode(Parts p) throws IOException {
    this.dataDir = p.dataDir;
    this.config = p.config;
    this.ledger = p.ledger;
    this.signingKeys = p.keys;
    this.signer =
        new TreeHeadSigner(
            ledger, signingKeys, Duration.ofSeconds(config.evidence().treeHeadIntervalSeconds()));
    this.index = p.index;
    this.scorer = p.scorer;
    this.custody = new Custody(ledger);
    this.alerts = p.alerts;
    this.watchlists = p.watchlists;
    this.searches = p.searches;
    this.indexer =
        new LedgerIndexer(
            ledger,
            index,
            scorer,
            CaptureParsers.standard(),
            config.ingest().batchSize(),
            config.ingest().commitEveryRecords());
    indexer.setCustody(custody);
    indexer.addListener(alerts::onIndexed);
    this.liveCampaigns =
        new LiveCampaigns(StreamingConfig.of(config.campaigns()), new CampaignAlerts(alerts));
    indexer.addListener(liveCampaigns::indexed);
    this.importer = new PostImporter(ledger, indexer, config.ingest().batchSize());
    this.startupCatchUp = indexer.catchUp();
    indexer.flush();
    this.rebuild =
        new IndexRebuild(
            ledger,
            index,
            indexer,
            scorer,
            config.ingest().batchSize(),
            config.ingest().commitEveryRecords());
  }

  /** What a node is made of, opened in order so that a failure closes what was opened. */
  private static final class Parts {
    Path dataDir;
    TocsinConfig config;
    FileEvidenceLog ledger;
    TreeHeadKeys keys;
    PostIndex index;
    PostScorer scorer;
    AlertOutbox outbox;
    AlertEngine alerts;
    WatchlistStore watchlists;
    SavedSearchStore searches;
  }

  /**
   * Opens (or creates) the node's data directory and catches the index up with the ledger.
   *
   * @throws IOException if the ledger is corrupt (an {@code EvidenceCorruptException} naming the
   *     record) or the directory cannot be used
   */
  public static TocsinNode open(Path dataDir, TocsinConfig config) throws IOException {
    Files.createDirectories(dataDir);
    Parts p = new Parts();
    p.dataDir = dataDir;
    p.config = config;
    try {
      p.ledger = FileEvidenceLog.open(dataDir.resolve("ledger"));
      if (p.ledger.recovery().truncatedBytes() > 0) {
        LOG.warning(p.ledger.recovery().message());
      }
      p.keys = TreeHeadKeys.loadOrCreate(dataDir.resolve("ledger-keys"));
      p.index = openIndex(dataDir.resolve("index"));
      if (p.index.lastIndexedSeq() > p.ledger.lastSeq()) {
        throw new IllegalStateException(
            "the index holds ledger seq "
                + p.index.lastIndexedSeq()
                + " but the ledger ends at "
                + p.ledger.lastSeq()
                + ": the index belongs to another ledger; delete DATA/index to rebuild it");
      }
      Path alertsDir = dataDir.resolve("alerts");
      p.outbox = AlertOutbox.open(alertsDir);
      p.alerts = new AlertEngine(RuleStore.open(alertsDir), p.outbox);
      WatchlistScorer watched = new WatchlistScorer(scorer(config));
      p.watchlists = WatchlistStore.open(dataDir, watched);
      p.scorer = watched;
      p.searches = SavedSearchStore.open(dataDir.resolve("searches"));
      return new TocsinNode(p);
    } catch (IOException | RuntimeException e) {
      closeQuietly(p.outbox, e);
      closeQuietly(p.index, e);
      closeQuietly(p.ledger, e);
      throw e;
    }
  }

  /**
   * The configured scorer, built by nlp ({@link ShippedScorer}) from the node's {@code nlp}
   * configuration; the bundled model artifacts are checked (format, digests) as they load.
   */
  public static PostScorer scorer(TocsinConfig config) throws IOException {
    return ShippedScorer.build(settings(config.nlp()));
  }

  /**
   * The configured scorer with the English encoder stage switched on or off whatever {@code
   * nlp.encoder.enabled} says (the batch commands' {@code --encoder / --no-encoder}).
   */
  public static PostScorer scorer(TocsinConfig config, boolean encoder) throws IOException {
    return ShippedScorer.build(settings(config.nlp()).withEncoder(encoder));
  }

  /** The node's {@code nlp} configuration as nlp's scorer settings. */
  public static ScorerSettings settings(TocsinConfig.NlpConfig nlp) {
    TocsinConfig.CascadeConfig c = nlp.cascade();
    return new ScorerSettings(
        nlp.scorer(),
        nlp.modelDir(),
        new ScorerSettings.Cascade(
            c.enabled(),
            c.languages(),
            c.languageMinMargin(),
            c.languageLowAccuracy(),
            c.deepStage(),
            c.deepTargetThreshold(),
            c.deepIncitementThreshold(),
            c.threads(),
            c.deepLanguages()),
        nlp.encoder());
  }

  /**
   * Opens the index; one written with an older schema is removed and rebuilt from the ledger by the
   * catch-up that follows (the index is a derived view; the ledger is the source of truth).
   */
  static PostIndex openIndex(Path dir) throws IOException {
    try {
      return PostIndex.open(dir);
    } catch (IndexSchemaException e) {
      LOG.warning(e.getMessage() + ": rebuilding it from the ledger now");
      deleteTree(dir);
      return PostIndex.open(dir);
    }
  }

  /** Deletes a directory tree (derived data only: the index). */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
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
  public FileEvidenceLog ledger() {
    return ledger;
  }

  /** The ledger's tree-head signing keys. */
  public TreeHeadKeys signingKeys() {
    return signingKeys;
  }

  /** The tree-head signer; call {@link TreeHeadSigner#signIfDue} from a timer. */
  public TreeHeadSigner signer() {
    return signer;
  }

  /** The custody recorder. */
  public Custody custody() {
    return custody;
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

  /** Live campaigns: the streaming detector over posts as they are indexed. */
  public LiveCampaigns liveCampaigns() {
    return liveCampaigns;
  }

  /** The analysts' watchlists (context for every score). */
  public WatchlistStore watchlists() {
    return watchlists;
  }

  /** Saved searches. */
  public SavedSearchStore savedSearches() {
    return searches;
  }

  /** The rebuilder of the index from the ledger while the node serves. */
  public IndexRebuild rebuild() {
    return rebuild;
  }

  /** What the catch-up at open did. */
  public CatchUpReport startupCatchUp() {
    return startupCatchUp;
  }

  /**
   * Commits the index, signs a last tree head, and closes everything; the ledger waits for pending
   * appends to be durable. Closing twice is harmless.
   */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    rebuild.stop();
    IOException first = null;
    for (Closeable c :
        new Closeable[] {indexer::flush, index, alerts.outbox()::close, signer, ledger}) {
      try {
        c.close();
      } catch (IOException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
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
