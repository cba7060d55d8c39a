package org.tocsin.crawler.source.mastodon;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;
import org.tocsin.crawler.fetch.FetchConfig;
import org.tocsin.crawler.source.SourceConfig;
import org.tocsin.crawler.source.internal.ConfigReader;

/**
 * One Mastodon streaming source (server-sent events) with its REST gap fill.
 *
 * @param source the source name, also the cursor key
 * @param baseUrl the instance, for example {@code https://mastodon.social}
 * @param stream the streaming path, query allowed: {@code /api/v1/streaming/public}, {@code
 *     /api/v1/streaming/public/local}, {@code /api/v1/streaming/hashtag?tag=<tag>}
 * @param timeline the REST timeline that holds the same statuses, read with {@code min_id} to fill
 *     the gap after a drop: {@code /api/v1/timelines/public} (add {@code ?local=true} for the local
 *     stream) or {@code /api/v1/timelines/tag/<tag>}
 * @param limit statuses per gap-fill page (Mastodon caps it at 40)
 * @param maxGapPages the most pages one gap fill reads before it gives up ({@code gap_truncated})
 * @param maxQueued how many events may wait (for the sink or a gap fill) before the stream pauses
 * @param maxEventBytes the largest event accepted; a larger one drops the connection
 * @param idleTimeoutSeconds reconnect when nothing, not even a heartbeat, arrived this long (0:
 *     never)
 * @param cursorSaveIntervalMillis how often the acknowledged newest status id is saved
 * @param intervalMillis the minimum time between two requests to the instance (300 per 5 min)
 * @param maxPauseMillis the longest pause a Retry-After or rate-limit reset may impose
 * @param backoffBaseMillis the first reconnect delay after a failure
 * @param backoffMaxMillis the longest reconnect delay
 * @param fetch User-Agent, connect timeout and body limits of the gap-fill requests
 */
public record MastodonStreamConfig(
    String source,
    String baseUrl,
    String stream,
    String timeline,
    int limit,
    int maxGapPages,
    int maxQueued,
    int maxEventBytes,
    int idleTimeoutSeconds,
    long cursorSaveIntervalMillis,
    long intervalMillis,
    long maxPauseMillis,
    long backoffBaseMillis,
    long backoffMaxMillis,
    FetchConfig fetch)
    implements SourceConfig {

  /** Default stream: the federated public timeline. */
  public static final String DEFAULT_STREAM = "/api/v1/streaming/public";

  /** Default gap-fill timeline: the federated public timeline. */
  public static final String DEFAULT_TIMELINE = MastodonConfig.DEFAULT_TIMELINE;

  /** Default gap-fill page size: Mastodon's maximum, 40. */
  public static final int DEFAULT_LIMIT = MastodonConfig.DEFAULT_LIMIT;

  /** Default cap on one gap fill: 100 pages (4,000 statuses). */
  public static final int DEFAULT_MAX_GAP_PAGES = 100;

  /** Default events waiting before the stream pauses: 1,000. */
  public static final int DEFAULT_MAX_QUEUED = 1_000;

  /** Default largest event: 1 MiB. */
  public static final int DEFAULT_MAX_EVENT_BYTES = 1 << 20;

  /** Default idle timeout: 60 s (Mastodon sends a heartbeat comment every 15 s or so). */
  public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 60;

  /** Default cursor save interval: 1 s. */
  public static final long DEFAULT_CURSOR_SAVE_INTERVAL_MILLIS = 1_000;

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if the base URL is not http(s), a path does not start with
   *     {@code /}, or a number is out of range
   */
  public MastodonStreamConfig {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(timeline, "timeline");
    Objects.requireNonNull(fetch, "fetch");
    if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
      throw new IllegalArgumentException("baseUrl must be an http(s) URL [got " + baseUrl + "]");
    }
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    if (!stream.startsWith("/") || !timeline.startsWith("/")) {
      throw new IllegalArgumentException(
          "stream and timeline must be paths starting with / [got "
              + stream
              + ", "
              + timeline
              + "]");
    }
    if (limit < 1
        || limit > 40
        || maxGapPages < 1
        || maxQueued < 1
        || maxEventBytes < 1024
        || idleTimeoutSeconds < 0
        || cursorSaveIntervalMillis < 1
        || intervalMillis < 0
        || maxPauseMillis < 0
        || backoffBaseMillis < 1
        || backoffMaxMillis < backoffBaseMillis) {
      throw new IllegalArgumentException(
          "need 1 <= limit <= 40, maxGapPages >= 1, maxQueued >= 1, maxEventBytes >= 1024,"
              + " idleTimeoutSeconds >= 0, cursorSaveIntervalMillis >= 1, intervalMillis >= 0,"
              + " maxPauseMillis >= 0, 1 <= backoffBaseMillis <= backoffMaxMillis [got "
              + List.of(
                  limit,
                  maxGapPages,
                  maxQueued,
                  maxEventBytes,
                  idleTimeoutSeconds,
                  cursorSaveIntervalMillis,
                  intervalMillis,
                  maxPauseMillis,
                  backoffBaseMillis,
                  backoffMaxMillis)
              + "]");
    }
  }

  /**
   * Reads a {@code mastodon-stream} source entry; {@code name}, {@code baseUrl} and {@code
   * fetch.userAgent} are required, every other key has its {@code DEFAULT_*} value.
   *
   * @throws IllegalArgumentException naming the key that is missing, unknown or invalid
   */
  public static MastodonStreamConfig fromJson(JsonObject j) {
    String name = j.getValue("name") instanceof String s ? s : null;
    ConfigReader r = new ConfigReader("mastodon-stream source '" + name + "'", j).allow("type");
    MastodonStreamConfig c =
        new MastodonStreamConfig(
            r.required("name"),
            r.required("baseUrl"),
            r.string("stream", DEFAULT_STREAM),
            r.string("timeline", DEFAULT_TIMELINE),
            r.intValue("limit", DEFAULT_LIMIT),
            r.intValue("maxGapPages", DEFAULT_MAX_GAP_PAGES),
            r.intValue("maxQueued", DEFAULT_MAX_QUEUED),
            r.intValue("maxEventBytes", DEFAULT_MAX_EVENT_BYTES),
            r.intValue("idleTimeoutSeconds", DEFAULT_IDLE_TIMEOUT_SECONDS),
            r.longValue("cursorSaveIntervalMillis", DEFAULT_CURSOR_SAVE_INTERVAL_MILLIS),
            r.longValue("intervalMillis", MastodonConfig.DEFAULT_INTERVAL_MILLIS),
            r.longValue("maxPauseMillis", MastodonConfig.DEFAULT_MAX_PAUSE_MILLIS),
            r.longValue("backoffBaseMillis", MastodonConfig.DEFAULT_BACKOFF_BASE_MILLIS),
            r.longValue("backoffMaxMillis", MastodonConfig.DEFAULT_BACKOFF_MAX_MILLIS),
            r.fetch());
    r.done();
    return c;
  }
}
