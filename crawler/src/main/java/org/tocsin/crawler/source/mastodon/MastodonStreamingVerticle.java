package org.tocsin.crawler.source.mastodon;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.tocsin.core.evidence.Capture;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.crawler.fetch.FetchException;
import org.tocsin.crawler.fetch.HttpFetcher;
import org.tocsin.crawler.outbound.OutboundGuard;
import org.tocsin.crawler.parse.mastodon.MastodonStatusParser;
import org.tocsin.crawler.politeness.Backoff;
import org.tocsin.crawler.politeness.Politeness;
import org.tocsin.crawler.source.CaptureSink;
import org.tocsin.crawler.source.CursorStore;
import org.tocsin.crawler.source.SourceConnector;
import org.tocsin.crawler.source.SourceStatus;
import org.tocsin.crawler.source.StatusTracker;
import org.tocsin.crawler.source.internal.StepFailure;

/**
 * Follows a Mastodon streaming timeline over server-sent events: every {@code update}, {@code
 * status.update} (edit) and {@code delete} event becomes one capture ({@value
 * MastodonStatusParser#FORMAT}, the event's exact bytes) handed to the sink; other events
 * (notifications, filters, announcements) are not posts and are skipped.
 *
 * <p>Events go to the sink one at a time, in arrival order, so the newest status id acknowledged
 * covers everything before it; that id is the cursor, saved every {@code cursorSaveIntervalMillis}
 * and on stop. A drop (end of stream, error, idle timeout, oversized event, sink failure) closes
 * the connection and reconnects with backoff and jitter; once the new stream answers, a gap fill
 * reads the REST timeline with {@code min_id} = the newest id acknowledged, page after page until
 * an empty page, before any event of the new stream is handled. A start from a saved cursor fills
 * the gap the same way. Statuses are de-duplicated by id and edit time over the last {@value
 * #SEEN_KEYS} keys, so a status that the gap fill brought is not stored again from the stream,
 * while an edit is a new version. The stream is paused while {@code maxQueued} events wait.
 *
 * <p>Limits: a fresh source (no cursor) starts at "now"; a delete event lost to a sink failure is
 * not recovered (deleted statuses are not in the timeline); a remote status whose id is older than
 * the cursor when it arrives during a drop is missed, as with any {@code min_id} walk. Never blocks
 * the event loop.
 */
public final class MastodonStreamingVerticle extends VerticleBase implements SourceConnector {

  /** How many status and delete keys are remembered for de-duplication. */
  static final int SEEN_KEYS = 65_536;

