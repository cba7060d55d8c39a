package org.tocsin.api.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tocsin.api.auth.Access;
import org.tocsin.api.problems.ApiException;
import org.tocsin.campaigns.attribution.Attributions;
import org.tocsin.campaigns.detect.Campaign;
import org.tocsin.campaigns.detect.HarmProfile;
import org.tocsin.campaigns.graph.CoordinationEdge;
import org.tocsin.campaigns.json.AttributionJson;
import org.tocsin.campaigns.json.CampaignsJson;
import org.tocsin.campaigns.stream.StreamingCampaign;
import org.tocsin.core.json.Json;
import org.tocsin.index.PostIndex;
import org.tocsin.node.campaigns.CampaignService;
import org.tocsin.node.campaigns.CampaignSnapshot;
import org.tocsin.node.campaigns.live.LiveCampaignJson;
import org.tocsin.node.campaigns.live.LiveCampaigns;

/**
 * Campaigns: {@code GET /api/v1/campaigns} (ranked summaries of the batch view, and under {@code
 * live} the campaigns the streaming detector tracks now) and {@code GET /api/v1/campaigns/:id}
 * (accounts, posts, timeline and every edge with its evidence; a batch campaign first, with each
 * account's handle, display name and posts under {@code profiles}, else a live one, told apart by
 * {@code source}) and {@code GET /api/v1/campaigns/:id/attribution} (the case for coordination of a
 * batch campaign in plain words, with the organic baseline of the objects it shared).
 */
final class CampaignRoutes {
  /** How campaigns are ranked. */
  enum Sort {
    HARM,
    STRENGTH,
    SIZE
  }

  private final Vertx vertx;
  private final CampaignService service;
  private final PostIndex index;

  CampaignRoutes(Vertx vertx, CampaignService service, PostIndex index) {
    this.vertx = vertx;
    this.service = service;
    this.index = index;
  }

  void mount(Router router) {
    router.get("/api/v1/campaigns").handler(Access.anyRole()).handler(this::list);
    router.get("/api/v1/campaigns/:id").handler(Access.anyRole()).handler(this::get);
    router
        .get("/api/v1/campaigns/:id/attribution")
        .handler(Access.anyRole())
        .handler(this::attribution);
  }

