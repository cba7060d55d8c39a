package org.tocsin.api.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.tocsin.api.auth.Access;
import org.tocsin.api.problems.ApiException;
import org.tocsin.core.json.Json;
import org.tocsin.crawler.outbound.OutboundGuard;
import org.tocsin.index.InvalidQueryException;
import org.tocsin.index.PostIndex;
import org.tocsin.node.alerts.Alert;
import org.tocsin.node.alerts.AlertEngine;
import org.tocsin.node.alerts.AlertJson;
import org.tocsin.node.alerts.AlertRule;
import org.tocsin.node.alerts.WebhookStates;
import org.tocsin.node.keys.ApiKeyStore;
import org.tocsin.node.keys.Role;

/**
 * Alerts: rules ({@code /api/v1/alerts/rules}), the alert list ({@code /api/v1/alerts}) and the
 * server-sent-event stream ({@code /api/v1/alerts/stream}, resumable with {@code Last-Event-ID}).
 */
final class AlertRoutes {
  private static final long HEARTBEAT_MILLIS = 15_000;

  private final Vertx vertx;
  private final AlertEngine engine;
  private final OutboundGuard outbound;
  private final PostIndex index;
  private final ApiKeyStore keys;

  AlertRoutes(
      Vertx vertx, AlertEngine engine, OutboundGuard outbound, PostIndex index, ApiKeyStore keys) {
    this.vertx = vertx;
    this.engine = engine;
    this.outbound = outbound;
    this.index = index;
    this.keys = keys;
  }

  void mount(Router router) {
    var roles = Access.allow(Role.ANALYST, Role.TRUST, Role.ADMIN);
    router.get("/api/v1/alerts").handler(roles).handler(this::list);
    router.get("/api/v1/alerts/stream").handler(roles).handler(this::stream);
    router.get("/api/v1/alerts/rules").handler(roles).handler(this::rules);
    router.post("/api/v1/alerts/rules").handler(roles).handler(this::createRule);
    router.delete("/api/v1/alerts/rules/:id").handler(roles).handler(this::deleteRule);
  }

  private void list(RoutingContext rc) {
    long since = QueryParams.integer(rc, "since", 0, 0, Integer.MAX_VALUE);
    int limit = QueryParams.integer(rc, "limit", 50, 1, 500);
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("total", engine.outbox().size());
    ArrayNode arr = body.putArray("alerts");
    for (Alert a : engine.outbox().after(since, limit)) {
      arr.add(AlertJson.toNode(a));
    }
    JsonResponses.send(rc, 200, body);
  }

  private void rules(RoutingContext rc) {
    boolean admin = Access.key(rc).role() == Role.ADMIN;
    Map<String, String> names = new HashMap<>();
    keys.list().forEach(k -> names.put(k.id(), k.name()));
    ObjectNode body = Json.mapper().createObjectNode();
    ArrayNode arr = body.putArray("rules");
    for (AlertRule r : engine.rules().list()) {
      ObjectNode n = AlertJson.toNode(r, false);
      n.put("paused", engine.rules().isPaused(r.id()));
      if (r.createdBy() != null && names.containsKey(r.createdBy())) {
        n.put("createdByName", names.get(r.createdBy()));
      }
      WebhookStates.State s = engine.webhooks().state(r.id());
      if (r.webhook() != null && s != null) {
        ObjectNode d = n.with("webhook");
        d.put("deliveredThrough", s.cursor());
        d.put("delivered", s.delivered());
        d.put("consecutiveFailures", s.failures());
        if (s.lastAttemptMillis() > 0) {
          d.put("lastAttempt", Instant.ofEpochMilli(s.lastAttemptMillis()).toString());
          d.put("lastStatus", s.lastStatus());
          d.put("lastLatencyMillis", s.lastLatencyMillis());
        }
        if (s.lastError() != null) {
          // the detail may name addresses and ports (a port scanner's answer): admins only
          d.put("lastError", ErrorDetails.shown(s.lastError(), admin));
        }
      }
      arr.add(n);
    }
    JsonResponses.send(rc, 200, body);
  }

  private void createRule(RoutingContext rc) {
    ObjectNode req = (ObjectNode) RequestBodies.json(rc);
    byte[] idBytes = new byte[8];
    ThreadLocalRandom.current().nextBytes(idBytes);
    String creator = Access.key(rc).id();
    vertx
        .executeBlocking(
            () -> {
              RuleTargets.normalise(req, index);
              try {
                return AlertJson.ruleFromNode(
                    req, "rule-" + HexFormat.of().formatHex(idBytes), Instant.now(), creator);
              } catch (IllegalArgumentException e) {
                throw new ApiException(400, "invalid_body", e.getMessage());
              }
            },
            false)
        .compose(rule -> RuleOperations.checkWebhook(vertx, outbound, rule))
        .compose(
            rule ->
                vertx.executeBlocking(
                    () -> {
                      try {
                        engine.rules().add(rule);
                      } catch (InvalidQueryException e) {
                        throw new ApiException(400, "invalid_query", e.getMessage());
                      }
                      return rule;
                    },
                    false))
        .onSuccess(r -> JsonResponses.send(rc, 201, AlertJson.toNode(r, false)))
        .onFailure(rc::fail);
  }

  private void deleteRule(RoutingContext rc) {
    String id = rc.pathParam("id");
    vertx
        .executeBlocking(() -> engine.rules().delete(id), false)
        .onSuccess(
            found -> {
              if (found) {
                rc.response().setStatusCode(204).end();
              } else {
                rc.fail(ApiException.notFound("no rule " + id));
              }
            })
        .onFailure(rc::fail);
  }

  private void stream(RoutingContext rc) {
    String ruleFilter = QueryParams.string(rc, "rule", null, 64);
    String lastEventId = rc.request().getHeader("Last-Event-ID");
    long since = QueryParams.integer(rc, "since", 0, 0, Integer.MAX_VALUE);
    if (lastEventId != null) {
      try {
        since = Long.parseLong(lastEventId.trim());
      } catch (NumberFormatException e) {
        throw new ApiException(
            400,
            "invalid_parameter",
            "Last-Event-ID must be an alert number [got " + lastEventId + "]");
      }
    }
    HttpServerResponse res = rc.response();
    res.setChunked(true)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .putHeader("X-Accel-Buffering", "no");
    res.write("retry: 2000\n\n");
    Context ctx = vertx.getOrCreateContext();
    long[] sent = {since};
    Runnable flush =
        () -> {
          List<Alert> page;
          while (!res.ended() && !(page = engine.outbox().after(sent[0], 200)).isEmpty()) {
            for (Alert a : page) {
              sent[0] = a.n();
              if (ruleFilter == null || ruleFilter.equals(a.ruleId())) {
                res.write("id: " + a.n() + "\nevent: alert\ndata: " + AlertJson.toNode(a) + "\n\n");
              }
            }
          }
        };
    Consumer<List<Alert>> listener = alerts -> ctx.runOnContext(v -> flush.run());
    engine.addListener(listener);
    long heartbeat =
        vertx.setPeriodic(
            HEARTBEAT_MILLIS,
            id -> {
              if (!res.ended()) {
                res.write(": keep-alive\n\n");
              }
            });
    res.closeHandler(
        v -> {
          engine.removeListener(listener);
          vertx.cancelTimer(heartbeat);
        });
    flush.run();
  }
}
