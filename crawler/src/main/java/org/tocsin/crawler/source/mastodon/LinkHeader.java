package org.tocsin.crawler.source.mastodon;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Mastodon's {@code Link} pagination header: the {@code max_id} of "next", {@code min_id} of
 * "prev".
 */
final class LinkHeader {

  private static final Pattern LINK =
      Pattern.compile("<([^>]{1,4096})>\\s*;\\s*rel=\"?([a-z]+)\"?");

  private LinkHeader() {}

  /** A query parameter of the link with relation {@code rel}, or {@code null}. */
  static String param(String header, String rel, String name) {
    if (header == null || header.length() > 16_384) {
      return null;
    }
    Matcher m = LINK.matcher(header);
    while (m.find()) {
      if (m.group(2).equals(rel)) {
        String query;
        try {
          query = URI.create(m.group(1)).getRawQuery();
        } catch (IllegalArgumentException e) {
          return null;
        }
        for (String kv : query == null ? new String[0] : query.split("&")) {
          int eq = kv.indexOf('=');
          if (eq > 0 && kv.substring(0, eq).equals(name)) {
            String v = kv.substring(eq + 1);
            return v.matches("[0-9A-Za-z]{1,64}") ? v : null;
          }
        }
      }
    }
    return null;
  }
}
