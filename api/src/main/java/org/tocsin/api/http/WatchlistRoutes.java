package org.tocsin.api.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.tocsin.api.auth.Access;
import org.tocsin.api.problems.ApiException;
import org.tocsin.core.json.Json;
import org.tocsin.nlp.watchlist.Watchlist;
import org.tocsin.node.WatchlistStore;
import org.tocsin.node.keys.Role;

/**
 * Watchlists ({@code /api/v1/watchlists}): coded terms per context, edited by analysts; a change
 * applies to the next post scored, without a restart.
 */
final class WatchlistRoutes {
  private final Vertx vertx;
  private final WatchlistStore store;

  WatchlistRoutes(Vertx vertx, WatchlistStore store) {
    this.vertx = vertx;
    this.store = store;
  }

  void mount(Router router) {
    router.get("/api/v1/watchlists").handler(Access.anyRole()).handler(this::list);
    router
        .post("/api/v1/watchlists")
        .handler(Access.allow(Role.ANALYST, Role.ADMIN))
        .handler(this::create);
    router
        .delete("/api/v1/watchlists/:id")
        .handler(Access.allow(Role.ANALYST, Role.ADMIN))
        .handler(this::delete);
  }

  private void list(RoutingContext rc) {
    ObjectNode body = Json.mapper().createObjectNode();
    ArrayNode arr = body.putArray("watchlists");
    store.list().forEach(w -> arr.add(WatchlistStore.toNode(w)));
    JsonResponses.send(rc, 200, body);
  }

  private void create(RoutingContext rc) {
    byte[] id = new byte[8];
    ThreadLocalRandom.current().nextBytes(id);
    Watchlist w;
    try {
      w = WatchlistStore.fromNode(RequestBodies.json(rc), "wl-" + HexFormat.of().formatHex(id));
    } catch (IllegalArgumentException e) {
      throw new ApiException(400, "invalid_body", e.getMessage());
    }
    vertx
        .executeBlocking(
            () -> {
              store.put(w);
              return w;
            },
            false)
        .onSuccess(x -> JsonResponses.send(rc, 201, WatchlistStore.toNode(x)))
        .onFailure(rc::fail);
  }

  private void delete(RoutingContext rc) {
    String id = rc.pathParam("id");
    vertx
        .executeBlocking(() -> store.delete(id), false)
        .onSuccess(
            found -> {
              if (found) {
                rc.response().setStatusCode(204).end();
              } else {
                rc.fail(ApiException.notFound("no watchlist " + id));
              }
            })
        .onFailure(rc::fail);
  }
}
