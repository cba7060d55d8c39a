package org.tocsin.api.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.tocsin.api.auth.Access;
import org.tocsin.api.problems.ApiException;
import org.tocsin.core.json.Json;
import org.tocsin.node.IndexRebuild;
import org.tocsin.node.keys.Role;

/**
 * Rebuilding the index from the ledger while the node serves, for admins: {@code POST
 * /api/v1/admin/reindex} starts a rebuild (202, or 409 if one is running), {@code GET} tells where
 * it stands. Searches are answered from the old index until the new one replaces it.
 */
final class ReindexRoutes {
  private final IndexRebuild rebuild;

  ReindexRoutes(IndexRebuild rebuild) {
    this.rebuild = rebuild;
  }

  void mount(Router router) {
    router.post("/api/v1/admin/reindex").handler(Access.allow(Role.ADMIN)).handler(this::start);
    router.get("/api/v1/admin/reindex").handler(Access.allow(Role.ADMIN)).handler(this::status);
  }

  private void start(RoutingContext rc) {
    try {
      rebuild.start();
    } catch (IllegalStateException e) {
      throw new ApiException(409, "conflict", e.getMessage());
    }
    JsonResponses.send(rc, 202, render(rebuild.status()));
  }

  private void status(RoutingContext rc) {
    JsonResponses.send(rc, 200, render(rebuild.status()));
  }

  static ObjectNode render(IndexRebuild.Status s) {
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("phase", s.phase().name().toLowerCase(java.util.Locale.ROOT));
    o.put("running", s.running());
    o.put("indexedSeq", s.indexedSeq());
    o.put("ledgerSeq", s.ledgerSeq());
    o.put("posts", s.posts());
    if (s.startedAt() != null) {
      o.put("startedAt", s.startedAt().toString());
    }
    if (s.finishedAt() != null) {
      o.put("finishedAt", s.finishedAt().toString());
    }
    if (s.error() != null) {
      o.put("error", s.error());
    }
    return o;
  }
}
