package org.tocsin.api.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.ext.web.RoutingContext;
import org.tocsin.api.problems.ApiException;
import org.tocsin.core.json.Json;

/** Reads JSON request bodies strictly, with a 400 or 415 problem naming what is wrong. */
final class RequestBodies {
  /** The largest request body accepted on the API. */
  static final long MAX_BYTES = 256 * 1024;

  private RequestBodies() {}

  static JsonNode json(RoutingContext rc) {
    String type = rc.request().getHeader("Content-Type");
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      throw new ApiException(415, "unsupported_media_type", "send the body as application/json");
    }
    if (rc.body() == null || rc.body().buffer() == null || rc.body().length() == 0) {
      throw new ApiException(400, "invalid_body", "the request body is empty");
    }
    try {
      JsonNode n = Json.mapper().readTree(rc.body().buffer().getBytes());
      if (n == null || !n.isObject()) {
        throw new ApiException(400, "invalid_body", "the body must be a JSON object");
      }
      return n;
    } catch (JacksonException e) {
      throw new ApiException(400, "invalid_body", "not valid JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new ApiException(400, "invalid_body", "unreadable body");
    }
  }

  static String requiredText(JsonNode body, String field, int maxChars) {
    JsonNode n = body.get(field);
    if (n == null || !n.isTextual() || n.textValue().isBlank()) {
      throw new ApiException(
          400, "invalid_body", "field '" + field + "': a non-empty string is required");
    }
    if (n.textValue().length() > maxChars) {
      throw new ApiException(
          400, "invalid_body", "field '" + field + "': longer than " + maxChars + " characters");
    }
    return n.textValue();
  }
}
