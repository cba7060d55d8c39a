package org.tocsin.crawler.source.mastodon;

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
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.post.Post;
import org.tocsin.crawler.fetch.FetchException;
import org.tocsin.crawler.fetch.HttpFetcher;
import org.tocsin.crawler.parse.mastodon.MastodonStatusParser;
import org.tocsin.crawler.politeness.Backoff;
import org.tocsin.crawler.politeness.Politeness;
import org.tocsin.crawler.source.CaptureSink;
import org.tocsin.crawler.source.CursorStore;
import org.tocsin.crawler.source.SourceConnector;
import org.tocsin.crawler.source.SourceStatus;
import org.tocsin.crawler.source.StatusTracker;

/**
 * Crawls one Mastodon timeline over REST. The first run walks back through {@code max_id} pages
 * (the Link header's "next") up to {@code maxBackfillPages}; after that it polls for new statuses
 * with {@code min_id} = the newest id seen, page after page until caught up.
 *
 * <p>Every response goes to the {@link CaptureSink} first; only when the sink acknowledged it is
 * the page parsed and the cursor ({@code {newest, backfillMaxId, backfillDone}}) saved, so a crash
 * loses nothing acknowledged and repeats at most one page. Fetch, sink and parse failures are
 * counted in the {@link #status()}, retried with exponential backoff and jitter, and never stop the
 * verticle.
 */
public final class MastodonTimelineVerticle extends VerticleBase implements SourceConnector {

  private final MastodonConfig cfg;
  private final CaptureSink sink;
  private final Politeness shared;
  private final CursorStore cursors;
  private final Random random;
  private final Clock clock;
  private final MastodonStatusParser parser = new MastodonStatusParser();
  private final StatusTracker status;
  private HttpFetcher fetcher;
  private Backoff backoff;
  private JsonObject cursor;
  private int failures;
  private int backfillPages;
  private long timer = -1;
  private volatile boolean stopped;

  /**
   * Creates the connector.
   *
   * @param politeness the node's shared host queues
   * @param random seeds the backoff jitter
   */
  public MastodonTimelineVerticle(
      MastodonConfig cfg,
      CaptureSink sink,
      CursorStore cursors,
      Politeness politeness,
      Random random,
      Clock clock) {
    this.cfg = Objects.requireNonNull(cfg, "cfg");
    this.shared = Objects.requireNonNull(politeness, "politeness");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.cursors = Objects.requireNonNull(cursors, "cursors");
    this.random = Objects.requireNonNull(random, "random");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.status = new StatusTracker(cfg.source(), clock);
  }

  @Override
  public String name() {
    return cfg.source();
  }

  /** The source's current status; safe to call from any thread. */
  @Override
  public SourceStatus status() {
    return status.snapshot();
  }

  @Override
  public Future<?> start() {
    Politeness politeness =
        shared.pace(cfg.intervalMillis(), Duration.ofMillis(cfg.maxPauseMillis()));
    fetcher = new HttpFetcher(vertx, cfg.fetch(), politeness, clock);
    backoff = new Backoff(cfg.backoffBaseMillis(), cfg.backoffMaxMillis(), random);
    return cursors
        .load(cfg.source())
        .onSuccess(
            c -> {
              cursor = c;
              schedule(0);
            });
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    status.stopped();
    return fetcher.close();
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
    String url = nextUrl();
    fetcher
        .get(cfg.source(), MastodonStatusParser.FORMAT, url, Map.of("Accept", "application/json"))
        .compose(
            c ->
                sink.store(c)
                    .recover(e -> Future.failedFuture(new StepFailure("sink_failed", e)))
                    .map(ref -> c))
        .compose(this::advance)
        .onSuccess(
            more -> {
              failures = 0;
              schedule(more ? 0 : cfg.pollIntervalMillis());
            })
        .onFailure(this::failed);
  }

  /** Parses an acknowledged page, saves the moved cursor, and says whether to fetch on at once. */
  private Future<Boolean> advance(Capture c) {
    List<Post> posts;
    try {
      posts = parser.parse(c);
    } catch (PostFormatException e) {
      return Future.failedFuture(new StepFailure("parse_error", e));
    }
    status.success(posts.size());
    String link = header(c, "link");
    String newestOnPage =
        posts.stream().map(p -> localId(p.id())).reduce(null, MastodonTimelineVerticle::maxId);
    JsonObject next = cursor.copy();
    next.put("newest", maxId(cursor.getString("newest"), newestOnPage));
    boolean more;
    if (!cursor.getBoolean("backfillDone", false)) {
      backfillPages++;
      String older = LinkHeader.param(link, "next", "max_id");
      boolean done = posts.isEmpty() || older == null || backfillPages >= cfg.maxBackfillPages();
      next.put("backfillDone", done);
      if (done) {
        next.remove("backfillMaxId");
      } else {
        next.put("backfillMaxId", older);
      }
      more = !done;
    } else {
      more = !posts.isEmpty();
    }
    return cursors
        .save(cfg.source(), next)
        .recover(e -> Future.failedFuture(new StepFailure("cursor_save_failed", e)))
        .map(
            v -> {
              cursor = next;
              return more;
            });
  }

  private void failed(Throwable e) {
    long delay = backoff.delayMillis(failures++);
    if (e instanceof FetchException f) {
      status.error(f.code(), f.getMessage());
      if (f.retryAt() != null) {
        delay = Math.max(delay, Duration.between(clock.instant(), f.retryAt()).toMillis());
      }
    } else if (e instanceof StepFailure s) {
      status.error(s.code, String.valueOf(s.getCause()));
    } else {
      status.error("internal", String.valueOf(e));
    }
    schedule(Math.min(delay, Math.max(cfg.backoffMaxMillis(), cfg.maxPauseMillis())));
  }

  private String nextUrl() {
    String base = cfg.baseUrl() + cfg.timeline() + "?limit=" + cfg.limit();
    if (!cursor.getBoolean("backfillDone", false)) {
      String maxId = cursor.getString("backfillMaxId");
      return maxId == null ? base : base + "&max_id=" + maxId;
    }
    String newest = cursor.getString("newest");
    return newest == null ? base : base + "&min_id=" + newest;
  }

  private static String header(Capture c, String name) {
    return c.headers().entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }

  private static String localId(String postId) {
    return postId.substring(postId.lastIndexOf('/') + 1);
  }

  /** The larger of two Mastodon ids (numeric strings: longer is larger, then lexicographic). */
  static String maxId(String a, String b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    int byLength = Integer.compare(a.length(), b.length());
    return (byLength != 0 ? byLength : a.compareTo(b)) >= 0 ? a : b;
  }

  /** A failure of a step after the fetch, with its cause code. */
  private static final class StepFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final String code;

    StepFailure(String code, Throwable cause) {
      super(code, cause, false, false);
      this.code = code;
    }
  }
}
