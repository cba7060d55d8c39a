package org.tocsin.crawler.source.telegram;

import io.vertx.core.json.JsonObject;
import java.util.Objects;
import org.tocsin.crawler.fetch.FetchConfig;
import org.tocsin.crawler.source.Pacing;
import org.tocsin.crawler.source.SourceConfig;
import org.tocsin.crawler.source.internal.ConfigReader;

/**
 * One public Telegram channel.
 *
 * @param source the source name, also the cursor key
 * @param baseUrl the preview site, {@code https://t.me}
 * @param channel the channel's public username
 * @param maxBackfillPages how many {@code ?before=} pages the first run walks back
 * @param maxCrawlDelayMillis the largest robots.txt Crawl-delay honoured
 * @param robotsTtlMillis how long a robots.txt is trusted before it is fetched again
 * @param pacing poll interval, per-host pace and failure policy
 * @param fetch User-Agent and body limits
 */
public record TelegramConfig(
    String source,
    String baseUrl,
    String channel,
    int maxBackfillPages,
    long maxCrawlDelayMillis,
    long robotsTtlMillis,
    Pacing pacing,
    FetchConfig fetch)
    implements SourceConfig {

  /** Default site: {@code https://t.me}. */
  public static final String DEFAULT_BASE_URL = "https://t.me";

  /** Default backfill depth: 10 pages of about 20 messages. */
  public static final int DEFAULT_MAX_BACKFILL_PAGES = 10;

  /** Default Crawl-delay cap: 30 s. */
  public static final long DEFAULT_MAX_CRAWL_DELAY_MILLIS = 30_000;

  /** Default robots.txt lifetime: 24 h. */
  public static final long DEFAULT_ROBOTS_TTL_MILLIS = 24 * 3600_000L;

  /** Default pacing: a poll every 5 min, at most one request to t.me every 3 s. */
  public static final Pacing DEFAULT_PACING = Pacing.of(5 * 60_000, 3_000);

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if the channel is not a Telegram username or a number is out
   *     of range
   */
  public TelegramConfig {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(pacing, "pacing");
    Objects.requireNonNull(fetch, "fetch");
    if (!baseUrl.matches("https?://[^/?#]+")) {
      throw new IllegalArgumentException(
          "baseUrl must be an http(s) origin without path [got " + baseUrl + "]");
    }
    if (!channel.matches("[A-Za-z0-9_]{3,64}")) {
      throw new IllegalArgumentException(
          "channel must be a public username (letters, digits, _) [got " + channel + "]");
    }
    if (maxBackfillPages < 0 || maxCrawlDelayMillis < 0 || robotsTtlMillis < 1) {
      throw new IllegalArgumentException(
          "need maxBackfillPages >= 0, maxCrawlDelayMillis >= 0, robotsTtlMillis >= 1 [got "
              + maxBackfillPages
              + ", "
              + maxCrawlDelayMillis
              + ", "
              + robotsTtlMillis
              + "]");
    }
  }

  /**
   * Reads a {@code telegram} source entry; {@code name}, {@code channel} and {@code
   * fetch.userAgent} are required.
   *
   * @throws IllegalArgumentException naming the key that is missing, unknown or invalid
   */
  public static TelegramConfig fromJson(JsonObject j) {
    String name = j.getValue("name") instanceof String s ? s : null;
    ConfigReader r = new ConfigReader("telegram source '" + name + "'", j).allow("type");
    TelegramConfig c =
        new TelegramConfig(
            r.required("name"),
            r.string("baseUrl", DEFAULT_BASE_URL),
            r.required("channel"),
            r.intValue("maxBackfillPages", DEFAULT_MAX_BACKFILL_PAGES),
            r.longValue("maxCrawlDelayMillis", DEFAULT_MAX_CRAWL_DELAY_MILLIS),
            r.longValue("robotsTtlMillis", DEFAULT_ROBOTS_TTL_MILLIS),
            r.pacing(DEFAULT_PACING),
            r.fetch());
    r.done();
    return c;
  }
}
