package org.tocsin.evidence.custody;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tocsin.core.json.Json;

/**
 * Encodes a {@link CustodyEvent} as a {@code CUSTODY} payload and back: one UTF-8 JSON object with
 * the fields {@code v, event, subjects, actor {keyId, role}, reason, query, time, details}, in that
 * order, with no whitespace and the details sorted by key, so that equal events give equal bytes.
 */
public final class CustodyCodec {

  /** The payload version this codec writes and reads. */
  public static final int VERSION = 1;

  private static final ObjectMapper MAPPER = Json.mapper();

  private CustodyCodec() {}

  /** Encodes an event as a payload. */
  public static byte[] encode(CustodyEvent e) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("v", VERSION);
    o.put("event", e.type().jsonName());
    ArrayNode subjects = o.putArray("subjects");
    e.subjects().forEach(subjects::add);
    ObjectNode actor = o.putObject("actor");
    actor.put("keyId", e.actorKeyId());
    actor.put("role", e.actorRole());
    o.put("reason", e.reason());
    o.put("query", e.query());
    o.put("time", e.time().toString());
    ObjectNode details = o.putObject("details");
    e.details().forEach(details::put);
    try {
      return MAPPER.writeValueAsBytes(o);
    } catch (JsonProcessingException ex) {
      throw new UncheckedIOException("cannot write custody event " + e.type(), ex);
    }
  }

  /**
   * Decodes a payload written by {@link #encode}.
   *
   * @throws IllegalArgumentException if the payload is not a custody event of version 1
   */
  public static CustodyEvent decode(byte[] payload) {
    JsonNode o;
    try {
      o = MAPPER.readTree(payload);
    } catch (IOException ex) {
      throw new IllegalArgumentException("custody payload is not valid JSON: " + ex, ex);
    }
    if (o == null || !o.isObject()) {
      throw new IllegalArgumentException("custody payload must be a JSON object [got " + o + "]");
    }
    JsonNode v = o.get("v");
    if (v == null || !v.isIntegralNumber() || v.intValue() != VERSION) {
      throw new IllegalArgumentException("custody payload version must be 1 [got " + v + "]");
    }
    JsonNode subjectsNode = o.get("subjects");
    if (subjectsNode == null || !subjectsNode.isArray()) {
      throw new IllegalArgumentException(
          "custody subjects must be an array [got " + subjectsNode + "]");
    }
    List<Long> subjects = new ArrayList<>();
    for (JsonNode s : subjectsNode) {
      if (!s.isIntegralNumber() || !s.canConvertToLong()) {
        throw new IllegalArgumentException("custody subject must be an integer [got " + s + "]");
      }
      subjects.add(s.longValue());
    }
    JsonNode actor = o.get("actor");
    if (actor == null || !actor.isObject()) {
      throw new IllegalArgumentException("custody actor must be an object [got " + actor + "]");
    }
    Map<String, String> details = new LinkedHashMap<>();
    JsonNode d = o.get("details");
    if (d != null && !d.isNull()) {
      if (!d.isObject()) {
        throw new IllegalArgumentException("custody details must be an object [got " + d + "]");
      }
      for (Map.Entry<String, JsonNode> f : d.properties()) {
        if (!f.getValue().isTextual()) {
          throw new IllegalArgumentException(
              "custody detail " + f.getKey() + " must be a string [got " + f.getValue() + "]");
        }
        details.put(f.getKey(), f.getValue().textValue());
      }
    }
    String time = text(o, "time", false);
    Instant at;
    try {
      at = Instant.parse(time);
    } catch (DateTimeParseException ex) {
      throw new IllegalArgumentException("custody time must be ISO-8601 [got " + time + "]", ex);
    }
    return new CustodyEvent(
        CustodyEventType.fromJsonName(text(o, "event", false)),
        subjects,
        text(actor, "keyId", false),
        text(actor, "role", false),
        text(o, "reason", true),
        text(o, "query", true),
        at,
        details);
  }

  private static String text(JsonNode o, String field, boolean nullable) {
    JsonNode v = o.get(field);
    if ((v == null || v.isNull()) && nullable) {
      return null;
    }
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException(
          "custody field " + field + " must be a string [got " + v + "]");
    }
    return v.textValue();
  }
}
