package org.tocsin.node.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tocsin.core.evidence.EvidenceRef;
import org.tocsin.core.json.Json;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.json.PostJson;
import org.tocsin.core.json.ScoreJson;
import org.tocsin.core.post.ScoredPost;

/** Alerts and rules as JSON: what the outbox stores, webhooks receive and the API returns. */
public final class AlertJson {
  private AlertJson() {}

  /** An alert: {@code {id, n, rule {id, name}, createdAt, reasons, post, score, evidence}}. */
  public static ObjectNode toNode(Alert a) {
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("id", a.id());
    o.put("n", a.n());
    o.putObject("rule").put("id", a.ruleId()).put("name", a.ruleName());
    o.put("createdAt", a.createdAt().toString());
    ArrayNode reasons = o.putArray("reasons");
    a.reasons().forEach(reasons::add);
    o.setAll((ObjectNode) ScoreJson.toNode(a.post()));
    if (a.campaign() != null) {
      o.set("campaign", a.campaign().toNode());
    }
    if (a.volume() != null) {
      o.set("volume", VolumeJson.toNode(a.volume()));
    }
    return o;
  }

  /**
   * Reads an alert written by {@link #toNode}.
   *
   * @throws IllegalArgumentException if the JSON is not an alert
   */
  public static Alert fromNode(JsonNode o) {
    try {
      JsonNode ev = o.get("evidence");
      ScoredPost sp =
          new ScoredPost(
              PostJson.fromNode((ObjectNode) o.get("post")),
              ScoreJson.fromNode(o.get("score")),
              new EvidenceRef(
                  ev.get("seq").asLong(),
                  ev.get("sha256").asText(),
                  Instant.parse(ev.get("capturedAt").asText())));
      List<String> reasons = new ArrayList<>();
      o.path("reasons").forEach(r -> reasons.add(r.asText()));
      return new Alert(
          o.get("id").asText(),
          o.get("n").asLong(),
          o.at("/rule/id").asText(),
          o.at("/rule/name").asText(),
          Instant.parse(o.get("createdAt").asText()),
          sp,
          reasons,
          CampaignTrigger.fromNode(o.get("campaign")),
          o.hasNonNull("volume") ? VolumeJson.spikeFromNode(o.get("volume")) : null);
    } catch (PostFormatException | RuntimeException e) {
      throw new IllegalArgumentException("not an alert: " + e.getMessage(), e);
    }
  }

  /** A rule; the webhook secret is never written back to API callers unless {@code withSecret}. */
  public static ObjectNode toNode(AlertRule r, boolean withSecret) {
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("id", r.id());
    o.put("name", r.name());
    if (r.query() != null) {
      o.put("query", r.query());
    }
    if (r.minHate() != null) {
      o.put("minHate", r.minHate());
    }
    if (r.minIncitement() != null) {
      o.put("minIncitement", r.minIncitement());
    }
    if (r.incitementBand() != null) {
      o.put("incitementBand", r.incitementBand());
    }
    if (r.minDehumanization() != null) {
      o.put("minDehumanization", r.minDehumanization());
    }
    ArrayNode labels = o.putArray("labels");
    r.labels().stream().sorted().forEach(labels::add);
    ArrayNode targets = o.putArray("targets");
    r.targets().stream().sorted().forEach(targets::add);
    if (r.webhook() != null) {
      ObjectNode w = o.putObject("webhook");
      w.put("url", r.webhook().url());
      if (withSecret) {
        w.put("secret", r.webhook().secret());
      }
    }
    if (r.campaign() != null) {
      o.set("campaign", r.campaign().toNode());
    }
    if (r.volume() != null) {
      o.set("volumeChange", VolumeJson.toNode(r.volume()));
    }
    o.put("createdAt", r.createdAt().toString());
    if (r.createdBy() != null) {
      o.put("createdBy", r.createdBy());
    }
    return o;
  }

  /**
   * Reads a rule from JSON (the API's body or the rule store).
   *
   * @throws IllegalArgumentException naming the field at fault
   */
  public static AlertRule ruleFromNode(JsonNode o, String id, Instant createdAt, String createdBy) {
    JsonNode w = o.get("webhook");
    AlertRule.Webhook webhook = null;
    if (w != null && !w.isNull()) {
      if (!w.isObject()) {
        throw new IllegalArgumentException("webhook must be an object {url, secret}");
      }
      webhook = new AlertRule.Webhook(text(w, "url", 2048, true), text(w, "secret", 256, true));
    }
    return new AlertRule(
        id,
        text(o, "name", 200, true),
        text(o, "query", 2000, false),
        unit(o, "minHate"),
        unit(o, "minIncitement"),
        text(o, "incitementBand", 40, false),
        unit(o, "minDehumanization"),
        strings(o, "labels"),
        strings(o, "targets"),
        webhook,
        createdAt,
        createdBy,
        CampaignCondition.fromNode(o.get("campaign")),
        o.hasNonNull("volumeChange") ? VolumeJson.changeFromNode(o.get("volumeChange")) : null);
  }

  private static String text(JsonNode o, String field, int max, boolean required) {
    JsonNode n = o.get(field);
    if (n == null || n.isNull()) {
      if (required) {
        throw new IllegalArgumentException(field + ": a string is required");
      }
      return null;
    }
    if (!n.isTextual() || n.textValue().isBlank() || n.textValue().length() > max) {
      throw new IllegalArgumentException(
          field + ": must be a non-empty string of at most " + max + " characters");
    }
    return n.textValue();
  }

  private static Double unit(JsonNode o, String field) {
    JsonNode n = o.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isNumber()) {
      throw new IllegalArgumentException(field + ": must be a number in [0, 1] [got " + n + "]");
    }
    return n.doubleValue();
  }

  private static Set<String> strings(JsonNode o, String field) {
    JsonNode n = o.get(field);
    Set<String> out = new LinkedHashSet<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (!n.isArray() || n.size() > 100) {
      throw new IllegalArgumentException(field + ": must be an array of at most 100 strings");
    }
    for (JsonNode e : n) {
      if (!e.isTextual() || e.textValue().isBlank() || e.textValue().length() > 100) {
        throw new IllegalArgumentException(
            field + ": every entry must be a short non-empty string");
      }
      out.add(e.textValue().toLowerCase(java.util.Locale.ROOT));
    }
    return out;
  }
}
