package org.tocsin.api.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.tocsin.core.score.PostScorer;
import org.tocsin.nlp.bands.IncitementBands;

/**
 * {@code GET /api/v1/scoring/bands}: the incitement band table the node's alert rules use, so that
 * the dashboard can show each post's band next to its score and say what the band means.
 */
final class ScoringRoutes {
  private final IncitementBands bands;
  private final PostScorer scorer;

  ScoringRoutes(IncitementBands bands, PostScorer scorer) {
    this.bands = bands;
    this.scorer = scorer;
  }

  void mount(Router router) {
    router.get("/api/v1/scoring/bands").handler(this::bands);
  }

  private void bands(RoutingContext rc) {
    ObjectNode body = (ObjectNode) bands.toNode();
    String running = scorer.model() + " v" + scorer.version();
    body.put("runningScorer", running);
    body.put("calibratedForRunningScorer", running.equals(bands.scorer()));
    JsonResponses.send(rc, 200, body);
  }
}
