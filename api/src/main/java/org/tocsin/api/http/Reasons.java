package org.tocsin.api.http;

import io.vertx.ext.web.RoutingContext;
import org.tocsin.api.problems.ApiException;

/**
 * The reason a caller states for reading evidence, from the {@code X-Tocsin-Reason} header (or the
 * {@code reason} query parameter); it goes into the custody log with every access.
 */
final class Reasons {
  /** The longest reason kept. */
  static final int MAX_CHARS = 500;

  private Reasons() {}

  static String stated(RoutingContext rc) {
    String r = rc.request().getHeader("X-Tocsin-Reason");
    if (r == null) {
      r = QueryParams.string(rc, "reason", null, MAX_CHARS);
    }
    if (r == null || r.isBlank()) {
      return null;
    }
    if (r.length() > MAX_CHARS) {
      throw ApiException.badParameter(
          "X-Tocsin-Reason", "longer than " + MAX_CHARS + " characters");
    }
    return r.strip();
  }
}
