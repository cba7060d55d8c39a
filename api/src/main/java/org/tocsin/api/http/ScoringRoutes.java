package org.tocsin.api.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tocsin.api.auth.Access;
import org.tocsin.core.json.Json;
import org.tocsin.core.score.PostScorer;
import org.tocsin.index.PostIndex;
import org.tocsin.index.SearchFilters;
import org.tocsin.index.stats.Facet;
import org.tocsin.index.stats.FacetCounts;
import org.tocsin.index.stats.FacetValue;
import org.tocsin.nlp.bands.IncitementBands;
import org.tocsin.nlp.baseline.TargetAliases;

/**
 * What the scores mean: {@code GET /api/v1/scoring/bands}, the incitement band table the node's
 * alert rules use, so that the dashboard can show each post's band next to its score and say what
 * the band means; and {@code GET /api/v1/scoring/targets}, the target groups with the names people
 * use for them and how many indexed posts target each, for pick-lists and plain-language checks.
 */
final class ScoringRoutes {
  private final Vertx vertx;
  private final IncitementBands bands;
  private final PostScorer scorer;
  private final PostIndex index;

  ScoringRoutes(Vertx vertx, IncitementBands bands, PostScorer scorer, PostIndex index) {
    this.vertx = vertx;
    this.bands = bands;
    this.scorer = scorer;
    this.index = index;
  }

  void mount(Router router) {
    router.get("/api/v1/scoring/bands").handler(Access.anyRole()).handler(this::bands);
    router.get("/api/v1/scoring/targets").handler(Access.anyRole()).handler(this::targets);
  }

  private void bands(RoutingContext rc) {
    ObjectNode body = (ObjectNode) bands.toNode();
    String running = scorer.model() + " v" + scorer.version();
    body.put("runningScorer", running);
    body.put("calibratedForRunningScorer", running.equals(bands.scorer()));
    JsonResponses.send(rc, 200, body);
  }

  private void targets(RoutingContext rc) {
    vertx
        .executeBlocking(
            () -> index.facets("", SearchFilters.NONE, List.of(Facet.TARGET), 1000), false)
        .onSuccess(
            r -> {
              Map<String, Long> posts = new TreeMap<>();
              for (FacetCounts c : r.facets()) {
                for (FacetValue v : c.top()) {
                  posts.put(v.value(), v.count());
                }
              }
              ObjectNode body = Json.mapper().createObjectNode();
              ArrayNode arr = body.putArray("groups");
              Map<String, TargetAliases.Group> known = TargetAliases.shipped().groups();
              TreeMap<String, Boolean> names = new TreeMap<>();
              known.keySet().forEach(n -> names.put(n, true));
              posts.keySet().forEach(n -> names.putIfAbsent(n, false));
              for (String name : names.keySet()) {
                ObjectNode g = arr.addObject().put("name", name);
                TargetAliases.Group k = known.get(name);
                if (k != null && k.ground() != null) {
                  g.put("ground", k.ground().jsonName());
                }
                ArrayNode aliases = g.putArray("aliases");
                if (k != null) {
                  k.aliases().stream().sorted().forEach(aliases::add);
                }
                g.put("posts", posts.getOrDefault(name, 0L));
              }
              JsonResponses.send(rc, 200, body);
            })
        .onFailure(rc::fail);
  }
}