  private final MastodonStreamConfig cfg;
  private final CaptureSink sink;
  private final Politeness shared;
  private final CursorStore cursors;
  private final Clock clock;
  private final Backoff backoff;
  private final StatusTracker status;
  private final MastodonStatusParser parser = new MastodonStatusParser();
  private final Deque<Object> queue = new ArrayDeque<>();
  private final Map<String, Boolean> seen =
      new LinkedHashMap<>(1024, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > SEEN_KEYS;
        }
      };
  private Politeness politeness;
  private HttpFetcher fetcher;
  private HttpClientAgent client;
  private HttpClientResponse stream;
  private String host;
  private int generation;
  private int failures;
  private boolean busy;
  private boolean paused;
  private boolean gapPending;
  private boolean reconnectScheduled;
  private boolean saving;
  private String newest;
  private String savedNewest;
  private long saveTimer = -1;
  private long reconnectTimer = -1;
  private Future<Void> current = Future.succeededFuture();
  private volatile long duplicates;
  private volatile long connections;
  private volatile boolean stopped;

  /** A gap fill waiting in the queue. */
  private static final Object GAP_FILL = new Object();

  /** A stream event waiting in the queue; {@code key} is null for events without a status id. */
  private record Event(
      String name,
      String key,
      String statusId,
      byte[] raw,
      String url,
      Map<String, String> headers,
      Instant at) {}

  /**
   * Creates the connector.
   *
   * @param politeness the node's shared host queues
   * @param random seeds the reconnect jitter
   */
  public MastodonStreamingVerticle(
      MastodonStreamConfig cfg,
      CaptureSink sink,
      CursorStore cursors,
      Politeness politeness,
      Random random,
      Clock clock) {
    this.cfg = Objects.requireNonNull(cfg, "cfg");
    this.shared = Objects.requireNonNull(politeness, "politeness");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.cursors = Objects.requireNonNull(cursors, "cursors");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.backoff =
        new Backoff(
            cfg.backoffBaseMillis(),
            cfg.backoffMaxMillis(),
            Objects.requireNonNull(random, "random"));
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

  /** How many stream events were dropped as already stored; safe to call from any thread. */
  public long duplicatesDropped() {
    return duplicates;
  }

  /** How many stream connections were opened so far; safe to call from any thread. */
  public long connections() {
    return connections;
  }

  @Override
  public Future<?> start() {
    String h = URI.create(cfg.baseUrl()).getHost();
    host = h == null ? "" : h.toLowerCase(Locale.ROOT);
    politeness = shared.pace(cfg.intervalMillis(), Duration.ofMillis(cfg.maxPauseMillis()));
    fetcher = new HttpFetcher(vertx, cfg.fetch(), politeness, clock);
    client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setConnectTimeout(cfg.fetch().connectTimeoutMillis())
                .setDecompressionSupported(false));
    return cursors
        .load(cfg.source())
        .compose(
            c -> {
              Object n = c.getValue("newest");
              if (n != null && !(n instanceof String s && s.matches("[0-9A-Za-z]{1,64}"))) {
                return Future.failedFuture(
                    new IllegalStateException(
                        "mastodon-stream cursor of '"
                            + cfg.source()
                            + "' is unreadable [got "
                            + c
                            + "]"));
              }
              newest = (String) n;
              savedNewest = newest;
              gapPending = newest != null;
              saveTimer = vertx.setPeriodic(cfg.cursorSaveIntervalMillis(), id -> saveCursor());
              connect();
              return Future.succeededFuture();
            });
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    vertx.cancelTimer(saveTimer);
    vertx.cancelTimer(reconnectTimer);
    status.stopped();
    generation++;
    closeStream();
    queue.clear();
    return current
        .otherwiseEmpty()
        .compose(v -> saveNow())
        .otherwiseEmpty()
        .compose(v -> fetcher.close())
        .compose(v -> client.close());
  }

  private void connect() {
    if (stopped) {
      return;
    }
    int gen = ++generation;
    String url = cfg.baseUrl() + cfg.stream();
    RequestOptions o =
        new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setAbsoluteURI(url)
            .putHeader("User-Agent", cfg.fetch().userAgent())
            .putHeader("Accept", "text/event-stream");
    if (cfg.idleTimeoutSeconds() > 0) {
      o.setIdleTimeout(cfg.idleTimeoutSeconds() * 1000L);
    }
    politeness
        .queue(host)
        .acquire(vertx)
        .compose(v -> politeness.outbound().pin(vertx, url, OutboundGuard.HTTP))
        .compose(pinned -> client.request(o.setServer(pinned.server())))
        .compose(req -> req.send())
        .onSuccess(resp -> attach(resp, url, gen))
        .onFailure(
            e -> dropped(gen, "stream_connect", e.getMessage() + " [got " + url + "]", null));
  }

  private void attach(HttpClientResponse resp, String url, int gen) {
    if (stopped || gen != generation) {
      resp.request().reset();
      return;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    resp.headers().forEach(e -> headers.merge(e.getKey(), e.getValue(), (a, b) -> a + ", " + b));
    int code = resp.statusCode();
    Instant next = politeness.onResponse(host, code, headers);
    if (code != 200) {
      resp.request().reset();
      String cause = code == 429 ? "http_429" : code >= 500 ? "http_5xx" : "http_4xx";
      dropped(gen, cause, "status " + code + " [got " + url + "]", next);
      return;
    }
    stream = resp;
    paused = false;
    connections++;
    if (gapPending && newest != null) {
      gapPending = false;
      queue.add(GAP_FILL);
    }
    SseFramer framer = new SseFramer(cfg.maxEventBytes());
    resp.handler(
        chunk -> {
          if (gen != generation) {
            return;
          }
          List<SseFramer.Frame> frames;
          try {
            frames = framer.feed(chunk);
          } catch (IllegalStateException e) {
            dropped(gen, "event_too_large", e.getMessage() + " [got " + url + "]", null);
            return;
          }
          for (SseFramer.Frame f : frames) {
            enqueue(f, url, headers);
          }
          pump();
        });
    resp.exceptionHandler(
        e -> dropped(gen, "stream_error", e.getMessage() + " [got " + url + "]", null));
    resp.endHandler(v -> dropped(gen, "stream_closed", "the server ended the stream", null));
    pump();
  }

  private void enqueue(SseFramer.Frame f, String url, Map<String, String> headers) {
    String key = null;
    String id = null;
    switch (f.name()) {
      case "update", "status.update" -> {
        try {
          JsonObject s = new JsonObject(f.data());
          id = s.getString("id");
          key = id == null ? null : statusKey(id, s.getString("edited_at"));
        } catch (DecodeException | ClassCastException e) {
          status.error("parse_error", "event data is not a status: " + e.getMessage());
        }
      }
      case "delete" -> key = "delete:" + f.data().strip();
      default -> {
        return; // not a post: notifications, filters_changed, announcements...
      }
    }
    queue.add(new Event(f.name(), key, id, f.raw(), url, headers, clock.instant()));
    if (queue.size() >= cfg.maxQueued() && !paused && stream != null) {
      paused = true;
      stream.pause();
    }
  }

  /** Runs the next queued item unless one is running. */
  private void pump() {
    if (busy || stopped || queue.isEmpty()) {
      return;
    }
    Object item = queue.poll();
    if (paused && stream != null && queue.size() <= cfg.maxQueued() / 2) {
      paused = false;
      stream.resume();
    }
    busy = true;
    current = item == GAP_FILL ? fillGap(0) : store((Event) item);
    current.onComplete(
        ar -> {
          busy = false;
          if (ar.succeeded()) {
            failures = 0;
            pump();
          } else {
            failedItem(ar.cause());
          }
        });
  }

  private Future<Void> store(Event e) {
    if (e.key() != null && seen.containsKey(e.key())) {
      duplicates++;
      return Future.succeededFuture();
    }
    Capture c =
        new Capture(
            cfg.source(),
            MastodonStatusParser.FORMAT,
            "GET",
            e.url(),
            200,
            e.headers(),
            "text/event-stream",
            e.at(),
            e.at(),
            e.raw());
    return sink.store(c)
        .recover(x -> Future.failedFuture(new StepFailure("sink_failed", x)))
        .map(
            ref -> {
              if (e.key() != null) {
                seen.put(e.key(), Boolean.TRUE);
              }
              if (e.name().equals("update") && e.statusId() != null) {
                newest = MastodonTimelineVerticle.maxId(newest, e.statusId());
              }
              countPosts(c);
              return null;
            });
  }

  /** Reads the timeline from the newest acknowledged id up, until a page comes back empty. */
  private Future<Void> fillGap(int page) {
    if (stopped) {
      return Future.succeededFuture();
    }
    if (page >= cfg.maxGapPages()) {
      status.error(
          "gap_truncated", "gap fill stopped after " + page + " pages [got min_id " + newest + "]");
      return Future.succeededFuture();
    }
    String sep = cfg.timeline().contains("?") ? "&" : "?";
    String url =
        cfg.baseUrl() + cfg.timeline() + sep + "limit=" + cfg.limit() + "&min_id=" + newest;
    return fetcher
        .get(cfg.source(), MastodonStatusParser.FORMAT, url, Map.of("Accept", "application/json"))
        .compose(
            c ->
                sink.store(c)
                    .recover(x -> Future.failedFuture(new StepFailure("sink_failed", x)))
                    .map(ref -> c))
        .compose(
            c -> {
              JsonArray statuses;
              try {
                statuses = new JsonArray(Buffer.buffer(c.body()));
              } catch (DecodeException e) {
                return Future.failedFuture(new StepFailure("parse_error", e));
              }
              countPosts(c);
              String top = null;
              for (Object o : statuses) {
                if (o instanceof JsonObject s && s.getValue("id") instanceof String id) {
                  seen.put(statusKey(id, s.getValue("edited_at")), Boolean.TRUE);
                  top = MastodonTimelineVerticle.maxId(top, id);
                }
              }
              // Done on an empty page, or if the server ignored min_id (nothing newer came back).
              if (top == null || MastodonTimelineVerticle.maxId(newest, top).equals(newest)) {
                return Future.succeededFuture();
              }
              newest = top;
              return fillGap(page + 1);
            });
  }

  private void countPosts(Capture c) {
    try {
      status.success(parser.parse(c).size());
    } catch (PostFormatException e) {
      status.success(0);
      status.error("parse_error", e.getMessage());
    }
  }

  /** A sink, gap-fill or parse failure: drop the stream, reconnect and fill the gap. */
  private void failedItem(Throwable e) {
    queue.clear();
    if (e instanceof FetchException f) {
      dropped(generation, f.code(), f.getMessage(), f.retryAt());
    } else if (e instanceof StepFailure s) {
      dropped(generation, s.code(), s.getMessage(), null);
    } else {
      dropped(generation, "internal", String.valueOf(e), null);
    }
  }

  /** Closes the connection of generation {@code gen} and schedules a reconnect with backoff. */
  private void dropped(int gen, String code, String message, Instant retryAt) {
    if (gen != generation || stopped) {
      return;
    }
    status.error(code, message);
    generation++;
    closeStream();
    gapPending = newest != null;
    if (reconnectScheduled) {
      return;
    }
    reconnectScheduled = true;
    long delay = backoff.delayMillis(failures++);
    if (retryAt != null) {
      delay = Math.max(delay, Duration.between(clock.instant(), retryAt).toMillis());
    }
    delay = Math.min(delay, Math.max(cfg.backoffMaxMillis(), cfg.maxPauseMillis()));
    status.scheduled(clock.instant().plusMillis(delay));
    reconnectTimer =
        vertx.setTimer(
            Math.max(1, delay),
            id -> {
              reconnectScheduled = false;
              connect();
            });
  }

  private void closeStream() {
    HttpClientResponse s = stream;
    stream = null;
    paused = false;
    if (s != null) {
      s.handler(null);
      s.request().reset();
    }
  }

  private void saveCursor() {
    if (!saving && newest != null && !newest.equals(savedNewest)) {
      saving = true;
      saveNow().onComplete(ar -> saving = false);
    }
  }

  private Future<Void> saveNow() {
    String at = newest;
    if (at == null || at.equals(savedNewest)) {
      return Future.succeededFuture();
    }
    return cursors
        .save(cfg.source(), new JsonObject().put("newest", at))
        .onSuccess(v -> savedNewest = at)
        .onFailure(e -> status.error("cursor_save_failed", String.valueOf(e)));
  }

  private static String statusKey(String id, Object editedAt) {
    return "status:" + id + "@" + (editedAt instanceof String s ? s : "");
  }
}
