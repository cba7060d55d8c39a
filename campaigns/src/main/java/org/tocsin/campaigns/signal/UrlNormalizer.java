package org.tocsin.campaigns.signal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Normalises URLs so that the same link pushed with different tracking decorations counts as one
 * object.
 *
 * <p>Rules: scheme and host lower-case; the default port dropped; the fragment dropped; query
 * parameters {@code utm_*}, {@code fbclid}, {@code gclid}, {@code igshid}, {@code mc_cid} and
 * {@code mc_eid} removed (case-insensitive names), the others kept in their order and spelling; a
 * trailing slash of the path removed. Path and query keep their percent-encoding as written.
 * Shortener links of {@code t.co} are kept exactly as written: the short code is the identity, and
 * Twitter gives each tweet its own code, so two posts with the same {@code t.co} code share a
 * tweet's link. Text that is not an absolute http(s) URL is returned trimmed and otherwise
 * unchanged.
 */
public final class UrlNormalizer {

  private static final Set<String> TRACKING =
      Set.of("fbclid", "gclid", "igshid", "mc_cid", "mc_eid");

  private UrlNormalizer() {}

  /** The normalised form of {@code url}; never {@code null}. */
  public static String normalize(String url) {
    String raw = url.trim();
    URI u;
    try {
      u = new URI(raw);
    } catch (URISyntaxException e) {
      return raw;
    }
    String scheme = u.getScheme() == null ? null : u.getScheme().toLowerCase(Locale.ROOT);
    if (!"http".equals(scheme) && !"https".equals(scheme) || u.getHost() == null) {
      return raw;
    }
    String host = u.getHost().toLowerCase(Locale.ROOT);
    if (host.equals("t.co")) {
      return raw;
    }
    StringBuilder out = new StringBuilder(raw.length());
    out.append(scheme).append("://");
    if (u.getRawUserInfo() != null) {
      out.append(u.getRawUserInfo()).append('@');
    }
    out.append(host);
    int port = u.getPort();
    if (port != -1
        && !(port == 80 && scheme.equals("http"))
        && !(port == 443 && scheme.equals("https"))) {
      out.append(':').append(port);
    }
    String path = u.getRawPath() == null ? "" : u.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    out.append(path);
    String query = cleanQuery(u.getRawQuery());
    if (!query.isEmpty()) {
      out.append('?').append(query);
    }
    return out.toString();
  }

  private static String cleanQuery(String query) {
    if (query == null || query.isEmpty()) {
      return "";
    }
    StringBuilder kept = new StringBuilder(query.length());
    for (String param : query.split("&")) {
      if (param.isEmpty()) {
        continue;
      }
      int eq = param.indexOf('=');
      String name = (eq < 0 ? param : param.substring(0, eq)).toLowerCase(Locale.ROOT);
      if (name.startsWith("utm_") || TRACKING.contains(name)) {
        continue;
      }
      if (kept.length() > 0) {
        kept.append('&');
      }
      kept.append(param);
    }
    return kept.toString();
  }
}
