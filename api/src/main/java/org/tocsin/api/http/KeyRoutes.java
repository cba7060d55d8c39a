package org.tocsin.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.tocsin.api.auth.Access;
import org.tocsin.api.problems.ApiException;
import org.tocsin.core.json.Json;
import org.tocsin.node.keys.ApiKey;
import org.tocsin.node.keys.ApiKeyStore;
import org.tocsin.node.keys.Role;

/**
 * API keys, for admins: list, create (the secret is shown once), revoke; and {@code /api/v1/me},
 * the caller's own key (never its secret), so that the dashboard shows each role what it may use.
 */
final class KeyRoutes {
  private final Vertx vertx;
  private final ApiKeyStore keys;

  KeyRoutes(Vertx vertx, ApiKeyStore keys) {
    this.vertx = vertx;
    this.keys = keys;
  }

  void mount(Router router) {
    router.get("/api/v1/keys").handler(Access.allow(Role.ADMIN)).handler(this::list);
    router.post("/api/v1/keys").handler(Access.allow(Role.ADMIN)).handler(this::create);
    router.delete("/api/v1/keys/:id").handler(Access.allow(Role.ADMIN)).handler(this::revoke);
    router
        .get("/api/v1/me")
        .handler(Access.anyRole())
        .handler(rc -> JsonResponses.send(rc, 200, render(Access.key(rc))));
  }

  private void list(RoutingContext rc) {
    ObjectNode body = Json.mapper().createObjectNode();
    ArrayNode arr = body.putArray("keys");
    for (ApiKey k : keys.list()) {
      arr.add(render(k));
    }
    JsonResponses.send(rc, 200, body);
  }

  private void create(RoutingContext rc) {
    JsonNode req = RequestBodies.json(rc);
    Role role;
    try {
      role = Role.parse(RequestBodies.requiredText(req, "role", 32));
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter("role", e.getMessage());
    }
    String name = RequestBodies.requiredText(req, "name", 200);
    vertx
        .executeBlocking(() -> keys.create(role, name), false)
        .onSuccess(
            created -> {
              ObjectNode body = render(created.key());
              body.put("token", created.token());
              body.put("note", "the token is shown once; store it now");
              JsonResponses.send(rc, 201, body);
            })
        .onFailure(rc::fail);
  }

  private void revoke(RoutingContext rc) {
    String id = rc.pathParam("id");
    vertx
        .executeBlocking(() -> keys.revoke(id), false)
        .onSuccess(
            found -> {
              if (found) {
                rc.response().setStatusCode(204).end();
              } else {
                rc.fail(ApiException.notFound("no active key " + id));
              }
            })
        .onFailure(rc::fail);
  }

  private static ObjectNode render(ApiKey k) {
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("id", k.id());
    o.put("name", k.name());
    o.put("role", k.role().jsonName());
    o.put("createdAt", k.createdAt().toString());
    o.put("active", k.active());
    if (k.revokedAt() != null) {
      o.put("revokedAt", k.revokedAt().toString());
    }
    return o;
  }
}
