package org.tocsin.node.sources;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Supplier;
import org.tocsin.core.json.Json;
import org.tocsin.crawler.source.CaptureSink;
import org.tocsin.crawler.source.FileCursorStore;
import org.tocsin.crawler.source.SourceConfig;
import org.tocsin.crawler.source.SourceStatus;
import org.tocsin.crawler.source.Sources;
import org.tocsin.crawler.source.SourcesConfig;
import org.tocsin.node.TocsinNode;

/**
 * Runs the node's live sources: those of the config file merged with what admins added, paused and
 * removed ({@link SourceStore}). Every capture goes to the ledger (the sink's future completes
 * after fsync, so a source's cursor moves only past acknowledged captures), and the API verticle's
 * tailing indexes it within a second. Admin changes are applied to the running crawler first and
 * then kept, one at a time; an entry that does not start is never kept, so that it cannot stop the
 * next start-up.
 */
public final class SourceManager implements SourceAdmin {
  /**
   * Bodies up to this size stay inline in the ledger record; larger ones (media, big pages) go to
   * the content-addressed blob store, fsynced before the record that names them.
   */
  static final int INLINE_MAX_BYTES = 256 * 1024;

  private final Vertx vertx;
  private final Sources sources;
  private final SourceStore store;
  private final JsonObject defaults;
  private final List<String> fileRoots;
  private Future<?> changes = Future.succeededFuture(); // guarded by this

  private SourceManager(
      Vertx vertx, Sources sources, SourceStore store, JsonObject defaults, List<String> roots) {
    this.vertx = vertx;
    this.sources = sources;
    this.store = store;
    this.defaults = defaults;
    this.fileRoots = roots;
  }

  /**
   * Starts the node's sources (an empty list starts nothing). Reads the ledger's tail first (up to
   * 20,000 records, blocking), so that a refetch after a crash stores nothing twice.
   *
   * @return fails with {@link IllegalArgumentException} naming the entry and key of a bad config,
   *     or with the failure of a source that did not start
   */
  public static Future<SourceManager> start(Vertx vertx, TocsinNode node) {
    Objects.requireNonNull(vertx, "vertx");
    Objects.requireNonNull(node, "node");
    SourceStore store;
    SourcesConfig cfg;
    JsonObject defaults;
    try {
      JsonObject crawler =
          new JsonObject(Json.mapper().convertValue(node.config().crawler(), Map.class));
      SourcesConfig.fromJson(crawler); // checks the file's own keys and entries first
      defaults = crawler.getJsonObject("defaults");
      store = SourceStore.open(node.dataDir());
      cfg =
          SourcesConfig.fromJson(
              store.merge(crawler.getJsonArray("sources", new JsonArray())), defaults);
      for (SourceConfig c : cfg.sources()) {
        FileRoots.check(c, node.config().security().fileRoots());
      }
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(
          new IllegalArgumentException("crawler config: " + e.getMessage(), e));
    } catch (IOException e) {
      return Future.failedFuture(e);
    }
    RecentCaptures recent;
    try {
      recent = RecentCaptures.fromLedger(node.ledger());
    } catch (IOException e) {
      return Future.failedFuture(e);
    }
    return Sources.deploy(
            vertx,
            cfg,
            store.paused(),
            sink(vertx, node, recent),
            new FileCursorStore(vertx, node.dataDir().resolve("cursors")),
            new Random(),
            Clock.systemUTC(),
            node.config().security().outboundGuard())
        .map(
            s ->
                new SourceManager(vertx, s, store, defaults, node.config().security().fileRoots()));
  }

  /**
   * The ledger as the crawler's sink: a capture whose bytes the ledger already holds from the same
   * source and URL ({@link RecentCaptures}) is answered with that record, anything else appended.
   */
  private static CaptureSink sink(Vertx vertx, TocsinNode node, RecentCaptures recent) {
    return capture -> {
      org.tocsin.core.evidence.EvidenceRef known = recent.get(capture);
      if (known != null) {
        return Future.succeededFuture(known);
      }
      Future<org.tocsin.core.evidence.EvidenceRef> stored =
          capture.body().length > INLINE_MAX_BYTES
              ? vertx
                  .executeBlocking(() -> node.ledger().appendCaptureWithBlob(capture), false)
                  .compose(Future::fromCompletionStage)
              : Future.fromCompletionStage(node.ledger().appendCapture(capture));
      return stored.onSuccess(ref -> recent.put(capture, ref));
    };
  }

  /** The running crawler. */
  public Sources sources() {
    return sources;
  }

  @Override
  public List<SourceStatus> status() {
    return sources.status();
  }

  @Override
  public Future<SourceStatus> add(JsonObject entry) {
    Objects.requireNonNull(entry, "entry");
    SourceConfig cfg;
    try {
      cfg = SourcesConfig.fromJson(new JsonArray().add(entry), defaults).sources().get(0);
      FileRoots.check(cfg, fileRoots);
    } catch (FileRoots.OutsideRootsException e) {
      return Future.failedFuture(e);
    } catch (IllegalArgumentException e) {
      String msg = String.valueOf(e.getMessage());
      return Future.failedFuture(
          new IllegalArgumentException(
              msg.startsWith("sources[0] ") ? "source " + msg.substring(11) : msg, e));
    }
    JsonObject kept = entry.copy();
    return serially(
        () ->
            sources
                .add(cfg)
                .compose(
                    s ->
                        keep(() -> store.added(kept))
                            .recover(
                                e ->
                                    sources
                                        .remove(cfg.source())
                                        .transform(x -> Future.<Void>failedFuture(e)))
                            .map(s)));
  }

  @Override
  public Future<SourceStatus> pause(String name) {
    return serially(
        () -> sources.pause(name).compose(s -> keep(() -> store.paused(name, true)).map(s)));
  }

  @Override
  public Future<SourceStatus> resume(String name) {
    return serially(
        () -> sources.resume(name).compose(s -> keep(() -> store.paused(name, false)).map(s)));
  }

  @Override
  public Future<Void> remove(String name) {
    return serially(() -> sources.remove(name).compose(v -> keep(() -> store.removed(name))));
  }

  /** Stops every source (each saves what the ledger acknowledged). */
  public Future<Void> stop() {
    return sources.undeploy();
  }

  /** A store write, off the event loop. */
  private Future<Void> keep(StoreWrite write) {
    return vertx.executeBlocking(
        () -> {
          write.run();
          return null;
        },
        false);
  }

  private <T> Future<T> serially(Supplier<Future<T>> change) {
    synchronized (this) {
      Future<T> next = changes.transform(ar -> change.get());
      changes = next;
      return next;
    }
  }

  /** One write to the store. */
  @FunctionalInterface
  private interface StoreWrite {
    void run() throws IOException;
  }
}
