package org.tocsin.crawler.source.internal;

/**
 * A failed connector step after (or instead of) the fetch, with a stable cause code such as {@code
 * sink_failed}, {@code parse_error}, {@code cursor_save_failed} or {@code robots_denied}.
 * Stackless: an expected outcome, not a bug.
 */
public final class StepFailure extends Exception {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final long retryAfterMillis;

  /** A failure retried by the backoff policy. */
  public StepFailure(String code, Throwable cause) {
    this(code, String.valueOf(cause), cause, 0);
  }

  /** A failure with its own message that waits at least {@code retryAfterMillis} (capped). */
  public StepFailure(String code, String message, Throwable cause, long retryAfterMillis) {
    super(message, cause, false, false);
    this.code = code;
    this.retryAfterMillis = retryAfterMillis;
  }

  /** The stable cause code. */
  public String code() {
    return code;
  }

  /** The least wait before the next attempt, in milliseconds (0: the backoff decides). */
  public long retryAfterMillis() {
    return retryAfterMillis;
  }
}
