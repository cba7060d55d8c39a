package org.tocsin.crawler.source.reddit;

import io.vertx.core.json.JsonObject;
import java.util.Objects;
import org.tocsin.crawler.fetch.FetchConfig;
import org.tocsin.crawler.source.Pacing;
import org.tocsin.crawler.source.SourceConfig;
import org.tocsin.crawler.source.internal.ConfigReader;

/**
 * One subreddit's new posts.
 *
 * @param source the source name, also the cursor key
 * @param baseUrl the site, {@code https://www.reddit.com}
 * @param subreddit the subreddit without {@code r/}
 * @param limit things per page (Reddit caps it at 100)
 * @param maxBackfillPages how many {@code after} pages the first run walks back
 * @param pacing poll interval, per-host pace (unauthenticated: about 10 requests a minute) and
 *     failure policy
 * @param fetch User-Agent (Reddit blocks generic ones) and body limits
 */
public record RedditConfig(
    String source,
    String baseUrl,
    String subreddit,
    int limit,
    int maxBackfillPages,
    Pacing pacing,
    FetchConfig fetch)
    implements SourceConfig {

  /** Default site. */
  public static final String DEFAULT_BASE_URL = "https://www.reddit.com";

  /** Default page size: Reddit's maximum, 100. */
  public static final int DEFAULT_LIMIT = 100;

  /** Default backfill depth: 10 pages (Reddit lists at most about 1000 things). */
  public static final int DEFAULT_MAX_BACKFILL_PAGES = 10;

  /** Default pacing: a poll a minute, one request every 6 s (10 a minute). */
  public static final Pacing DEFAULT_PACING = Pacing.of(60_000, 6_000);

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if the subreddit name is invalid or a number is out of range
   */
  public RedditConfig {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(subreddit, "subreddit");
    Objects.requireNonNull(pacing, "pacing");
    Objects.requireNonNull(fetch, "fetch");
    if (!baseUrl.matches("https?://[^/?#]+")) {
      throw new IllegalArgumentException(
          "baseUrl must be an http(s) origin without path [got " + baseUrl + "]");
    }
    if (!subreddit.matches("[A-Za-z0-9_+]{2,100}")) {
      throw new IllegalArgumentException(
          "subreddit must be a name without r/ (letters, digits, _, + to combine) [got "
              + subreddit
              + "]");
    }
    if (limit < 1 || limit > 100 || maxBackfillPages < 0) {
      throw new IllegalArgumentException(
          "need 1 <= limit <= 100, maxBackfillPages >= 0 [got "
              + limit
              + ", "
              + maxBackfillPages
              + "]");
    }
  }

  /**
   * Reads a {@code reddit} source entry; {@code name}, {@code subreddit} and {@code
   * fetch.userAgent} are required.
   *
   * @throws IllegalArgumentException naming the key that is missing, unknown or invalid
   */
  public static RedditConfig fromJson(JsonObject j) {
    String name = j.getValue("name") instanceof String s ? s : null;
    ConfigReader r = new ConfigReader("reddit source '" + name + "'", j).allow("type");
    RedditConfig c =
        new RedditConfig(
            r.required("name"),
            r.string("baseUrl", DEFAULT_BASE_URL),
            r.required("subreddit"),
            r.intValue("limit", DEFAULT_LIMIT),
            r.intValue("maxBackfillPages", DEFAULT_MAX_BACKFILL_PAGES),
            r.pacing(DEFAULT_PACING),
            r.fetch());
    r.done();
    return c;
  }
}
