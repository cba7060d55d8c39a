package org.tocsin.api.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.tocsin.core.json.Json;
import org.tocsin.node.TocsinNode;

/**
 * {@code GET /health}: whether the node is up, and how far the index trails the ledger. A lag that
 * does not shrink means the pipeline is stuck, which the dashboard must show, never hide.
 */
final class HealthRoutes {
  private final Vertx vertx;
  private final TocsinNode node;
  private final java.util.function.Supplier<java.util.List<org.tocsin.crawler.source.SourceStatus>>
      sources;

  HealthRoutes(
      Vertx vertx,
      TocsinNode node,
      java.util.function.Supplier<java.util.List<org.tocsin.crawler.source.SourceStatus>> sources) {
    this.vertx = vertx;
    this.node = node;
    this.sources = sources;
  }

  void mount(Router router) {
    router.get("/health").handler(this::health);
  }

  private void health(RoutingContext rc) {
    vertx
        .executeBlocking(this::status, false)
        .onSuccess(body -> JsonResponses.send(rc, 200, body))
        .onFailure(rc::fail);
  }

  private ObjectNode status() throws java.io.IOException {
    node.indexer().tryCatchUp(); // custody and tree-head records are processed at once
    long ledgerSeq = node.ledger().lastSeq();
    long indexed = node.indexer().indexedThrough();
    ObjectNode body = Json.mapper().createObjectNode();
    var list = sources.get();
    long failing = list.stream().filter(SourceRoutes::failing).count();
    body.put("status", failing > 0 ? "degraded" : "up");
    ObjectNode src = body.putObject("sources");
    src.put("total", list.size());
    src.put("failing", failing);
    src.set("list", SourceRoutes.render(list, false)); // /health is open: no error details
    body.putObject("ledger").put("lastSeq", ledgerSeq);
    ObjectNode index = body.putObject("index");
    index.put("lastIndexedSeq", indexed);
    index.put("committedSeq", node.indexer().committedThrough());
    index.put("lag", ledgerSeq - indexed);
    index.put("posts", node.index().count());
    ObjectNode scorer = body.putObject("scorer");
    scorer.put("model", node.scorer().model());
    scorer.put("version", node.scorer().version());
    return body;
  }
}
