package org.tocsin.node.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.tocsin.campaigns.stream.CampaignEvent;
import org.tocsin.core.json.Json;

/**
 * A rule condition on live campaigns: it holds for a campaign event of one of {@code events} after
 * which the campaign has at least {@code minAccounts} accounts and {@code minPosts} posts behind
 * its edges. JSON: {@code "campaign": {"minAccounts": 5, "minPosts": 10, "events": ["NEW", "GROWN",
 * "MERGED"]}}, every key optional.
 *
 * @param minAccounts fewest accounts, at least 2
 * @param minPosts fewest posts behind the campaign's edges, at least 0
 * @param events the kinds of change that are checked
 */
public record CampaignCondition(int minAccounts, int minPosts, Set<CampaignEvent.Type> events) {

  /** Default {@code minAccounts}: the detector's own minimum campaign size. */
  public static final int DEFAULT_MIN_ACCOUNTS = 3;

  /** Largest {@code minAccounts} or {@code minPosts} accepted. */
  public static final int MAX_MINIMUM = 10_000_000;

  /** Checks the values and freezes the set. */
  public CampaignCondition {
    Objects.requireNonNull(events, "events");
    if (minAccounts < 2 || minAccounts > MAX_MINIMUM) {
      throw new IllegalArgumentException(
          "campaign.minAccounts must lie in [2, " + MAX_MINIMUM + "] [got " + minAccounts + "]");
    }
    if (minPosts < 0 || minPosts > MAX_MINIMUM) {
      throw new IllegalArgumentException(
          "campaign.minPosts must lie in [0, " + MAX_MINIMUM + "] [got " + minPosts + "]");
    }
    if (events.isEmpty()) {
      throw new IllegalArgumentException("campaign.events must name at least one event");
    }
    events = Set.copyOf(events);
  }

  /** The reasons the event meets this condition, or an empty list if it does not. */
  List<String> match(CampaignEvent e) {
    int accounts = e.campaign().accounts().size();
    int posts = e.campaign().posts();
    if (!events.contains(e.type()) || accounts < minAccounts || posts < minPosts) {
      return List.of();
    }
    List<String> reasons = new ArrayList<>(2);
    reasons.add(
        String.format(
            Locale.ROOT,
            "campaign %s %s: %d accounts >= %d",
            e.campaign().id(),
            e.type(),
            accounts,
            minAccounts));
    if (minPosts > 0) {
      reasons.add(String.format(Locale.ROOT, "campaign posts %d >= %d", posts, minPosts));
    }
    return reasons;
  }

  /** This condition as JSON. */
  ObjectNode toNode() {
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("minAccounts", minAccounts);
    o.put("minPosts", minPosts);
    ArrayNode ev = o.putArray("events");
    for (CampaignEvent.Type t : CampaignEvent.Type.values()) {
      if (events.contains(t)) {
        ev.add(t.name());
      }
    }
    return o;
  }

  /**
   * Reads the {@code campaign} field of a rule, or null when it is absent.
   *
   * @throws IllegalArgumentException naming the field at fault
   */
  static CampaignCondition fromNode(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isObject()) {
      throw new IllegalArgumentException(
          "campaign: must be an object {minAccounts, minPosts, events}");
    }
    n.fieldNames()
        .forEachRemaining(
            f -> {
              if (!Set.of("minAccounts", "minPosts", "events").contains(f)) {
                throw new IllegalArgumentException(
                    "campaign: unknown field " + f + " (minAccounts, minPosts, events)");
              }
            });
    Set<CampaignEvent.Type> events = EnumSet.allOf(CampaignEvent.Type.class);
    JsonNode ev = n.get("events");
    if (ev != null && !ev.isNull()) {
      if (!ev.isArray() || ev.isEmpty() || ev.size() > 3) {
        throw new IllegalArgumentException(
            "campaign.events: must be a non-empty array of NEW, GROWN, MERGED");
      }
      events = EnumSet.noneOf(CampaignEvent.Type.class);
      for (JsonNode t : ev) {
        events.add(eventType(t));
      }
    }
    return new CampaignCondition(
        count(n, "minAccounts", DEFAULT_MIN_ACCOUNTS), count(n, "minPosts", 0), events);
  }

  private static CampaignEvent.Type eventType(JsonNode t) {
    if (t.isTextual()) {
      for (CampaignEvent.Type v : CampaignEvent.Type.values()) {
        if (v.name().equalsIgnoreCase(t.textValue())) {
          return v;
        }
      }
    }
    throw new IllegalArgumentException(
        "campaign.events: every entry must be NEW, GROWN or MERGED [got " + t + "]");
  }

  private static int count(JsonNode o, String field, int fallback) {
    JsonNode n = o.get(field);
    if (n == null || n.isNull()) {
      return fallback;
    }
    if (!n.isIntegralNumber() || !n.canConvertToInt()) {
      throw new IllegalArgumentException(
          "campaign." + field + ": must be an integer [got " + n + "]");
    }
    return n.intValue();
  }
}