  /** The attribution summary of a batch campaign ({@link Attributions}). */
  private void attribution(RoutingContext rc) {
    String id = rc.pathParam("id");
    if (id.length() > 64) {
      throw ApiException.badParameter("id", "too long");
    }
    CampaignSnapshot s = service.latest().orElse(null);
    if (s == null) {
      throw new ApiException(503, "unavailable", "campaigns are still being computed");
    }
    Campaign c =
        s.find(id)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "no batch campaign "
                            + id
                            + " (attribution summaries are made for batch campaigns)"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      AttributionJson.write(Attributions.of(c, service.config()), out);
      ObjectNode body = (ObjectNode) Json.mapper().readTree(out.toByteArray());
      body.set("baseline", CampaignReading.baseline(c, s.baseline(c.id()), s.report().accounts()));
      JsonResponses.send(rc, 200, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void list(RoutingContext rc) {
    Sort sort = QueryParams.choice(rc, "sort", Sort.HARM, Sort.class);
    int limit = QueryParams.integer(rc, "limit", 50, 1, 500);
    ObjectNode body = Json.mapper().createObjectNode();
    CampaignSnapshot s = service.latest().orElse(null);
    body.put("status", s != null ? "ready" : service.lastError() != null ? "failed" : "computing");
    if (service.lastError() != null) {
      body.put("error", service.lastError());
    }
    ArrayNode list = body.putArray("campaigns");
    if (s != null) {
      body.put("computedAt", s.computedAt().toString());
      body.put("throughSeq", s.throughSeq());
      body.put("posts", s.report().posts());
      body.put("accounts", s.report().accounts());
      body.put("total", s.campaigns().size());
      List<Campaign> ranked = new ArrayList<>(s.campaigns());
      ranked.sort(order(sort));
      for (Campaign c : ranked.subList(0, Math.min(limit, ranked.size()))) {
        ObjectNode n = render(c);
        n.put("accountCount", c.accounts().size());
        n.put("postCount", c.posts().size());
        n.put("edgeCount", c.edges().size());
        n.remove("edges");
        n.remove("posts");
        list.add(n);
      }
    }
    live(body.putObject("live"), s, limit);
    JsonResponses.send(rc, 200, body);
  }

  /** The live campaigns, largest first, each linked to the batch campaign it overlaps most. */
  private void live(ObjectNode out, CampaignSnapshot s, int limit) {
    LiveCampaigns live = service.live();
    List<StreamingCampaign> all = new ArrayList<>(live.campaigns());
    all.sort(
        Comparator.comparingInt((StreamingCampaign c) -> c.accounts().size())
            .reversed()
            .thenComparing(StreamingCampaign::id));
    out.put("since", live.since().toString());
    out.put("postsSeen", live.postsSeen());
    out.put("total", all.size());
    Map<String, String> batchOf = batchOfAccount(s);
    ArrayNode list = out.putArray("campaigns");
    for (StreamingCampaign c : all.subList(0, Math.min(limit, all.size()))) {
      list.add(LiveCampaignJson.summary(c, overlap(c, batchOf)));
    }
  }

  private static Map<String, String> batchOfAccount(CampaignSnapshot s) {
    Map<String, String> m = new HashMap<>();
    if (s != null) {
      for (Campaign c : s.campaigns()) {
        c.accounts().forEach(a -> m.putIfAbsent(a, c.id()));
      }
    }
    return m;
  }

  /** The batch campaign holding most of the live campaign's accounts (ties: the lesser id). */
  private static String overlap(StreamingCampaign c, Map<String, String> batchOf) {
    Map<String, Integer> votes = new TreeMap<>();
    for (String a : c.accounts()) {
      String b = batchOf.get(a);
      if (b != null) {
        votes.merge(b, 1, Integer::sum);
      }
    }
    String best = null;
    for (Map.Entry<String, Integer> v : votes.entrySet()) {
      if (best == null || v.getValue() > votes.get(best)) {
        best = v.getKey();
      }
    }
    return best;
  }

  private void get(RoutingContext rc) {
    String id = rc.pathParam("id");
    if (id.length() > 64) {
      throw ApiException.badParameter("id", "too long");
    }
    CampaignSnapshot s = service.latest().orElse(null);
    Campaign c = s == null ? null : s.find(id).orElse(null);
    if (c != null) {
      ObjectNode n = render(c);
      n.put("source", "batch");
      vertx
          .executeBlocking(() -> CampaignReading.profiles(c, index), false)
          .onSuccess(
              profiles -> {
                n.set("profiles", profiles);
                JsonResponses.send(rc, 200, n);
              })
          .onFailure(rc::fail);
      return;
    }
    LiveCampaigns live = service.live();
    StreamingCampaign lc = live.campaign(id).orElse(null);
    if (lc != null) {
      List<CoordinationEdge> edges = live.edges(id).orElse(List.of());
      JsonResponses.send(
          rc,
          200,
          LiveCampaignJson.detail(lc, edges, live.events(id), overlap(lc, batchOfAccount(s))));
      return;
    }
    if (s == null) {
      throw new ApiException(503, "unavailable", "campaigns are still being computed");
    }
    throw ApiException.notFound("no campaign " + id);
  }

  static Comparator<Campaign> order(Sort sort) {
    Comparator<Campaign> bySize = Comparator.comparingInt(c -> c.accounts().size());
    Comparator<Campaign> byStrength = Comparator.comparingDouble(Campaign::strength);
    Comparator<Campaign> byHarm = Comparator.comparingDouble(c -> harm(c.harm()));
    Comparator<Campaign> primary =
        switch (sort) {
          case HARM -> byHarm.thenComparing(byStrength);
          case STRENGTH -> byStrength.thenComparing(bySize);
          case SIZE -> bySize.thenComparing(byStrength);
        };
    return primary.reversed().thenComparing(Campaign::id);
  }

  /** Harm rank: the share of hate plus twice the share of incitement among the scored posts. */
  static double harm(HarmProfile h) {
    double hate = h.hateShare() == null ? 0 : h.hateShare();
    double incitement = h.incitementShare() == null ? 0 : h.incitementShare();
    return hate + 2 * incitement;
  }

  private static ObjectNode render(Campaign c) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      CampaignsJson.writeCampaign(c, out);
      return (ObjectNode) Json.mapper().readTree(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
