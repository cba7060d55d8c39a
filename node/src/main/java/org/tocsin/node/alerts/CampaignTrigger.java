package org.tocsin.node.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tocsin.campaigns.signal.Signal;
import org.tocsin.campaigns.stream.CampaignEvent;
import org.tocsin.core.json.Json;

/**
 * The live campaign behind an alert raised by a {@link CampaignCondition}: which campaign, what
 * changed, and how large it is after the change. The alert's post is the post whose arrival caused
 * the change.
 *
 * @param campaignId the campaign's stable id
 * @param event NEW, GROWN or MERGED
 * @param accounts the campaign's accounts after the change: the growth step in the alert id
 * @param posts the posts behind its edges after the change
 * @param newAccounts the accounts that joined with this change
 * @param absorbedIds for MERGED, the ids of the campaigns merged into it
 * @param signals per signal, the co-shares on its edges
 */
public record CampaignTrigger(
    String campaignId,
    String event,
    int accounts,
    int posts,
    List<String> newAccounts,
    List<String> absorbedIds,
    Map<String, Integer> signals) {

  /** Checks the fields and freezes the collections. */
  public CampaignTrigger {
    Objects.requireNonNull(campaignId, "campaignId");
    Objects.requireNonNull(event, "event");
    newAccounts = List.copyOf(newAccounts);
    absorbedIds = List.copyOf(absorbedIds);
    signals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(signals));
  }

  /** What a detector's event says. */
  public static CampaignTrigger of(CampaignEvent e) {
    Map<String, Integer> signals = new LinkedHashMap<>();
    for (Map.Entry<Signal, Integer> s : e.campaign().signals().entrySet()) {
      signals.put(s.getKey().jsonName(), s.getValue());
    }
    return new CampaignTrigger(
        e.campaign().id(),
        e.type().name(),
        e.campaign().accounts().size(),
        e.campaign().posts(),
        e.newAccounts(),
        e.absorbedIds(),
        signals);
  }

  /** As JSON: {@code {id, event, accounts, posts, newAccounts, absorbedIds, signals}}. */
  ObjectNode toNode() {
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("id", campaignId);
    o.put("event", event);
    o.put("accounts", accounts);
    o.put("posts", posts);
    ArrayNode joined = o.putArray("newAccounts");
    newAccounts.forEach(joined::add);
    ArrayNode absorbed = o.putArray("absorbedIds");
    absorbedIds.forEach(absorbed::add);
    ObjectNode s = o.putObject("signals");
    signals.forEach(s::put);
    return o;
  }

  /** Reads what {@link #toNode} wrote, or null for a missing node. */
  static CampaignTrigger fromNode(JsonNode o) {
    if (o == null || o.isNull()) {
      return null;
    }
    List<String> joined = new ArrayList<>();
    o.path("newAccounts").forEach(a -> joined.add(a.asText()));
    List<String> absorbed = new ArrayList<>();
    o.path("absorbedIds").forEach(a -> absorbed.add(a.asText()));
    Map<String, Integer> signals = new LinkedHashMap<>();
    o.path("signals").fields().forEachRemaining(f -> signals.put(f.getKey(), f.getValue().asInt()));
    return new CampaignTrigger(
        o.get("id").asText(),
        o.get("event").asText(),
        o.get("accounts").asInt(),
        o.get("posts").asInt(),
        joined,
        absorbed,
        signals);
  }
}
