package org.tocsin.crawler.source;

import java.time.Instant;

/**
 * What a source reports on the dashboard, so that a broken source is visible, never silent.
 *
 * @param source the configured source name
 * @param state the connector's state
 * @param lastSuccess when a capture was last acknowledged by the sink, or {@code null}
 * @param lagSeconds seconds since the last success (0 before the first), a staleness measure
 * @param postsPerMinute posts parsed from acknowledged captures over the last minute
 * @param lastError the last error with its cause code ({@code http_5xx: ...}), or {@code null}
 * @param nextAttempt when the next request is due, or {@code null} if none is scheduled
 * @param errors how many errors so far (fetch, sink and parse errors)
 */
public record SourceStatus(
    String source,
    State state,
    Instant lastSuccess,
    long lagSeconds,
    double postsPerMinute,
    String lastError,
    Instant nextAttempt,
    long errors) {

  /** A connector's state. */
  public enum State {
    /** Not started yet. */
    STARTING,
    /** Fetching or waiting for its next poll, last attempt fine. */
    RUNNING,
    /** Waiting after a failure (backoff, 429 or rate-limit reset). */
    BACKING_OFF,
    /** Paused by an admin: not fetching until resumed. */
    PAUSED,
    /** Stopped. */
    STOPPED
  }
}
