package org.tocsin.crawler.politeness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The rules of one robots.txt for one agent (RFC 9309): the groups naming the agent's product token
 * apply, else the {@code *} groups; the longest matching {@code Allow}/{@code Disallow} pattern
 * wins, {@code Allow} on a tie; {@code *} and a final {@code $} are understood. {@code Crawl-delay}
 * of the chosen groups is kept (callers cap it). Only the first 512 KiB are read. Never throws on
 * any body.
 */
public final class RobotsTxt {

  private static final int MAX_CHARS = 512 * 1024;
  private static final RobotsTxt ALLOW_ALL = new RobotsTxt(List.of(), null);
  private static final RobotsTxt DISALLOW_ALL = new RobotsTxt(List.of(new Rule("/", false)), null);

  private record Rule(String pattern, boolean allow) {}

  private final List<Rule> rules;
  private final Duration crawlDelay;

  private RobotsTxt(List<Rule> rules, Duration crawlDelay) {
    this.rules = List.copyOf(rules);
    this.crawlDelay = crawlDelay;
  }

  /** Rules that allow everything (robots.txt answered 4xx). */
  public static RobotsTxt allowAll() {
    return ALLOW_ALL;
  }

  /** Rules that allow nothing (robots.txt unreachable or 5xx: fail closed). */
  public static RobotsTxt disallowAll() {
    return DISALLOW_ALL;
  }

  /**
   * Parses a robots.txt for the agent whose product token is {@code agentToken} (for example {@code
   * Tocsin} for {@code Tocsin/0.1 (+https://...)}).
   */
  public static RobotsTxt parse(String body, String agentToken) {
    Objects.requireNonNull(agentToken, "agentToken");
    String token = agentToken.toLowerCase(Locale.ROOT);
    String text = body == null ? "" : body.substring(0, Math.min(body.length(), MAX_CHARS));
    List<Rule> mine = new ArrayList<>();
    List<Rule> star = new ArrayList<>();
    Duration myDelay = null;
    Duration starDelay = null;
    boolean matchMe = false;
    boolean matchStar = false;
    boolean inAgents = false;
    boolean foundMine = false;
    for (String raw : text.split("\r\n|\r|\n")) {
      int hash = raw.indexOf('#');
      String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).strip();
      if (key.equals("user-agent")) {
        if (!inAgents) {
          matchMe = false;
          matchStar = false;
          inAgents = true;
        }
        String agent = value.toLowerCase(Locale.ROOT);
        if (agent.equals("*")) {
          matchStar = true;
        } else if (agent.split("[/ ]")[0].equals(token)) {
          matchMe = true;
          foundMine = true;
        }
        continue;
      }
      inAgents = false;
      if (key.equals("allow") || key.equals("disallow")) {
        if (value.isEmpty()) {
          continue; // "Disallow:" with no path allows everything
        }
        Rule r = new Rule(value, key.equals("allow"));
        if (matchMe) {
          mine.add(r);
        }
        if (matchStar) {
          star.add(r);
        }
      } else if (key.equals("crawl-delay")) {
        Duration d = seconds(value);
        if (matchMe && d != null) {
          myDelay = d;
        }
        if (matchStar && d != null) {
          starDelay = d;
        }
      }
    }
    return foundMine ? new RobotsTxt(mine, myDelay) : new RobotsTxt(star, starDelay);
  }

  /** Whether a path (with its query) may be fetched. */
  public boolean allowed(String pathAndQuery) {
    String path = pathAndQuery == null || pathAndQuery.isEmpty() ? "/" : pathAndQuery;
    Rule best = null;
    for (Rule r : rules) {
      if (matches(r.pattern(), path)
          && (best == null
              || r.pattern().length() > best.pattern().length()
              || (r.pattern().length() == best.pattern().length() && r.allow()))) {
        best = r;
      }
    }
    return best == null || best.allow();
  }

  /** The Crawl-delay for this agent, or {@code null} if none was given. */
  public Duration crawlDelay() {
    return crawlDelay;
  }

  /** Whether a pattern matches a path prefix (or the whole path with {@code $}); O(p * s). */
  private static boolean matches(String pattern, String path) {
    boolean anchored = pattern.endsWith("$");
    String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
    // reach[k]: the first i pattern chars can consume exactly the first k path chars
    boolean[] reach = new boolean[path.length() + 1];
    reach[0] = true;
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      boolean[] next = new boolean[path.length() + 1];
      boolean any = false;
      for (int k = 0; k <= path.length(); k++) {
        if (c == '*') {
          next[k] = reach[k] || (k > 0 && next[k - 1]);
        } else {
          next[k] = k > 0 && reach[k - 1] && path.charAt(k - 1) == c;
        }
        any |= next[k];
      }
      if (!any) {
        return false;
      }
      reach = next;
    }
    if (anchored) {
      return reach[path.length()];
    }
    for (boolean r : reach) {
      if (r) {
        return true;
      }
    }
    return false;
  }

  private static Duration seconds(String v) {
    try {
      double d = Double.parseDouble(v);
      return Double.isFinite(d) && d >= 0
          ? Duration.ofMillis((long) (Math.min(d, 86_400) * 1000))
          : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
