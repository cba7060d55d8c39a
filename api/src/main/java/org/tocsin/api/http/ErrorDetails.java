package org.tocsin.api.http;

import java.util.regex.Pattern;

/**
 * How much of a delivery or fetch error a caller sees. Errors read {@code CODE: detail}; the detail
 * may name URLs, addresses and ports (what a port scan would want), so only admins see it. Everyone
 * else gets the stable cause code alone.
 */
final class ErrorDetails {
  private static final Pattern CODE = Pattern.compile("[a-z0-9_]{1,40}");

  private ErrorDetails() {}

  /** The error as a caller may see it: whole for admins, its cause code for others. */
  static String shown(String error, boolean admin) {
    if (error == null || admin) {
      return error;
    }
    int colon = error.indexOf(':');
    String code = colon > 0 ? error.substring(0, colon) : "";
    return (CODE.matcher(code).matches() ? code : "error") + " (details are shown to admins)";
  }
}
