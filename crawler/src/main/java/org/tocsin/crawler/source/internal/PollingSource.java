package org.tocsin.crawler.source.internal;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.tocsin.core.evidence.Capture;
import org.tocsin.core.evidence.CaptureParser;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.post.Post;
import org.tocsin.crawler.fetch.FetchException;
import org.tocsin.crawler.politeness.Backoff;
import org.tocsin.crawler.source.CaptureSink;
import org.tocsin.crawler.source.CursorStore;
import org.tocsin.crawler.source.Pacing;
import org.tocsin.crawler.source.SourceConnector;
import org.tocsin.crawler.source.SourceStatus;
import org.tocsin.crawler.source.StatusTracker;

/**
 * The loop every polling connector runs: load the cursor, then {@link #poll()} again and again on
 * the verticle's event loop. A poll stores its captures in the sink, parses them only once
 * acknowledged, saves the moved cursor and says how long to wait; a failed poll is counted in the
 * status with its cause code and retried with exponential backoff and jitter (longer if the server
 * said so), capped by the pacing. The loop never dies and never blocks.
 */
public abstract class PollingSource extends VerticleBase implements SourceConnector {

  private final String name;
  private final Pacing pacing;
  private final CaptureSink sink;
  private final CursorStore cursors;
  private final Backoff backoff;
  private final StatusTracker status;

  /** The clock, for request times and schedules. */
  protected final Clock clock;

  private JsonObject cursor;
  private int failures;
  private long timer = -1;
  private Future<Long> current = Future.succeededFuture(0L);
  private volatile boolean stopped;

  /** Creates the loop; {@code random} seeds the backoff jitter. */
  protected PollingSource(
      String name,
      Pacing pacing,
      CaptureSink sink,
      CursorStore cursors,
      Random random,
      Clock clock) {
    this.name = Objects.requireNonNull(name, "name");
    this.pacing = Objects.requireNonNull(pacing, "pacing");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.cursors = Objects.requireNonNull(cursors, "cursors");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.backoff = new Backoff(pacing.backoffBaseMillis(), pacing.backoffMaxMillis(), random);
    this.status = new StatusTracker(name, clock);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final SourceStatus status() {
    return status.snapshot();
  }

  @Override
  public final Future<?> start() {
    return open()
        .compose(v -> cursors.load(name))
        .onSuccess(
            c -> {
              cursor = c;
              schedule(0);
            });
  }

  /** Stops after the step in flight (if any) finished, so that what it stored is in the cursor. */
  @Override
  public final Future<?> stop() {
    stopped = true;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    stopping();
    return current
        .otherwiseEmpty()
        .compose(
            v -> {
              status.stopped();
              return close();
            });
  }

  /** Prepares the connector's resources (HTTP client) once {@code vertx} is set. */
  protected abstract Future<Void> open();

  /**
   * Called when the source is asked to stop, before waiting for the step in flight: ends waits that
   * could hold the stop for long (a host paused by a server). Does nothing by default.
   */
  protected void stopping() {}

  /** Releases what {@link #open()} made. */
  protected abstract Future<Void> close();

  /**
   * One step: fetch, {@link #store}, {@link #parse}, {@link #save}. Returns the delay before the
   * next step in milliseconds (0 to go on at once), or fails with a {@link FetchException} or a
   * {@link StepFailure} carrying a cause code.
   */
  protected abstract Future<Long> poll();

  /** The pacing of this source. */
  protected final Pacing pacing() {
    return pacing;
  }

  /** The last saved cursor (an empty object before the first save). */
  protected final JsonObject cursor() {
    return cursor;
  }

  /** The tracker the status is read from, for connector-specific errors. */
  protected final StatusTracker tracker() {
    return status;
  }

  /** Hands a capture to the sink; fails with {@code sink_failed} if it was not acknowledged. */
  protected final Future<Capture> store(Capture c) {
    return sink.store(c)
        .recover(e -> Future.failedFuture(new StepFailure("sink_failed", e)))
        .map(c);
  }

  /** Parses an acknowledged capture and counts its posts as a success. */
  protected final List<Post> parse(CaptureParser parser, Capture c) throws StepFailure {
    try {
      List<Post> posts = parser.parse(c);
      status.success(posts.size());
      return posts;
    } catch (PostFormatException e) {
      throw new StepFailure("parse_error", e);
    }
  }

  /** Counts an acknowledged step that brought no posts (304, an empty page). */
  protected final void nothingNew() {
    status.success(0);
  }

  /** Saves a moved cursor; the next {@link #cursor()} is {@code next} once this succeeded. */
  protected final Future<Void> save(JsonObject next) {
    return cursors
        .save(name, next)
        .recover(e -> Future.failedFuture(new StepFailure("cursor_save_failed", e)))
        .onSuccess(v -> cursor = next);
  }

  /** A response header by case-insensitive name, or {@code null}. */
  protected static String header(Capture c, String name) {
    for (Map.Entry<String, String> e : c.headers().entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  private void schedule(long delayMillis) {
    if (stopped) {
      return;
    }
    status.scheduled(clock.instant().plusMillis(delayMillis));
    if (delayMillis <= 0) {
      vertx.runOnContext(v -> step());
    } else {
      timer = vertx.setTimer(delayMillis, id -> step());
    }
  }

  private void step() {
    if (stopped) {
      return;
    }
    Future<Long> f;
    try {
      f = poll();
    } catch (RuntimeException e) {
      f = Future.failedFuture(e);
    }
    current = f;
    f.onSuccess(
            delay -> {
              failures = 0;
              schedule(delay);
            })
        .onFailure(this::failed);
  }

  private void failed(Throwable e) {
    long delay = backoff.delayMillis(failures++);
    if (e instanceof FetchException f) {
      status.error(f.code(), f.getMessage());
      if (f.retryAt() != null) {
        delay = Math.max(delay, Duration.between(clock.instant(), f.retryAt()).toMillis());
      }
    } else if (e instanceof StepFailure s) {
      status.error(s.code(), s.getMessage());
      delay = Math.max(delay, s.retryAfterMillis());
    } else {
      status.error("internal", String.valueOf(e));
    }
    schedule(Math.min(delay, pacing.maxDelayMillis()));
  }
}
