package org.tocsin.api.http;

import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import org.tocsin.api.problems.ApiException;

/** Reads query parameters strictly: one value each, bounded, with a 400 naming the parameter. */
final class QueryParams {
  private QueryParams() {}

  static String string(RoutingContext rc, String name, String fallback, int maxChars) {
    List<String> all = rc.queryParam(name);
    if (all.isEmpty()) {
      return fallback;
    }
    if (all.size() > 1) {
      throw ApiException.badParameter(name, "given " + all.size() + " times; give it once");
    }
    String v = all.get(0);
    if (v.length() > maxChars) {
      throw ApiException.badParameter(
          name, "too long, " + v.length() + " characters [max " + maxChars + "]");
    }
    return v;
  }

  static int integer(RoutingContext rc, String name, int fallback, int min, int max) {
    String v = string(rc, name, null, 12);
    if (v == null) {
      return fallback;
    }
    int n;
    try {
      n = Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badParameter(name, "not a whole number [got " + v + "]");
    }
    if (n < min || n > max) {
      throw ApiException.badParameter(name, "must be in " + min + ".." + max + " [got " + n + "]");
    }
    return n;
  }

  static boolean bool(RoutingContext rc, String name, boolean fallback) {
    String v = string(rc, name, null, 5);
    if (v == null) {
      return fallback;
    }
    if (!v.equals("true") && !v.equals("false")) {
      throw ApiException.badParameter(name, "must be true or false [got " + v + "]");
    }
    return Boolean.parseBoolean(v);
  }

  static <E extends Enum<E>> E choice(RoutingContext rc, String name, E fallback, Class<E> type) {
    String v = string(rc, name, null, 32);
    if (v == null) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, v.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      StringBuilder allowed = new StringBuilder();
      for (E c : type.getEnumConstants()) {
        allowed.append(allowed.length() == 0 ? "" : ", ").append(c.name().toLowerCase(Locale.ROOT));
      }
      throw ApiException.badParameter(name, "must be one of " + allowed + " [got " + v + "]");
    }
  }
}
