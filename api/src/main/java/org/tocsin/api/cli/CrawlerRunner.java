package org.tocsin.api.cli;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Random;
import org.tocsin.api.node.TocsinNode;
import org.tocsin.core.json.Json;
import org.tocsin.crawler.source.FileCursorStore;
import org.tocsin.crawler.source.Sources;
import org.tocsin.crawler.source.SourcesConfig;

/**
 * Starts the configured live sources: every capture goes to the ledger (the sink's future completes
 * after fsync, so a source's cursor moves only past acknowledged captures), and the API verticle's
 * tailing indexes it within a second.
 */
final class CrawlerRunner {
  /**
   * Bodies up to this size stay inline in the ledger record; larger ones (media, big pages) go to
   * the content-addressed blob store, fsynced before the record that names them.
   */
  static final int INLINE_MAX_BYTES = 256 * 1024;

  private CrawlerRunner() {}

  /** Deploys the node's configured sources; an empty list deploys nothing. */
  static Future<Sources> start(Vertx vertx, TocsinNode node) {
    SourcesConfig cfg;
    try {
      JsonObject json =
          new JsonObject(Json.mapper().convertValue(node.config().crawler(), java.util.Map.class));
      cfg = SourcesConfig.fromJson(json);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(
          new IllegalArgumentException("crawler config: " + e.getMessage(), e));
    }
    return Sources.deploy(
        vertx,
        cfg,
        capture ->
            capture.body().length > INLINE_MAX_BYTES
                ? vertx
                    .executeBlocking(() -> node.ledger().appendCaptureWithBlob(capture), false)
                    .compose(Future::fromCompletionStage)
                : Future.fromCompletionStage(node.ledger().appendCapture(capture)),
        new FileCursorStore(vertx, node.dataDir().resolve("cursors")),
        new Random(),
        java.time.Clock.systemUTC());
  }
}
