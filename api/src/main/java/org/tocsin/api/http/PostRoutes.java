package org.tocsin.api.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tocsin.api.auth.Access;
import org.tocsin.api.problems.ApiException;
import org.tocsin.core.json.Json;
import org.tocsin.core.json.ScoreJson;
import org.tocsin.core.post.PostKey;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.index.InvalidQueryException;
import org.tocsin.index.PostIndex;
import org.tocsin.index.SearchHit;
import org.tocsin.index.SearchRequest;
import org.tocsin.index.SearchResult;
import org.tocsin.node.Custody;
import org.tocsin.node.config.TocsinConfig.SearchConfig;
import org.tocsin.node.keys.ApiKey;

/**
 * Posts: {@code GET /api/v1/posts/search} (Lucene classic query syntax) and {@code GET
 * /api/v1/posts/:platform/:id} (and its {@code /versions}, every captured version of an edited
 * post, oldest first, and {@code /similar}, the posts whose text is most like it: Lucene's
 * MoreLikeThis, under the same filters as a search). Every returned post carries its score and its
 * EvidenceRef.
 */
final class PostRoutes {
  /**
   * Hits counted exactly unless {@code exactTotal=true}: past it {@code total} is a lower bound
   * ({@code totalExact} false) and the search may skip documents that cannot reach the page, as
   * Elasticsearch does by default with the same number.
   */
  static final int TOTAL_HITS_THRESHOLD = 10_000;

  private final Vertx vertx;
  private final PostIndex index;
  private final SearchConfig limits;
  private final Custody custody;

  PostRoutes(Vertx vertx, PostIndex index, SearchConfig limits, Custody custody) {
    this.vertx = vertx;
    this.index = index;
    this.limits = limits;
    this.custody = custody;
  }

  void mount(Router router) {
    router.get("/api/v1/posts/search").handler(Access.anyRole()).handler(this::search);
    router.get("/api/v1/posts/:platform/:id").handler(Access.anyRole()).handler(this::get);
    router
        .get("/api/v1/posts/:platform/:id/versions")
        .handler(Access.anyRole())
        .handler(this::versions);
    router
        .get("/api/v1/posts/:platform/:id/similar")
        .handler(Access.anyRole())
        .handler(this::similar);
  }

  private void search(RoutingContext rc) {
    String q = QueryParams.string(rc, "q", "", limits.maxQueryChars());
    int limit = QueryParams.integer(rc, "limit", 20, 1, limits.maxLimit());
    int offset = QueryParams.integer(rc, "offset", 0, 0, limits.maxOffset());
    SearchRequest.Sort sort =
        QueryParams.choice(rc, "sort", SearchRequest.Sort.RELEVANCE, SearchRequest.Sort.class);
    String cursor = QueryParams.string(rc, "cursor", null, SearchRequest.MAX_CURSOR_CHARS);
    boolean exactTotal = QueryParams.bool(rc, "exactTotal", false);
    SearchRequest request;
    try {
      request =
          new SearchRequest(q, offset, limit, sort)
              .withFilters(SearchParams.filters(rc))
              .withCursor(cursor)
              .withTotalHitsThreshold(
                  exactTotal ? SearchRequest.EXACT_TOTAL_HITS : TOTAL_HITS_THRESHOLD);
    } catch (IllegalArgumentException e) {
      throw new ApiException(400, "invalid_parameter", e.getMessage());
    }
    vertx
        .executeBlocking(() -> runSearch(request), false)
        .onSuccess(
            result -> {
              List<Long> seqs = new ArrayList<>();
              result.hits().forEach(h -> seqs.add(h.post().evidence().seq()));
              ObjectNode body = render(request, result);
              body.set(
                  "hints",
                  TargetHints.of(
                      request.query(),
                      List.of(SearchParams.list(rc, "target")),
                      result.totalHits()));
              sendAfterAccess(
                  rc, seqs.stream().distinct().toList(), request.query(), "search", body);
            })
        .onFailure(rc::fail);
  }

  private SearchResult runSearch(SearchRequest request) throws java.io.IOException {
    try {
      return index.search(request);
    } catch (InvalidQueryException e) {
      throw new ApiException(400, "invalid_query", e.getMessage());
    }
  }

