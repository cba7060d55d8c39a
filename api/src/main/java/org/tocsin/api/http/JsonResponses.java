package org.tocsin.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import org.tocsin.core.json.Json;

/** Sends JSON bodies. */
final class JsonResponses {
  private JsonResponses() {}

  static void send(RoutingContext rc, int status, JsonNode body) {
    byte[] bytes;
    try {
      bytes = Json.mapper().writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      rc.fail(e);
      return;
    }
    rc.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(Buffer.buffer(bytes));
  }
}
