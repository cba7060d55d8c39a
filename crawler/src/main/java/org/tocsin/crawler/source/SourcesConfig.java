package org.tocsin.crawler.source;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.tocsin.crawler.source.bluesky.JetstreamConfig;
import org.tocsin.crawler.source.files.DirectoryWatchConfig;
import org.tocsin.crawler.source.fourchan.FourchanConfig;
import org.tocsin.crawler.source.mastodon.MastodonConfig;
import org.tocsin.crawler.source.mastodon.MastodonStreamConfig;
import org.tocsin.crawler.source.reddit.RedditConfig;
import org.tocsin.crawler.source.rss.FeedConfig;
import org.tocsin.crawler.source.telegram.TelegramConfig;

/**
 * The configured sources, typed: {@code [{"type":
 * "mastodon"|"mastodon-stream"|"jetstream"|"telegram"|"reddit"| "rss"|"4chan"|"files", "name": ...,
 * ...}]}. Every key of every type, with its default, is listed in {@code
 * org/tocsin/crawler/crawler-default.json}. Unknown keys, wrong types, missing required keys and
 * duplicate names are refused with a message naming the entry and the key.
 *
 * @param sources the typed source configs, in file order
 */
public record SourcesConfig(List<SourceConfig> sources) {

  /** The source types understood. */
  public static final List<String> TYPES =
      List.of(
          "mastodon",
          "mastodon-stream",
          "jetstream",
          "telegram",
          "reddit",
          "rss",
          "4chan",
          "files");

  /** The classpath resource that documents every key with its default. */
  public static final String DEFAULT_RESOURCE = "/org/tocsin/crawler/crawler-default.json";

  private static final Set<String> MASTODON_KEYS =
      Set.of(
          "type",
          "name",
          "baseUrl",
          "timeline",
          "limit",
          "pollIntervalMillis",
          "maxBackfillPages",
          "intervalMillis",
          "maxPauseMillis",
          "backoffBaseMillis",
          "backoffMaxMillis",
          "fetch");

  /** Freezes the list and checks that names are unique. */
  public SourcesConfig {
    sources = List.copyOf(sources);
    Set<String> names = new HashSet<>();
    for (SourceConfig s : sources) {
      if (!names.add(s.source())) {
        throw new IllegalArgumentException(
            "two sources have the same name [got " + s.source() + "]");
      }
    }
  }

  /**
   * Reads {@code {"defaults": {...}, "sources": [...]}}: {@code defaults} (for example the
   * operator's {@code fetch.userAgent}) is merged under every entry, whose own keys win.
   *
   * @throws IllegalArgumentException naming the entry and key at fault
   */
  public static SourcesConfig fromJson(JsonObject root) {
    Objects.requireNonNull(root, "root");
    for (String k : root.fieldNames()) {
      if (!k.equals("defaults") && !k.equals("sources")) {
        throw new IllegalArgumentException(
            "crawler config: unknown key, expected defaults or sources [got " + k + "]");
      }
    }
    Object d = root.getValue("defaults");
    Object s = root.getValue("sources");
    if (d != null && !(d instanceof JsonObject) || s != null && !(s instanceof JsonArray)) {
      throw new IllegalArgumentException(
          "crawler config: defaults must be an object and sources an array [got " + root + "]");
    }
    return fromJson(s == null ? new JsonArray() : (JsonArray) s, (JsonObject) d);
  }

  /**
   * Reads an array of source entries, each merged over {@code defaults} (may be {@code null}).
   *
   * @throws IllegalArgumentException naming the entry and key at fault
   */
  public static SourcesConfig fromJson(JsonArray entries, JsonObject defaults) {
    Objects.requireNonNull(entries, "entries");
    List<SourceConfig> out = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Object e = entries.getValue(i);
      if (!(e instanceof JsonObject entry)) {
        throw new IllegalArgumentException("sources[" + i + "] must be an object [got " + e + "]");
      }
      Object type = entry.getValue("type");
      String where = "sources[" + i + "] (" + type + " '" + entry.getValue("name") + "')";
      if (!(type instanceof String t) || !TYPES.contains(t)) {
        throw new IllegalArgumentException(
            where + ": type must be one of " + TYPES + " [got " + type + "]");
      }
      JsonObject merged = merge(defaults, entry, t);
      try {
        out.add(typed(t, merged));
      } catch (IllegalArgumentException | ClassCastException | NullPointerException ex) {
        String inner = t + " source '" + entry.getValue("name") + "': ";
        String msg = String.valueOf(ex.getMessage());
        throw new IllegalArgumentException(
            where + ": " + (msg.startsWith(inner) ? msg.substring(inner.length()) : msg), ex);
      }
    }
    try {
      return new SourcesConfig(out);
    } catch (IllegalArgumentException ex) {
      throw new IllegalArgumentException("sources: " + ex.getMessage(), ex);
    }
  }

  private static SourceConfig typed(String type, JsonObject j) {
    return switch (type) {
      case "mastodon" -> mastodon(j);
      case "mastodon-stream" -> MastodonStreamConfig.fromJson(j);
      case "jetstream" -> JetstreamConfig.fromJson(j);
      case "telegram" -> TelegramConfig.fromJson(j);
      case "reddit" -> RedditConfig.fromJson(j);
      case "rss" -> FeedConfig.fromJson(j);
      case "4chan" -> FourchanConfig.fromJson(j);
      case "files" -> DirectoryWatchConfig.fromJson(j);
      default -> throw new IllegalArgumentException("unknown type [got " + type + "]");
    };
  }

  private static MastodonConfig mastodon(JsonObject j) {
    for (String k : j.fieldNames()) {
      if (!MASTODON_KEYS.contains(k)) {
        throw new IllegalArgumentException(
            k
                + " is not a key of this source type "
                + new java.util.TreeSet<>(MASTODON_KEYS)
                + " [got "
                + k
                + "]");
      }
    }
    if (!(j.getValue("name") instanceof String name) || name.isBlank()) {
      throw new IllegalArgumentException("name is required [got " + j.getValue("name") + "]");
    }
    JsonObject m = j.copy();
    m.remove("type");
    m.remove("name");
    return MastodonConfig.fromJson(m.put("source", name));
  }

  /** The entry over the defaults, objects merged key by key; files sources take no fetch keys. */
  private static JsonObject merge(JsonObject defaults, JsonObject entry, String type) {
    JsonObject out = defaults == null ? new JsonObject() : defaults.copy();
    if (type.equals("files")) {
      out.remove("fetch");
    }
    for (String k : entry.fieldNames()) {
      Object v = entry.getValue(k);
      if (v instanceof JsonObject o && out.getValue(k) instanceof JsonObject base) {
        out.put(k, base.copy().mergeIn(o));
      } else {
        out.put(k, v instanceof JsonObject o2 ? o2.copy() : v);
      }
    }
    return out;
  }
}
