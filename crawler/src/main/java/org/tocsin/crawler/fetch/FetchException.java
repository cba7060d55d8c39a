package org.tocsin.crawler.fetch;

import java.time.Instant;

/**
 * A fetch that produced no usable capture, with a stable cause code ({@code http_429}, {@code
 * http_5xx}, {@code http_4xx}, {@code http_3xx}, {@code not_modified} (304), {@code
 * body_too_large}, {@code timeout}, {@code io}) and, when the server said so, when to try again.
 * Stackless: it is an expected outcome, not a bug.
 */
public final class FetchException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final int status;
  private final transient Instant retryAt;

  /** Creates the exception; {@code status} is 0 when no response arrived. */
  public FetchException(String code, int status, Instant retryAt, String message, Throwable cause) {
    super(code + ": " + message, cause, false, false);
    this.code = code;
    this.status = status;
    this.retryAt = retryAt;
  }

  /** The stable cause code. */
  public String code() {
    return code;
  }

  /** The HTTP status, or 0 if no response arrived. */
  public int status() {
    return status;
  }

  /** When the server allows the next request, or {@code null} if it did not say. */
  public Instant retryAt() {
    return retryAt;
  }
}
