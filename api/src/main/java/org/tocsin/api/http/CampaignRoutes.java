package org.tocsin.api.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tocsin.api.auth.Access;
import org.tocsin.api.campaigns.CampaignService;
import org.tocsin.api.campaigns.CampaignSnapshot;
import org.tocsin.campaigns.detect.Campaign;
import org.tocsin.campaigns.detect.HarmProfile;
import org.tocsin.campaigns.json.CampaignsJson;
import org.tocsin.core.json.Json;

/**
 * Campaigns: {@code GET /api/v1/campaigns} (ranked summaries) and {@code GET /api/v1/campaigns/:id}
 * (accounts, posts, timeline and every edge with its evidence).
 */
final class CampaignRoutes {
  /** How campaigns are ranked. */
  enum Sort {
    HARM,
    STRENGTH,
    SIZE
  }

  private final CampaignService service;

  CampaignRoutes(CampaignService service) {
    this.service = service;
  }

  void mount(Router router) {
    router.get("/api/v1/campaigns").handler(Access.anyRole()).handler(this::list);
    router.get("/api/v1/campaigns/:id").handler(Access.anyRole()).handler(this::get);
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
    JsonResponses.send(rc, 200, body);
  }

  private void get(RoutingContext rc) {
    String id = rc.pathParam("id");
    if (id.length() > 64) {
      throw ApiException.badParameter("id", "too long");
    }
    CampaignSnapshot s =
        service
            .latest()
            .orElseThrow(
                () -> new ApiException(503, "unavailable", "campaigns are still being computed"));
    Campaign c = s.find(id).orElseThrow(() -> ApiException.notFound("no campaign " + id));
    JsonResponses.send(rc, 200, render(c));
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
