package org.tocsin.api.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tocsin.api.problems.ApiException;
import org.tocsin.core.json.Json;

/**
 * Writes every error as RFC 9457 problem JSON ({@code application/problem+json}): {@code type},
 * {@code title}, {@code status}, {@code detail}, {@code instance}, plus Tocsin's stable {@code
 * code}. One failure handler serves every route; unexpected failures become a 500 that reveals
 * nothing of the server's internals.
 */
public final class Problems {
  private static final Logger LOG = Logger.getLogger(Problems.class.getName());

  /** The media type of problem JSON. */
  public static final String MEDIA_TYPE = "application/problem+json";

  private Problems() {}

  /** The router's failure handler. */
  public static void handleFailure(RoutingContext rc) {
    Throwable failure = rc.failure();
    if (failure instanceof ApiException e) {
      send(rc.response(), e.status(), e.code(), e.getMessage(), rc.request().path());
    } else if (failure instanceof HttpException e) {
      send(
          rc.response(),
          e.getStatusCode(),
          codeFor(e.getStatusCode()),
          detailFor(e),
          rc.request().path());
    } else if (failure != null && ConnectionLimits.clientGone(rc, failure)) {
      LOG.log(Level.INFO, "client went away during " + rc.request().path() + ": " + failure);
    } else if (failure != null) {
      LOG.log(Level.SEVERE, "unexpected failure on " + rc.request().path(), failure);
      send(
          rc.response(),
          500,
          "internal_error",
          "the server failed; the error is logged",
          rc.request().path());
    } else {
      int status = rc.statusCode() < 400 ? 500 : rc.statusCode();
      send(rc.response(), status, codeFor(status), titleFor(status), rc.request().path());
    }
  }

  /**
   * The server's handler for requests that HTTP decoding refused (request line or headers too long,
   * malformed): the same problem JSON, never Netty's bare text.
   */
  public static void handleInvalidRequest(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    int status = 400;
    String detail = "malformed HTTP request";
    if (cause instanceof io.netty.handler.codec.TooLongFrameException) {
      String msg = String.valueOf(cause.getMessage());
      status = msg.contains("header") ? 431 : 414;
      detail = status == 431 ? "request headers are too large" : "request line (URL) is too long";
    }
    HttpServerResponse response = request.response();
    response.putHeader("Connection", "close");
    send(response, status, codeFor(status), detail, null);
  }

  /** Sends one problem response. */
  public static void send(
      HttpServerResponse response, int status, String code, String detail, String instance) {
    if (response.ended() || response.headWritten()) {
      return;
    }
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("type", "urn:tocsin:problem:" + code);
    body.put("title", titleFor(status));
    body.put("status", status);
    body.put("detail", detail);
    if (instance != null) {
      body.put("instance", instance);
    }
    body.put("code", code);
    SecurityHeaders.apply(response);
    response
        .setStatusCode(status)
        .putHeader("Content-Type", MEDIA_TYPE)
        .end(Buffer.buffer(body.toString()));
  }

  private static String detailFor(HttpException e) {
    String payload = e.getPayload();
    return payload != null && !payload.isBlank() ? payload : titleFor(e.getStatusCode());
  }

  private static String codeFor(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 406 -> "not_acceptable";
      case 408 -> "request_timeout";
      case 413 -> "payload_too_large";
      case 414 -> "uri_too_long";
      case 415 -> "unsupported_media_type";
      case 429 -> "rate_limited";
      case 431 -> "headers_too_large";
      case 503 -> "unavailable";
      default -> status >= 500 ? "internal_error" : "bad_request";
    };
  }

  private static String titleFor(int status) {
    io.netty.handler.codec.http.HttpResponseStatus s =
        io.netty.handler.codec.http.HttpResponseStatus.valueOf(status);
    return s.reasonPhrase();
  }
}
