package org.tocsin.testkit.fake;

/** A fault the fake platform injects in place of (or into) one response. */
public sealed interface Fault {

  /**
   * {@code 429 Too Many Requests} with a {@code Retry-After} in seconds.
   *
   * @param retryAfterSeconds the value of the Retry-After header
   */
  record TooManyRequests(int retryAfterSeconds) implements Fault {}

  /**
   * A server error status (500, 502, 503...) with a short body.
   *
   * @param status the status code
   */
  record ServerError(int status) implements Fault {}

  /**
   * The real response, sent only after a delay (a slow server).
   *
   * @param delayMillis how long to wait before answering
   */
  record Slow(long delayMillis) implements Fault {}

  /**
   * The real status and headers with only the first bytes of the body; Content-Length matches the
   * bytes sent, so the HTTP exchange is complete but the JSON or HTML is cut.
   *
   * @param keepBytes how many body bytes to send
   */
  record Truncated(int keepBytes) implements Fault {}

  /** The connection is closed without any response. */
  record CloseConnection() implements Fault {}

  /**
   * A {@code 200} response with a body of this many bytes, streamed in chunks.
   *
   * @param bytes the body size
   */
  record Oversized(int bytes) implements Fault {}
}
