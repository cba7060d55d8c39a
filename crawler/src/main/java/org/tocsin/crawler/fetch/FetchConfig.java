package org.tocsin.crawler.fetch;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * How the crawler fetches: who it says it is and how much it accepts.
 *
 * @param userAgent the User-Agent, which must name the operator with a contact (a URL or an e-mail
 *     address), for example {@code Tocsin/0.1 (+https://ngo.example/tocsin; ops@ngo.example)}
 * @param maxBodyBytes the largest response body accepted; larger ones are cut off and fail
 * @param connectTimeoutMillis the TCP connect timeout
 * @param requestTimeoutMillis the deadline for a whole exchange, body included (slow servers)
 */
public record FetchConfig(
    String userAgent, int maxBodyBytes, int connectTimeoutMillis, long requestTimeoutMillis) {

  /** Default body cap: 16 MiB. */
  public static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

  /** Default connect timeout: 10 s. */
  public static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 10_000;

  /** Default deadline of one exchange: 30 s. */
  public static final long DEFAULT_REQUEST_TIMEOUT_MILLIS = 30_000;

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if the User-Agent is missing or names no operator contact, or
   *     a limit is not positive
   */
  public FetchConfig {
    Objects.requireNonNull(userAgent, "userAgent: the User-Agent must name the operator");
    String ua = userAgent.strip();
    if (ua.isEmpty() || ua.length() > 512 || !(ua.contains("http") || ua.contains("@"))) {
      throw new IllegalArgumentException(
          "userAgent must name the operator with a contact URL or e-mail, e.g. "
              + "'Tocsin/0.1 (+https://ngo.example; ops@ngo.example)' [got '"
              + userAgent
              + "']");
    }
    if (maxBodyBytes < 1 || connectTimeoutMillis < 1 || requestTimeoutMillis < 1) {
      throw new IllegalArgumentException(
          "fetch limits must be positive [got maxBodyBytes "
              + maxBodyBytes
              + ", connectTimeoutMillis "
              + connectTimeoutMillis
              + ", requestTimeoutMillis "
              + requestTimeoutMillis
              + "]");
    }
  }

  /**
   * Reads {@code {userAgent, maxBodyBytes?, connectTimeoutMillis?, requestTimeoutMillis?}}.
   *
   * @throws IllegalArgumentException if {@code userAgent} is missing or invalid
   */
  public static FetchConfig fromJson(JsonObject json) {
    JsonObject j = json == null ? new JsonObject() : json;
    String ua = j.getString("userAgent");
    if (ua == null) {
      throw new IllegalArgumentException(
          "userAgent is required and must name the operator [got null]");
    }
    return new FetchConfig(
        ua,
        j.getInteger("maxBodyBytes", DEFAULT_MAX_BODY_BYTES),
        j.getInteger("connectTimeoutMillis", DEFAULT_CONNECT_TIMEOUT_MILLIS),
        j.getLong("requestTimeoutMillis", DEFAULT_REQUEST_TIMEOUT_MILLIS));
  }
}
