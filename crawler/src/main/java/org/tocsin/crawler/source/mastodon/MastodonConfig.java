package org.tocsin.crawler.source.mastodon;

import io.vertx.core.json.JsonObject;
import java.util.Objects;
import org.tocsin.crawler.fetch.FetchConfig;
import org.tocsin.crawler.source.SourceConfig;

/**
 * One Mastodon timeline source.
 *
 * @param source the source name, also the cursor key ({@code mastodon:<host><timeline>} if not set)
 * @param baseUrl the instance, for example {@code https://mastodon.social}
 * @param timeline the timeline path: {@code /api/v1/timelines/public}, {@code
 *     /api/v1/timelines/tag/<tag>} or {@code /api/v1/accounts/<id>/statuses}
 * @param limit statuses per page (Mastodon caps it at 40)
 * @param pollIntervalMillis the wait between polls once caught up
 * @param maxBackfillPages how many pages back the first run walks before switching to new posts
 * @param intervalMillis the minimum time between two requests to the instance (300 per 5 min)
 * @param maxPauseMillis the longest pause a Retry-After or rate-limit reset may impose
 * @param backoffBaseMillis the first retry delay after a failure
 * @param backoffMaxMillis the longest retry delay
 * @param fetch User-Agent and body limits
 */
public record MastodonConfig(
    String source,
    String baseUrl,
    String timeline,
    int limit,
    long pollIntervalMillis,
    int maxBackfillPages,
    long intervalMillis,
    long maxPauseMillis,
    long backoffBaseMillis,
    long backoffMaxMillis,
    FetchConfig fetch)
    implements SourceConfig {

  /** Default timeline: the federated public timeline. */
  public static final String DEFAULT_TIMELINE = "/api/v1/timelines/public";

  /** Default page size: Mastodon's maximum, 40. */
  public static final int DEFAULT_LIMIT = 40;

  /** Default poll interval once caught up: 60 s. */
  public static final long DEFAULT_POLL_INTERVAL_MILLIS = 60_000;

  /** Default backfill depth: 25 pages. */
  public static final int DEFAULT_MAX_BACKFILL_PAGES = 25;

  /** Default pace: 1 request/s, Mastodon's 300 requests per 5 minutes. */
  public static final long DEFAULT_INTERVAL_MILLIS = 1_000;

  /** Default cap on server-requested pauses: 15 min. */
  public static final long DEFAULT_MAX_PAUSE_MILLIS = 15 * 60_000;

  /** Default first retry delay: 1 s. */
  public static final long DEFAULT_BACKOFF_BASE_MILLIS = 1_000;

  /** Default longest retry delay: 10 min. */
  public static final long DEFAULT_BACKOFF_MAX_MILLIS = 10 * 60_000;

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if the base URL is not http(s), the timeline does not start
   *     with {@code /}, or a number is out of range
   */
  public MastodonConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(fetch, "fetch");
    if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
      throw new IllegalArgumentException("baseUrl must be an http(s) URL [got " + baseUrl + "]");
    }
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    timeline = timeline == null ? DEFAULT_TIMELINE : timeline;
    if (!timeline.startsWith("/") || timeline.contains("?")) {
      throw new IllegalArgumentException(
          "timeline must be a path without query [got " + timeline + "]");
    }
    if (limit < 1 || limit > 40 || pollIntervalMillis < 1 || maxBackfillPages < 0) {
      throw new IllegalArgumentException(
          "need 1 <= limit <= 40, pollIntervalMillis >= 1, maxBackfillPages >= 0 [got "
              + limit
              + ", "
              + pollIntervalMillis
              + ", "
              + maxBackfillPages
              + "]");
    }
    if (intervalMillis < 0
        || maxPauseMillis < 0
        || backoffBaseMillis < 1
        || backoffMaxMillis < backoffBaseMillis) {
      throw new IllegalArgumentException(
          "need intervalMillis >= 0, maxPauseMillis >= 0, 1 <= backoffBaseMillis <= backoffMaxMillis [got "
              + intervalMillis
              + ", "
              + maxPauseMillis
              + ", "
              + backoffBaseMillis
              + ", "
              + backoffMaxMillis
              + "]");
    }
    source =
        source == null ? "mastodon:" + baseUrl.replaceFirst("^https?://", "") + timeline : source;
  }

  /**
   * Reads the config; every key but {@code baseUrl} and {@code fetch.userAgent} has a default (the
   * {@code DEFAULT_*} constants).
   *
   * @throws IllegalArgumentException if a required key is missing or a value is invalid
   */
  public static MastodonConfig fromJson(JsonObject j) {
    Objects.requireNonNull(j, "config");
    String base = j.getString("baseUrl");
    if (base == null) {
      throw new IllegalArgumentException("mastodon source needs baseUrl [got null]");
    }
    return new MastodonConfig(
        j.getString("source"),
        base,
        j.getString("timeline", DEFAULT_TIMELINE),
        j.getInteger("limit", DEFAULT_LIMIT),
        j.getLong("pollIntervalMillis", DEFAULT_POLL_INTERVAL_MILLIS),
        j.getInteger("maxBackfillPages", DEFAULT_MAX_BACKFILL_PAGES),
        j.getLong("intervalMillis", DEFAULT_INTERVAL_MILLIS),
        j.getLong("maxPauseMillis", DEFAULT_MAX_PAUSE_MILLIS),
        j.getLong("backoffBaseMillis", DEFAULT_BACKOFF_BASE_MILLIS),
        j.getLong("backoffMaxMillis", DEFAULT_BACKOFF_MAX_MILLIS),
        FetchConfig.fromJson(j.getJsonObject("fetch")));
  }
}
