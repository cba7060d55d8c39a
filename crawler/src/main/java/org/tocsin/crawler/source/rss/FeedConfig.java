package org.tocsin.crawler.source.rss;

import io.vertx.core.json.JsonObject;
import java.util.Objects;
import org.tocsin.crawler.fetch.FetchConfig;
import org.tocsin.crawler.source.Pacing;
import org.tocsin.crawler.source.SourceConfig;
import org.tocsin.crawler.source.internal.ConfigReader;

/**
 * One RSS or Atom feed.
 *
 * @param source the source name, also the cursor key
 * @param url the feed URL
 * @param pacing poll interval, per-host pace and failure policy
 * @param fetch User-Agent and body limits
 */
public record FeedConfig(String source, String url, Pacing pacing, FetchConfig fetch)
    implements SourceConfig {

  /** Default pacing: a poll every 15 min, one request a second to a host. */
  public static final Pacing DEFAULT_PACING = Pacing.of(15 * 60_000, 1_000);

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if the URL is not http(s)
   */
  public FeedConfig {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(pacing, "pacing");
    Objects.requireNonNull(fetch, "fetch");
    if (!url.matches("https?://[^/?#]+.*")) {
      throw new IllegalArgumentException("url must be an http(s) URL [got " + url + "]");
    }
  }

  /**
   * Reads an {@code rss} source entry; {@code name}, {@code url} and {@code fetch.userAgent} are
   * required.
   *
   * @throws IllegalArgumentException naming the key that is missing, unknown or invalid
   */
  public static FeedConfig fromJson(JsonObject j) {
    String name = j.getValue("name") instanceof String s ? s : null;
    ConfigReader r = new ConfigReader("rss source '" + name + "'", j).allow("type");
    FeedConfig c =
        new FeedConfig(r.required("name"), r.required("url"), r.pacing(DEFAULT_PACING), r.fetch());
    r.done();
    return c;
  }
}
