package org.tocsin.crawler.source;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * Keeps a connector's {@link SourceStatus}: connectors report successes, errors and schedules on
 * their event loop, and anyone may read a snapshot from any thread.
 */
public final class StatusTracker {

  private static final Duration WINDOW = Duration.ofMinutes(1);

  private final String source;
  private final Clock clock;
  private final Deque<long[]> recent = new ArrayDeque<>();
  private SourceStatus.State state = SourceStatus.State.STARTING;
  private Instant lastSuccess;
  private String lastError;
  private Instant nextAttempt;
  private long errors;

  /** Creates a tracker for one source. */
  public StatusTracker(String source, Clock clock) {
    this.source = Objects.requireNonNull(source, "source");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Records an acknowledged capture that held {@code posts} posts. */
  public synchronized void success(int posts) {
    Instant now = clock.instant();
    lastSuccess = now;
    state = SourceStatus.State.RUNNING;
    recent.addLast(new long[] {now.toEpochMilli(), posts});
    trim(now);
  }

  /** Records a failure with its cause code; the source backs off. */
  public synchronized void error(String code, String message) {
    errors++;
    lastError = code + ": " + message;
    state = SourceStatus.State.BACKING_OFF;
  }

  /** Records when the next request is due. */
  public synchronized void scheduled(Instant at) {
    nextAttempt = at;
  }

  /** Marks the source stopped. */
  public synchronized void stopped() {
    state = SourceStatus.State.STOPPED;
    nextAttempt = null;
  }

  /** The current status. */
  public synchronized SourceStatus snapshot() {
    Instant now = clock.instant();
    trim(now);
    long posts = recent.stream().mapToLong(e -> e[1]).sum();
    long lag =
        lastSuccess == null ? 0 : Math.max(0, Duration.between(lastSuccess, now).toSeconds());
    return new SourceStatus(source, state, lastSuccess, lag, posts, lastError, nextAttempt, errors);
  }

  private void trim(Instant now) {
    long cutoff = now.minus(WINDOW).toEpochMilli();
    while (!recent.isEmpty() && recent.peekFirst()[0] < cutoff) {
      recent.removeFirst();
    }
  }
}
