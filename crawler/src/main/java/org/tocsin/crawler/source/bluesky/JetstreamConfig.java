package org.tocsin.crawler.source.bluesky;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;
import org.tocsin.crawler.fetch.FetchConfig;
import org.tocsin.crawler.source.SourceConfig;
import org.tocsin.crawler.source.internal.ConfigReader;

/**
 * One Jetstream subscription.
 *
 * @param source the source name, also the cursor key
 * @param url the Jetstream {@code /subscribe} endpoint ({@code wss://} or {@code ws://})
 * @param wantedCollections the collections asked for (commit events of other ones are not sent)
 * @param wantedDids the accounts asked for, or empty for all
 * @param rewindMillis how far before the saved cursor a reconnect starts; events seen again are
 *     dropped as duplicates
 * @param cursorSaveIntervalMillis how often the acknowledged cursor is saved
 * @param maxInFlight how many events may wait for the sink before the socket is paused
 * @param maxMessageBytes the largest event accepted
 * @param idleTimeoutSeconds reconnect when nothing arrived for this long (0: never)
 * @param backoffBaseMillis the first reconnect delay after a failure
 * @param backoffMaxMillis the longest reconnect delay
 * @param fetch the User-Agent (must name the operator) and connect timeout
 */
public record JetstreamConfig(
    String source,
    String url,
    List<String> wantedCollections,
    List<String> wantedDids,
    long rewindMillis,
    long cursorSaveIntervalMillis,
    int maxInFlight,
    int maxMessageBytes,
    int idleTimeoutSeconds,
    long backoffBaseMillis,
    long backoffMaxMillis,
    FetchConfig fetch)
    implements SourceConfig {

  /** Default endpoint: Bluesky's public Jetstream instance. */
  public static final String DEFAULT_URL = "wss://jetstream2.us-east.bsky.network/subscribe";

  /** Default collections: posts and reposts. */
  public static final List<String> DEFAULT_WANTED_COLLECTIONS =
      List.of("app.bsky.feed.post", "app.bsky.feed.repost");

  /** Default rewind on reconnect: 5 s. */
  public static final long DEFAULT_REWIND_MILLIS = 5_000;

  /** Default cursor save interval: 1 s. */
  public static final long DEFAULT_CURSOR_SAVE_INTERVAL_MILLIS = 1_000;

  /** Default events awaiting the sink before pausing: 512. */
  public static final int DEFAULT_MAX_IN_FLIGHT = 512;

  /** Default largest event: 1 MiB. */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 1 << 20;

  /** Default idle timeout: 120 s (the firehose is never silent that long). */
  public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 120;

  /** Default first reconnect delay: 1 s. */
  public static final long DEFAULT_BACKOFF_BASE_MILLIS = 1_000;

  /** Default longest reconnect delay: 5 min. */
  public static final long DEFAULT_BACKOFF_MAX_MILLIS = 5 * 60_000;

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if the URL is not ws(s), no collection is wanted, or a number
   *     is out of range
   */
  public JetstreamConfig {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(fetch, "fetch");
    if (!url.startsWith("ws://") && !url.startsWith("wss://") || url.contains("?")) {
      throw new IllegalArgumentException("url must be a ws(s) URL without query [got " + url + "]");
    }
    wantedCollections = List.copyOf(wantedCollections);
    wantedDids = List.copyOf(wantedDids);
    if (wantedCollections.isEmpty() || wantedCollections.size() > 100) {
      throw new IllegalArgumentException(
          "wantedCollections must list 1 to 100 collections [got " + wantedCollections + "]");
    }
    if (wantedDids.size() > 10_000) {
      throw new IllegalArgumentException(
          "wantedDids is limited to 10000 by Jetstream [got " + wantedDids.size() + "]");
    }
    if (rewindMillis < 0
        || cursorSaveIntervalMillis < 1
        || maxInFlight < 1
        || maxMessageBytes < 1024
        || idleTimeoutSeconds < 0
        || backoffBaseMillis < 1
        || backoffMaxMillis < backoffBaseMillis) {
      throw new IllegalArgumentException(
          "need rewindMillis >= 0, cursorSaveIntervalMillis >= 1, maxInFlight >= 1,"
              + " maxMessageBytes >= 1024, idleTimeoutSeconds >= 0,"
              + " 1 <= backoffBaseMillis <= backoffMaxMillis [got "
              + List.of(
                  rewindMillis,
                  cursorSaveIntervalMillis,
                  maxInFlight,
                  maxMessageBytes,
                  idleTimeoutSeconds,
                  backoffBaseMillis,
                  backoffMaxMillis)
              + "]");
    }
  }

  /**
   * Reads a {@code jetstream} source entry; only {@code name} and {@code fetch.userAgent} are
   * required.
   *
   * @throws IllegalArgumentException naming the key that is missing, unknown or invalid
   */
  public static JetstreamConfig fromJson(JsonObject j) {
    String name = j.getValue("name") instanceof String s ? s : null;
    ConfigReader r = new ConfigReader("jetstream source '" + name + "'", j).allow("type");
    JetstreamConfig c =
        new JetstreamConfig(
            r.required("name"),
            r.string("url", DEFAULT_URL),
            r.strings("wantedCollections", DEFAULT_WANTED_COLLECTIONS),
            r.strings("wantedDids", List.of()),
            r.longValue("rewindMillis", DEFAULT_REWIND_MILLIS),
            r.longValue("cursorSaveIntervalMillis", DEFAULT_CURSOR_SAVE_INTERVAL_MILLIS),
            r.intValue("maxInFlight", DEFAULT_MAX_IN_FLIGHT),
            r.intValue("maxMessageBytes", DEFAULT_MAX_MESSAGE_BYTES),
            r.intValue("idleTimeoutSeconds", DEFAULT_IDLE_TIMEOUT_SECONDS),
            r.longValue("backoffBaseMillis", DEFAULT_BACKOFF_BASE_MILLIS),
            r.longValue("backoffMaxMillis", DEFAULT_BACKOFF_MAX_MILLIS),
            r.fetch());
    r.done();
    return c;
  }
}
