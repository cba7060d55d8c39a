package org.tocsin.api.http;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers on every response. Post text is hostile, so the dashboard runs under a strict
 * Content-Security-Policy: scripts and styles only from this origin, no inline script, no eval, no
 * framing.
 */
public final class SecurityHeaders {
  /** The Content-Security-Policy of every response. */
  public static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
          + "frame-ancestors 'none'";

  private SecurityHeaders() {}

  /** The route handler that adds the headers and passes on. */
  public static void handle(RoutingContext rc) {
    apply(rc.response());
    rc.next();
  }

  /** Adds the headers to a response. */
  public static void apply(HttpServerResponse response) {
    response
        .putHeader("Content-Security-Policy", CSP)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("Cross-Origin-Resource-Policy", "same-origin");
  }
}
