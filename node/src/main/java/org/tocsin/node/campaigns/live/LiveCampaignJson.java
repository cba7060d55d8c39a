package org.tocsin.node.campaigns.live;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.tocsin.campaigns.graph.CoordinationEdge;
import org.tocsin.campaigns.json.CampaignsJson;
import org.tocsin.campaigns.signal.Signal;
import org.tocsin.campaigns.stream.StreamingCampaign;
import org.tocsin.core.json.Json;

/** Live campaigns as the API returns them. */
public final class LiveCampaignJson {
  private LiveCampaignJson() {}

  /**
   * A summary: {@code {id, source: "live", accounts, accountCount, postCount, edgeCount, strength,
   * signals, firstCoShare, lastCoShare, batchId?}}.
   *
   * @param batchId the batch campaign sharing most of its accounts, or null
   */
  public static ObjectNode summary(StreamingCampaign c, String batchId) {
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("id", c.id());
    o.put("source", "live");
    ArrayNode accounts = o.putArray("accounts");
    c.accounts().forEach(accounts::add);
    o.put("accountCount", c.accounts().size());
    o.put("postCount", c.posts());
    o.put("edgeCount", c.edges());
    o.put("strength", c.meanWeight());
    ObjectNode signals = o.putObject("signals");
    for (Map.Entry<Signal, Integer> s : c.signals().entrySet()) {
      signals.put(s.getKey().jsonName(), s.getValue());
    }
    o.put("firstCoShare", c.firstCoShare().toString());
    o.put("lastCoShare", c.lastCoShare().toString());
    if (batchId != null) {
      o.put("batchId", batchId);
    }
    return o;
  }

  /** A summary with its events (the timeline of its growth) and every edge with its evidence. */
  public static ObjectNode detail(
      StreamingCampaign c, List<CoordinationEdge> edges, List<LiveEvent> events, String batchId) {
    ObjectNode o = summary(c, batchId);
    ArrayNode timeline = o.putArray("events");
    for (LiveEvent e : events) {
      ObjectNode n = timeline.addObject();
      n.put("type", e.type().name());
      n.put("at", e.at().toString());
      n.put("accounts", e.accounts());
      n.put("posts", e.posts());
      ArrayNode joined = n.putArray("newAccounts");
      e.newAccounts().forEach(joined::add);
      ArrayNode absorbed = n.putArray("absorbedIds");
      e.absorbedIds().forEach(absorbed::add);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      CampaignsJson.writeEdges(edges, out);
      o.set("edges", Json.mapper().readTree(out.toByteArray()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return o;
  }
}
