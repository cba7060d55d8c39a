package org.tocsin.api.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.tocsin.api.auth.Access;
import org.tocsin.core.json.Json;
import org.tocsin.crawler.source.SourceStatus;

/**
 * {@code GET /api/v1/sources}: every live source's state, last success, lag, pace, last error and
 * next attempt, so that a broken source is visible, never silent.
 */
final class SourceRoutes {
  private final Supplier<List<SourceStatus>> sources;

  SourceRoutes(Supplier<List<SourceStatus>> sources) {
    this.sources = sources;
  }

  void mount(Router router) {
    router.get("/api/v1/sources").handler(Access.anyRole()).handler(this::list);
  }

  private void list(RoutingContext rc) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.set("sources", render(sources.get()));
    JsonResponses.send(rc, 200, body);
  }

  static ArrayNode render(List<SourceStatus> list) {
    ArrayNode arr = Json.mapper().createArrayNode();
    for (SourceStatus s : list) {
      ObjectNode o = arr.addObject();
      o.put("name", s.source());
      o.put("state", s.state().name().toLowerCase(Locale.ROOT));
      o.put("lastSuccess", s.lastSuccess() == null ? null : s.lastSuccess().toString());
      o.put("lagSeconds", s.lagSeconds());
      o.put("postsPerMinute", s.postsPerMinute());
      o.put("errors", s.errors());
      o.put("lastError", s.lastError());
      o.put("nextAttempt", s.nextAttempt() == null ? null : s.nextAttempt().toString());
    }
    return arr;
  }

  /** Whether a source needs attention: not running, or failing. */
  static boolean failing(SourceStatus s) {
    return s.state() == SourceStatus.State.BACKING_OFF
        || s.state() == SourceStatus.State.STOPPED
        || s.lastError() != null && s.errors() > 0;
  }
}
