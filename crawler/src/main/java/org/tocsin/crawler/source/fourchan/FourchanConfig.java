package org.tocsin.crawler.source.fourchan;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.tocsin.crawler.fetch.FetchConfig;
import org.tocsin.crawler.source.Pacing;
import org.tocsin.crawler.source.SourceConfig;
import org.tocsin.crawler.source.internal.ConfigReader;

/**
 * Boards of 4chan, crawled by one connector so that one host queue keeps the API's rule of at most
 * one request a second for all of them.
 *
 * @param source the source name, also the cursor key
 * @param baseUrl the API origin, {@code https://a.4cdn.org}
 * @param boards the board names ({@code pol}, {@code int}, ...)
 * @param listing {@code threads} (numbers and times only) or {@code catalog} (also the opening
 *     posts and last replies, stored and parsed)
 * @param pacing poll interval per round of boards, per-host pace (at least 1000 ms unless the API
 *     is on loopback) and failure policy
 * @param fetch User-Agent and body limits
 */
public record FourchanConfig(
    String source,
    String baseUrl,
    List<String> boards,
    String listing,
    Pacing pacing,
    FetchConfig fetch)
    implements SourceConfig {

  /** Default API origin. */
  public static final String DEFAULT_BASE_URL = "https://a.4cdn.org";

  /** Default listing: {@code threads}. */
  public static final String DEFAULT_LISTING = "threads";

  /** Default pacing: a round of boards every minute, one request a second. */
  public static final Pacing DEFAULT_PACING = Pacing.of(60_000, 1_000);

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if a board name or the listing is invalid, or the pace is
   *     faster than the API allows
   */
  public FourchanConfig {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(pacing, "pacing");
    Objects.requireNonNull(fetch, "fetch");
    boards = List.copyOf(boards);
    if (!baseUrl.matches("https?://[^/?#]+")) {
      throw new IllegalArgumentException(
          "baseUrl must be an http(s) origin without path [got " + baseUrl + "]");
    }
    if (boards.isEmpty() || !boards.stream().allMatch(b -> b.matches("[a-z0-9]{1,10}"))) {
      throw new IllegalArgumentException(
          "boards must list board names such as \"pol\" [got " + boards + "]");
    }
    if (!List.of("threads", "catalog").contains(listing)) {
      throw new IllegalArgumentException(
          "listing must be \"threads\" or \"catalog\" [got " + listing + "]");
    }
    String host = URI.create(baseUrl).getHost();
    boolean loopback = "127.0.0.1".equals(host) || "localhost".equals(host);
    if (pacing.intervalMillis() < 1_000 && !loopback) {
      throw new IllegalArgumentException(
          "the 4chan API allows at most one request a second: intervalMillis >= 1000 [got "
              + pacing.intervalMillis()
              + "]");
    }
  }

  /**
   * Reads a {@code 4chan} source entry; {@code name}, {@code boards} and {@code fetch.userAgent}
   * are required.
   *
   * @throws IllegalArgumentException naming the key that is missing, unknown or invalid
   */
  public static FourchanConfig fromJson(JsonObject j) {
    String name = j.getValue("name") instanceof String s ? s : null;
    ConfigReader r = new ConfigReader("4chan source '" + name + "'", j).allow("type");
    FourchanConfig c =
        new FourchanConfig(
            r.required("name"),
            r.string("baseUrl", DEFAULT_BASE_URL),
            r.strings("boards", List.of()),
            r.string("listing", DEFAULT_LISTING),
            r.pacing(DEFAULT_PACING),
            r.fetch());
    r.done();
    return c;
  }
}