  static ObjectNode render(SearchRequest request, SearchResult result) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("query", request.query());
    body.put("sort", request.sort().name().toLowerCase(java.util.Locale.ROOT));
    body.put("offset", request.offset());
    body.put("limit", request.limit());
    body.put("total", result.totalHits());
    body.put("totalExact", result.totalHitsExact());
    body.put("tookMicros", result.tookMicros());
    if (result.nextCursor() != null) {
      body.put("nextCursor", result.nextCursor());
    }
    ArrayNode hits = body.putArray("hits");
    for (SearchHit hit : result.hits()) {
      ObjectNode h = (ObjectNode) ScoreJson.toNode(hit.post());
      h.put("relevance", hit.relevance());
      if (hit.highlight() != null) {
        h.put("highlight", hit.highlight());
      }
      hits.add(h);
    }
    return body;
  }

  private void get(RoutingContext rc) {
    PostKey key = key(rc);
    vertx
        .executeBlocking(() -> index.get(key), false)
        .onSuccess(
            (Optional<ScoredPost> found) -> {
              if (found.isEmpty()) {
                rc.fail(ApiException.notFound("no post " + key));
              } else {
                sendAfterAccess(
                    rc,
                    List.of(found.get().evidence().seq()),
                    null,
                    "post " + key,
                    ScoreJson.toNode(found.get()));
              }
            })
        .onFailure(rc::fail);
  }

  private void versions(RoutingContext rc) {
    PostKey key = key(rc);
    vertx
        .executeBlocking(() -> index.versions(key), false)
        .onSuccess(
            (List<ScoredPost> found) -> {
              if (found.isEmpty()) {
                rc.fail(ApiException.notFound("no post " + key));
                return;
              }
              ObjectNode body = Json.mapper().createObjectNode();
              body.put("key", key.toString());
              ArrayNode arr = body.putArray("versions");
              List<Long> seqs = new ArrayList<>();
              for (ScoredPost p : found) {
                arr.add(ScoreJson.toNode(p));
                seqs.add(p.evidence().seq());
              }
              sendAfterAccess(rc, seqs, null, "versions of post " + key, body);
            })
        .onFailure(rc::fail);
  }

  private void similar(RoutingContext rc) {
    PostKey key = key(rc);
    int limit = QueryParams.integer(rc, "limit", 10, 1, limits.maxLimit());
    org.tocsin.index.SearchFilters filters;
    try {
      filters = SearchParams.filters(rc);
    } catch (IllegalArgumentException e) {
      throw new ApiException(400, "invalid_parameter", e.getMessage());
    }
    vertx
        .executeBlocking(
            () -> {
              try {
                return index
                    .moreLikeThis(key, filters, limit)
                    .orElseThrow(() -> ApiException.notFound("no post " + key));
              } catch (InvalidQueryException e) {
                throw new ApiException(400, "invalid_query", e.getMessage());
              }
            },
            false)
        .onSuccess(
            result -> {
              List<Long> seqs = new ArrayList<>();
              result.hits().forEach(h -> seqs.add(h.post().evidence().seq()));
              ObjectNode body =
                  render(
                      SearchRequest.of("", filters, SearchRequest.Sort.RELEVANCE, limit), result);
              body.put("like", key.toString());
              sendAfterAccess(
                  rc, seqs.stream().distinct().toList(), null, "posts like " + key, body);
            })
        .onFailure(rc::fail);
  }

  /**
   * Sends a 200 with the body once the access to the captures is durable in the custody log (who,
   * which role, the stated reason, the query).
   */
  private void sendAfterAccess(
      RoutingContext rc,
      List<Long> seqs,
      String query,
      String what,
      com.fasterxml.jackson.databind.JsonNode body) {
    ApiKey k = Access.key(rc);
    Future.fromCompletionStage(
            custody.accessed(seqs, k.id(), k.role().jsonName(), Reasons.stated(rc), query, what),
            vertx.getOrCreateContext())
        .onSuccess(v -> JsonResponses.send(rc, 200, body))
        .onFailure(rc::fail);
  }

  private static PostKey key(RoutingContext rc) {
    String platform = rc.pathParam("platform");
    String id = rc.pathParam("id");
    if (platform.length() > 64 || id.length() > 512) {
      throw ApiException.badParameter("platform/id", "too long");
    }
    return new PostKey(platform, id);
  }
}
