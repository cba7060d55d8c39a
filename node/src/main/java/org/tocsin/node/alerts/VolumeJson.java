package org.tocsin.node.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tocsin.core.evidence.EvidenceRef;
import org.tocsin.core.json.Json;

/** Volume-change conditions and the window reports of their alerts, as JSON. */
final class VolumeJson {
  private VolumeJson() {}

  static ObjectNode toNode(VolumeChange v) {
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("windowSeconds", v.windowSeconds());
    o.put("baselineWindows", v.baselineWindows());
    o.put("factor", v.factor());
    o.put("minPosts", v.minPosts());
    return o;
  }

  /**
   * Reads a condition {@code {windowSeconds, baselineWindows?, factor, minPosts}}.
   *
   * @throws IllegalArgumentException naming the field at fault
   */
  static VolumeChange changeFromNode(JsonNode o) {
    if (!o.isObject()) {
      throw new IllegalArgumentException(
          "volumeChange must be an object {windowSeconds, baselineWindows, factor, minPosts}");
    }
    return new VolumeChange(
        (int) whole(o, "windowSeconds", true, 0),
        (int) whole(o, "baselineWindows", false, VolumeChange.DEFAULT_BASELINE_WINDOWS),
        number(o, "factor"),
        whole(o, "minPosts", true, 0));
  }

  private static long whole(JsonNode o, String field, boolean required, long fallback) {
    JsonNode n = o.get(field);
    if (n == null || n.isNull()) {
      if (required) {
        throw new IllegalArgumentException(
            "volumeChange." + field + ": a whole number is required");
      }
      return fallback;
    }
    if (!n.canConvertToExactIntegral() || !n.canConvertToInt()) {
      throw new IllegalArgumentException(
          "volumeChange." + field + ": must be a whole number [got " + n + "]");
    }
    return n.asLong();
  }

  private static double number(JsonNode o, String field) {
    JsonNode n = o.get(field);
    if (n == null || !n.isNumber()) {
      throw new IllegalArgumentException("volumeChange." + field + ": a number is required");
    }
    return n.doubleValue();
  }

  static ObjectNode toNode(VolumeSpike v) {
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("windowStart", v.windowStart().toString());
    o.put("windowEnd", v.windowEnd().toString());
    o.put("count", v.count());
    ArrayNode b = o.putArray("baseline");
    v.baseline().forEach(b::add);
    o.put("baselineMean", v.baselineMean());
    o.put("factor", v.factor());
    o.put("minPosts", v.minPosts());
    ArrayNode ex = o.putArray("examples");
    for (VolumeSpike.Example e : v.examples()) {
      ObjectNode x = ex.addObject();
      x.put("platform", e.platform());
      x.put("id", e.id());
      x.putObject("evidence")
          .put("seq", e.evidence().seq())
          .put("sha256", e.evidence().sha256())
          .put("capturedAt", e.evidence().capturedAt().toString());
    }
    return o;
  }

  static VolumeSpike spikeFromNode(JsonNode o) {
    List<Long> baseline = new ArrayList<>();
    o.path("baseline").forEach(n -> baseline.add(n.asLong()));
    List<VolumeSpike.Example> examples = new ArrayList<>();
    for (JsonNode x : o.path("examples")) {
      JsonNode ev = x.get("evidence");
      examples.add(
          new VolumeSpike.Example(
              x.get("platform").asText(),
              x.get("id").asText(),
              new EvidenceRef(
                  ev.get("seq").asLong(),
                  ev.get("sha256").asText(),
                  Instant.parse(ev.get("capturedAt").asText()))));
    }
    return new VolumeSpike(
        Instant.parse(o.get("windowStart").asText()),
        Instant.parse(o.get("windowEnd").asText()),
        o.get("count").asLong(),
        baseline,
        o.get("baselineMean").asDouble(),
        o.get("factor").asDouble(),
        o.get("minPosts").asLong(),
        examples);
  }
}
