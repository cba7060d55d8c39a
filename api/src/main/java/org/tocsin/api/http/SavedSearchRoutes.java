package org.tocsin.api.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.tocsin.api.auth.Access;
import org.tocsin.api.problems.ApiException;
import org.tocsin.core.json.Json;
import org.tocsin.index.InvalidQueryException;
import org.tocsin.index.PostIndex;
import org.tocsin.index.SearchRequest;
import org.tocsin.index.saved.SavedFilters;
import org.tocsin.index.saved.SavedSearch;
import org.tocsin.index.saved.SavedSearchStore;
import org.tocsin.node.keys.ApiKey;
import org.tocsin.node.keys.Role;

/**
 * Saved searches: {@code POST /api/v1/searches?name=...} saves the search its other parameters
 * describe (the same {@code q}, {@code sort} and filters as {@code /posts/search}); {@code GET
 * /api/v1/searches/:id/results} runs it; its creator or an admin may delete it.
 */
final class SavedSearchRoutes {
  private final Vertx vertx;
  private final SavedSearchStore store;
  private final PostIndex index;
  private final int maxQueryChars;

  SavedSearchRoutes(Vertx vertx, SavedSearchStore store, PostIndex index, int maxQueryChars) {
    this.vertx = vertx;
    this.store = store;
    this.index = index;
    this.maxQueryChars = maxQueryChars;
  }

  void mount(Router router) {
    router.get("/api/v1/searches").handler(Access.anyRole()).handler(this::list);
    router.post("/api/v1/searches").handler(Access.anyRole()).handler(this::save);
    router.get("/api/v1/searches/:id/results").handler(Access.anyRole()).handler(this::run);
    router.delete("/api/v1/searches/:id").handler(Access.anyRole()).handler(this::delete);
  }

  private static ObjectNode render(SavedSearch s) {
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("id", s.id());
    o.put("name", s.name());
    o.put("q", s.query());
    o.put("sort", s.sort().name().toLowerCase(Locale.ROOT));
    o.set("filters", Json.mapper().valueToTree(s.filters()));
    o.put("createdBy", s.createdBy());
    o.put("createdAt", s.createdAt().toString());
    return o;
  }

  private void list(RoutingContext rc) {
    ObjectNode body = Json.mapper().createObjectNode();
    ArrayNode arr = body.putArray("searches");
    store.list().forEach(s -> arr.add(render(s)));
    JsonResponses.send(rc, 200, body);
  }

  private void save(RoutingContext rc) {
    String name = QueryParams.string(rc, "name", null, 200);
    if (name == null || name.isBlank()) {
      throw ApiException.badParameter("name", "a saved search needs a name");
    }
    String q = QueryParams.string(rc, "q", "", maxQueryChars);
    SearchRequest.Sort sort =
        QueryParams.choice(rc, "sort", SearchRequest.Sort.RELEVANCE, SearchRequest.Sort.class);
    SavedFilters filters = SavedFilters.of(SearchParams.filters(rc));
    ApiKey key = Access.key(rc);
    byte[] id = new byte[8];
    ThreadLocalRandom.current().nextBytes(id);
    SavedSearch s;
    try {
      s =
          new SavedSearch(
              "s-" + HexFormat.of().formatHex(id), name, q, filters, sort, key.id(), Instant.now());
    } catch (IllegalArgumentException e) {
      throw new ApiException(400, "invalid_parameter", e.getMessage());
    }
    vertx
        .executeBlocking(
            () -> {
              try {
                store.add(s);
              } catch (IllegalArgumentException e) {
                throw new ApiException(400, "invalid_query", e.getMessage());
              }
              return s;
            },
            false)
        .onSuccess(x -> JsonResponses.send(rc, 201, render(x)))
        .onFailure(rc::fail);
  }

  private void run(RoutingContext rc) {
    SavedSearch s =
        store.get(rc.pathParam("id")).orElseThrow(() -> ApiException.notFound("no saved search"));
    int limit = QueryParams.integer(rc, "limit", 20, 1, 100);
    SearchRequest req = s.request(limit);
    vertx
        .executeBlocking(
            () -> {
              try {
                return index.search(req);
              } catch (InvalidQueryException e) {
                throw new ApiException(400, "invalid_query", e.getMessage());
              }
            },
            false)
        .onSuccess(r -> JsonResponses.send(rc, 200, PostRoutes.render(req, r)))
        .onFailure(rc::fail);
  }

  private void delete(RoutingContext rc) {
    String id = rc.pathParam("id");
    SavedSearch s = store.get(id).orElseThrow(() -> ApiException.notFound("no saved search " + id));
    ApiKey key = Access.key(rc);
    if (key.role() != Role.ADMIN && !key.id().equals(s.createdBy())) {
      throw new ApiException(
          403, "forbidden", "only its creator or an admin may delete a saved search");
    }
    vertx
        .executeBlocking(() -> store.delete(id), false)
        .onSuccess(found -> rc.response().setStatusCode(204).end())
        .onFailure(rc::fail);
  }
}
