package org.tocsin.crawler.source.internal;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.tocsin.crawler.fetch.FetchConfig;
import org.tocsin.crawler.source.Pacing;

/**
 * Reads one source entry with typed getters whose errors name the entry and the key ({@code "reddit
 * source 'r-news': limit must be an integer [got "ten"]"}), and refuses keys it was never asked
 * for, so that a typo does not silently fall back to a default.
 */
public final class ConfigReader {

  private static final Set<String> FETCH_KEYS =
      Set.of("userAgent", "maxBodyBytes", "connectTimeoutMillis", "requestTimeoutMillis");

  private final String where;
  private final JsonObject json;
  private final Set<String> known = new LinkedHashSet<>();

  /** Reads {@code json}; {@code where} names the entry in messages. */
  public ConfigReader(String where, JsonObject json) {
    this.where = Objects.requireNonNull(where, "where");
    this.json = json == null ? new JsonObject() : json;
  }

  /** The failure for a bad key, naming the entry and the key. */
  public IllegalArgumentException error(String key, String problem, Object got) {
    return new IllegalArgumentException(
        where + ": " + key + " " + problem + " [got " + render(got) + "]");
  }

  /** A string, or {@code def} if absent. */
  public String string(String key, String def) {
    Object v = value(key);
    if (v == null) {
      return def;
    }
    if (!(v instanceof String s)) {
      throw error(key, "must be a string", v);
    }
    return s;
  }

  /** A string that must be present and not blank. */
  public String required(String key) {
    String s = string(key, null);
    if (s == null || s.isBlank()) {
      throw error(key, "is required", s);
    }
    return s;
  }

  /** A whole number, or {@code def} if absent. */
  public long longValue(String key, long def) {
    Object v = value(key);
    if (v == null) {
      return def;
    }
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw error(key, "must be a whole number", v);
    }
    return n.longValue();
  }

  /** A whole number in int range, or {@code def} if absent. */
  public int intValue(String key, int def) {
    long l = longValue(key, def);
    if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
      throw error(key, "is out of range", l);
    }
    return (int) l;
  }

  /** A boolean, or {@code def} if absent. */
  public boolean bool(String key, boolean def) {
    Object v = value(key);
    if (v == null) {
      return def;
    }
    if (!(v instanceof Boolean b)) {
      throw error(key, "must be true or false", v);
    }
    return b;
  }

  /** An array of strings, or {@code def} if absent. */
  public List<String> strings(String key, List<String> def) {
    Object v = value(key);
    if (v == null) {
      return def;
    }
    if (!(v instanceof JsonArray a)) {
      throw error(key, "must be an array of strings", v);
    }
    List<String> out = new ArrayList<>(a.size());
    for (Object o : a) {
      if (!(o instanceof String s)) {
        throw error(key, "must be an array of strings", v);
      }
      out.add(s);
    }
    return List.copyOf(out);
  }

  /** The entry's pacing keys, each defaulting to {@code d}. */
  public Pacing pacing(Pacing d) {
    return new Pacing(
        longValue("pollIntervalMillis", d.pollIntervalMillis()),
        longValue("intervalMillis", d.intervalMillis()),
        longValue("maxPauseMillis", d.maxPauseMillis()),
        longValue("backoffBaseMillis", d.backoffBaseMillis()),
        longValue("backoffMaxMillis", d.backoffMaxMillis()));
  }

  /** The entry's {@code fetch} object; its {@code userAgent} is required. */
  public FetchConfig fetch() {
    Object v = value("fetch");
    if (v != null && !(v instanceof JsonObject)) {
      throw error("fetch", "must be an object", v);
    }
    JsonObject f = (JsonObject) v;
    if (f != null) {
      for (String k : f.fieldNames()) {
        if (!FETCH_KEYS.contains(k)) {
          throw error("fetch." + k, "is not a fetch key " + new TreeSet<>(FETCH_KEYS), k);
        }
      }
    }
    try {
      return FetchConfig.fromJson(f);
    } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
      throw new IllegalArgumentException(where + ": fetch: " + e.getMessage(), e);
    }
  }

  /** Marks keys as known without reading them (keys handled elsewhere, such as {@code type}). */
  public ConfigReader allow(String... keys) {
    known.addAll(List.of(keys));
    return this;
  }

  /**
   * Checks that the entry holds no key that was never read.
   *
   * @throws IllegalArgumentException naming the first unknown key and the known ones
   */
  public void done() {
    for (String k : json.fieldNames()) {
      if (!known.contains(k)) {
        throw error(k, "is not a key of this source type " + new TreeSet<>(known), k);
      }
    }
  }

  private Object value(String key) {
    known.add(key);
    return json.getValue(key);
  }

  private static String render(Object v) {
    String s = v instanceof String str ? "\"" + str + "\"" : String.valueOf(v);
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }
}
