package org.tocsin.api.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.tocsin.api.auth.Access;
import org.tocsin.api.problems.ApiException;
import org.tocsin.core.json.Json;
import org.tocsin.crawler.outbound.OutboundRefusedException;
import org.tocsin.crawler.source.SourceStatus;
import org.tocsin.node.keys.Role;
import org.tocsin.node.sources.SourceAdmin;

/**
 * {@code /api/v1/sources}: every live source's state, last success, lag, pace, last error and next
 * attempt, so that a broken source is visible, never silent; and, for admins, adding a source (the
 * same JSON as a config file's {@code crawler.sources[]} entry), pausing, resuming and removing
 * one.
 */
final class SourceRoutes {
  private final SourceAdmin sources;

  SourceRoutes(SourceAdmin sources) {
    this.sources = sources;
  }

  void mount(Router router) {
    router.get("/api/v1/sources").handler(Access.anyRole()).handler(this::list);
    router.post("/api/v1/sources").handler(Access.allow(Role.ADMIN)).handler(this::add);
    router
        .post("/api/v1/sources/:name/pause")
        .handler(Access.allow(Role.ADMIN))
        .handler(rc -> answer(rc, sources.pause(rc.pathParam("name")), 200));
    router
        .post("/api/v1/sources/:name/resume")
        .handler(Access.allow(Role.ADMIN))
        .handler(rc -> answer(rc, sources.resume(rc.pathParam("name")), 200));
    router
        .delete("/api/v1/sources/:name")
        .handler(Access.allow(Role.ADMIN))
        .handler(
            rc ->
                sources
                    .remove(rc.pathParam("name"))
                    .onSuccess(v -> rc.response().setStatusCode(204).end())
                    .onFailure(e -> rc.fail(problem(e))));
  }

  private void list(RoutingContext rc) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.set("sources", render(sources.status(), Access.key(rc).role() == Role.ADMIN));
    JsonResponses.send(rc, 200, body);
  }

  @SuppressWarnings("unchecked")
  private void add(RoutingContext rc) {
    JsonObject entry =
        new JsonObject(Json.mapper().convertValue(RequestBodies.json(rc), Map.class));
    answer(rc, sources.add(entry), 201);
  }

  private static void answer(RoutingContext rc, Future<SourceStatus> f, int status) {
    f.onSuccess(s -> JsonResponses.send(rc, status, render(s, true)))
        .onFailure(e -> rc.fail(problem(e)));
  }

  /** The problem a source change failed with. */
  static Throwable problem(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof OutboundRefusedException) {
        return new ApiException(400, "outbound_refused", e.getMessage());
      }
    }
    if (e instanceof IllegalArgumentException) {
      return new ApiException(400, "invalid_source", e.getMessage());
    } else if (e instanceof IllegalStateException) {
      return new ApiException(409, "conflict", e.getMessage());
    } else if (e instanceof NoSuchElementException) {
      return ApiException.notFound(e.getMessage());
    } else if (e instanceof UnsupportedOperationException) {
      return new ApiException(503, "unavailable", e.getMessage());
    }
    return e;
  }

  /**
   * Renders statuses; {@code full}: with each last error's detail (URLs, addresses), for admins;
   * others get its cause code only.
   */
  static ArrayNode render(List<SourceStatus> list, boolean full) {
    ArrayNode arr = Json.mapper().createArrayNode();
    list.forEach(s -> arr.add(render(s, full)));
    return arr;
  }

  static ObjectNode render(SourceStatus s, boolean full) {
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("name", s.source());
    o.put("state", s.state().name().toLowerCase(Locale.ROOT));
    o.put("paused", s.state() == SourceStatus.State.PAUSED);
    o.put("lastSuccess", s.lastSuccess() == null ? null : s.lastSuccess().toString());
    o.put("lagSeconds", s.lagSeconds());
    o.put("postsPerMinute", s.postsPerMinute());
    o.put("errors", s.errors());
    o.put("lastError", ErrorDetails.shown(s.lastError(), full));
    o.put("nextAttempt", s.nextAttempt() == null ? null : s.nextAttempt().toString());
    return o;
  }

  /** Whether a source needs attention: not running (and not paused by an admin), or failing. */
  static boolean failing(SourceStatus s) {
    return s.state() == SourceStatus.State.BACKING_OFF
        || s.state() == SourceStatus.State.STOPPED
        || s.lastError() != null && s.errors() > 0 && s.state() != SourceStatus.State.PAUSED;
  }
}
