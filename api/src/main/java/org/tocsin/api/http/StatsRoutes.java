package org.tocsin.api.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tocsin.api.auth.Access;
import org.tocsin.api.problems.ApiException;
import org.tocsin.core.json.Json;
import org.tocsin.index.InvalidQueryException;
import org.tocsin.index.PostIndex;
import org.tocsin.index.SearchFilters;
import org.tocsin.index.stats.Facet;
import org.tocsin.index.stats.FacetCounts;
import org.tocsin.index.stats.FacetResult;
import org.tocsin.index.stats.FacetValue;
import org.tocsin.index.stats.Histogram;
import org.tocsin.index.stats.Interval;

/**
 * Dashboard statistics over any query and filters: {@code GET /api/v1/stats/facets} (top values of
 * target group, ground, language, platform, label, campaign, author) and {@code GET
 * /api/v1/stats/histogram} (posts per hour or day, optionally split by a facet; without {@code
 * from} or {@code to} the missing end is the oldest or newest matching post's time).
 */
final class StatsRoutes {
  private final Vertx vertx;
  private final PostIndex index;
  private final int maxQueryChars;

  StatsRoutes(Vertx vertx, PostIndex index, int maxQueryChars) {
    this.vertx = vertx;
    this.index = index;
    this.maxQueryChars = maxQueryChars;
  }

  void mount(Router router) {
    router.get("/api/v1/stats/facets").handler(Access.anyRole()).handler(this::facets);
    router.get("/api/v1/stats/histogram").handler(Access.anyRole()).handler(this::histogram);
  }

  private static Facet facet(String name, String param) {
    return Facet.fromName(name)
        .orElseThrow(
            () ->
                ApiException.badParameter(
                    param,
                    "unknown facet [got "
                        + name
                        + "]; use target, ground, lang, platform, label, campaign or author"));
  }

  private void facets(RoutingContext rc) {
    String q = QueryParams.string(rc, "q", "", maxQueryChars);
    SearchFilters f = SearchParams.filters(rc);
    int top = QueryParams.integer(rc, "top", 10, 1, 1000);
    List<Facet> dims = new ArrayList<>();
    String[] names = SearchParams.list(rc, "facets");
    if (names.length == 0) {
      names = new String[] {"target", "ground", "lang", "platform", "label"};
    }
    for (String n : names) {
      dims.add(facet(n, "facets"));
    }
    vertx
        .executeBlocking(
            () -> {
              try {
                return index.facets(q, f, dims, top);
              } catch (InvalidQueryException e) {
                throw new ApiException(400, "invalid_query", e.getMessage());
              } catch (IllegalArgumentException e) {
                throw new ApiException(400, "invalid_parameter", e.getMessage());
              }
            },
            false)
        .onSuccess((FacetResult r) -> JsonResponses.send(rc, 200, render(r)))
        .onFailure(rc::fail);
  }

  private static ObjectNode render(FacetResult r) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("total", r.totalHits());
    body.put("tookMicros", r.tookMicros());
    ObjectNode facets = body.putObject("facets");
    for (FacetCounts c : r.facets()) {
      ObjectNode fc = facets.putObject(c.facet().jsonName());
      fc.put("distinct", c.distinctValues());
      ArrayNode top = fc.putArray("top");
      for (FacetValue v : c.top()) {
        top.addObject().put("value", v.value()).put("count", v.count());
      }
    }
    return body;
  }

  private void histogram(RoutingContext rc) {
    String q = QueryParams.string(rc, "q", "", maxQueryChars);
    SearchFilters given = SearchParams.filters(rc);
    Interval interval = QueryParams.choice(rc, "interval", Interval.DAY, Interval.class);
    String split = QueryParams.string(rc, "split", null, 20);
    Facet splitBy = split == null ? null : facet(split, "split");
    boolean fromData = given.from() == null || given.to() == null;
    vertx
        .executeBlocking(
            () -> {
              try {
                SearchFilters f = fromData ? DataRange.fill(index, q, given) : given;
                if (f == null) {
                  return null; // nothing matches: no range to cover
                }
                return index.histogram(q, f, interval, splitBy);
              } catch (InvalidQueryException e) {
                throw new ApiException(400, "invalid_query", e.getMessage());
              } catch (IllegalArgumentException e) {
                throw new ApiException(400, "invalid_parameter", e.getMessage());
              }
            },
            false)
        .onSuccess(
            (Histogram h) ->
                JsonResponses.send(
                    rc, 200, h == null ? empty(interval, splitBy) : render(h, fromData)))
        .onFailure(rc::fail);
  }

  private static ObjectNode empty(Interval interval, Facet splitBy) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("interval", interval.name().toLowerCase(Locale.ROOT));
    body.put("total", 0);
    body.put("rangeFromData", true);
    body.putArray("buckets");
    if (splitBy != null) {
      body.put("splitBy", splitBy.jsonName());
      body.putArray("series");
      body.put("omittedSeries", 0);
    }
    return body;
  }

  private static ObjectNode render(Histogram h, boolean rangeFromData) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("interval", h.interval().name().toLowerCase(Locale.ROOT));
    body.put("rangeFromData", rangeFromData);
    body.put("from", h.from().toString());
    body.put("to", h.to().toString());
    body.put("total", h.totalHits());
    body.put("tookMicros", h.tookMicros());
    ArrayNode buckets = body.putArray("buckets");
    for (Histogram.Bucket b : h.buckets()) {
      buckets.addObject().put("start", b.start().toString()).put("count", b.count());
    }
    if (h.splitBy() != null) {
      body.put("splitBy", h.splitBy().jsonName());
      ArrayNode series = body.putArray("series");
      for (Histogram.Series s : h.series()) {
        ObjectNode o = series.addObject().put("value", s.value()).put("total", s.total());
        ArrayNode counts = o.putArray("counts");
        s.counts().forEach(counts::add);
      }
      body.put("omittedSeries", h.omittedSeries());
    }
    return body;
  }
}
