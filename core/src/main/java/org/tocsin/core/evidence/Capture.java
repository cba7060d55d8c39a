package org.tocsin.core.evidence;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The raw bytes of one response from a source, with what is needed to say how they were obtained
 * (Berkeley Protocol: who, what, when, how).
 *
 * @param source the configured source that made the request ({@code import:FILE}, {@code
 *     mastodon:example.org}, ...)
 * @param platform the platform whose format the body is in ({@code post-jsonl} for Post JSON)
 * @param method the request method, or {@code null} for sources that are not HTTP (files)
 * @param url the requested URL or file URI
 * @param status the HTTP status, or 0 for sources that are not HTTP
 * @param headers the response headers as received (names as the server sent them)
 * @param contentType the media type of the body
 * @param requestedAt when the request was sent
 * @param receivedAt when the last byte of the body arrived
 * @param body the body bytes exactly as received
 */
public record Capture(
    String source,
    String platform,
    String method,
    String url,
    int status,
    Map<String, String> headers,
    String contentType,
    Instant requestedAt,
    Instant receivedAt,
    byte[] body) {

  /** Checks the required fields; the body array is kept as given (callers must not change it). */
  public Capture {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(url, "url");
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(requestedAt, "requestedAt");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(body, "body");
  }
}
