package org.tocsin.crawler.source.bluesky;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.tocsin.core.evidence.Capture;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.crawler.outbound.OutboundGuard;
import org.tocsin.crawler.parse.bluesky.JetstreamEventParser;
import org.tocsin.crawler.politeness.Backoff;
import org.tocsin.crawler.source.CaptureSink;
import org.tocsin.crawler.source.CursorStore;
import org.tocsin.crawler.source.SourceConnector;
import org.tocsin.crawler.source.SourceStatus;
import org.tocsin.crawler.source.StatusTracker;

/**
 * Follows a Bluesky Jetstream: every event becomes one capture ({@value
 * JetstreamEventParser#FORMAT}) handed to the sink. The cursor ({@code time_us} of the acknowledged
 * prefix) is saved every {@code cursorSaveIntervalMillis}, only ever past acknowledged events. A
 * drop, an idle socket or a sink failure closes the socket; once every event in flight is answered
 * it reconnects with backoff and jitter from the cursor rewound by {@code rewindMillis}, dropping
 * events it already stored ({@link AckWindow}). The socket is paused while {@code maxInFlight}
 * events await the sink. Never blocks the event loop.
 */
public final class JetstreamVerticle extends VerticleBase implements SourceConnector {

  private final JetstreamConfig cfg;
  private final CaptureSink sink;
  private final CursorStore cursors;
  private final Clock clock;
  private final Backoff backoff;
  private final StatusTracker status;
  private final JetstreamEventParser parser = new JetstreamEventParser();
  private final AckWindow window;
  private WebSocketClient client;
  private WebSocket socket;
  private String socketUrl;
  private Map<String, String> handshake = Map.of();
  private int generation;
  private int failures;
  private boolean reconnecting;
  private boolean connectScheduled;
  private boolean paused;
  private boolean saving;
  private long savedTimeUs = -1;
  private volatile long duplicates;
  private long saveTimer = -1;
  private long connectTimer = -1;
  private Future<Void> lastSave = Future.succeededFuture();
  private Promise<Void> drained;
  private volatile boolean stopped;
  private final OutboundGuard outbound;

  /**
   * Creates the connector, which may contact public addresses only; {@code random} seeds the
   * reconnect jitter.
   */
  public JetstreamVerticle(
      JetstreamConfig cfg, CaptureSink sink, CursorStore cursors, Random random, Clock clock) {
    this(cfg, sink, cursors, random, clock, OutboundGuard.denyPrivate());
  }

  /**
   * Creates the connector; every connection goes to an address {@code outbound} checked. {@code
   * random} seeds the reconnect jitter.
   */
  public JetstreamVerticle(
      JetstreamConfig cfg,
      CaptureSink sink,
      CursorStore cursors,
      Random random,
      Clock clock,
      OutboundGuard outbound) {
    this.outbound = Objects.requireNonNull(outbound, "outbound");
    this.cfg = Objects.requireNonNull(cfg, "cfg");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.cursors = Objects.requireNonNull(cursors, "cursors");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.backoff = new Backoff(cfg.backoffBaseMillis(), cfg.backoffMaxMillis(), random);
    this.status = new StatusTracker(cfg.source(), clock);
    this.window = new AckWindow(cfg.rewindMillis());
  }

  @Override
  public String name() {
    return cfg.source();
  }

  @Override
  public SourceStatus status() {
    return status.snapshot();
  }

  /** How many replayed events were dropped as already stored (read on the event loop). */
  public long duplicatesDropped() {
    return duplicates;
  }

  @Override
  public Future<?> start() {
    client =
        vertx.createWebSocketClient(
            new WebSocketClientOptions()
                .setConnectTimeout(cfg.fetch().connectTimeoutMillis())
                .setIdleTimeout(cfg.idleTimeoutSeconds())
                .setMaxMessageSize(cfg.maxMessageBytes())
                .setMaxFrameSize(Math.min(cfg.maxMessageBytes(), 1 << 16)));
    return cursors
        .load(cfg.source())
        .compose(
            c -> {
              try {
                window.load(c);
              } catch (ClassCastException | NumberFormatException e) {
                return Future.failedFuture(
                    new IllegalStateException(
                        "jetstream cursor of '" + cfg.source() + "' is unreadable [got " + c + "]",
                        e));
              }
              savedTimeUs = window.ackedTimeUs();
              saveTimer = vertx.setPeriodic(cfg.cursorSaveIntervalMillis(), id -> saveCursor());
              connect();
              return Future.succeededFuture();
            });
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    vertx.cancelTimer(saveTimer);
    vertx.cancelTimer(connectTimer);
    status.stopped();
    generation++;
    Future<Void> close = socket == null ? Future.succeededFuture() : socket.close();
    // Wait for the sink's answers to events in flight and for a save under way, then save once
    // more, so that a graceful stop leaves the cursor on everything acknowledged.
    return close
        .otherwiseEmpty()
        .compose(v -> drain())
        .compose(v -> lastSave.otherwiseEmpty())
        .compose(v -> saveNow())
        .otherwiseEmpty()
        .compose(v -> client.close());
  }

  private Future<Void> drain() {
    if (window.inFlight() == 0) {
      return Future.succeededFuture();
    }
    drained = Promise.promise();
    return drained.future();
  }

  private void connect() {
    if (stopped) {
      return;
    }
    int gen = ++generation;
    String url = url(window.resumeFrom());
    WebSocketConnectOptions o =
        new WebSocketConnectOptions()
            .setAbsoluteURI(url)
            .putHeader("User-Agent", cfg.fetch().userAgent());
    outbound
        .pin(vertx, url, OutboundGuard.HTTP_AND_WS)
        .compose(pinned -> client.connect(o.setServer(pinned.server())))
        .onSuccess(ws -> attach(ws, url, gen))
        .onFailure(e -> failed("ws_connect", e.getMessage() + " [got " + url + "]"));
  }

  private void attach(WebSocket ws, String url, int gen) {
    if (stopped || gen != generation) {
      ws.close();
      return;
    }
    socket = ws;
    socketUrl = url;
    Map<String, String> h = new LinkedHashMap<>();
    ws.headers().forEach(e -> h.merge(e.getKey(), e.getValue(), (a, b) -> a + ", " + b));
    handshake = h;
    paused = false;
    ws.textMessageHandler(text -> onEvent(text, gen));
    ws.exceptionHandler(e -> status.error("ws_error", e.getMessage() + " [got " + url + "]"));
    ws.closeHandler(
        v -> {
          if (gen == generation && !reconnecting && !stopped) {
            failed("ws_closed", "closed with code " + ws.closeStatusCode() + " [got " + url + "]");
          }
        });
  }

  private void onEvent(String text, int gen) {
    if (gen != generation || reconnecting) {
      return;
    }
    Instant at = clock.instant();
    String key = null;
    long timeUs = -1;
    try {
      JsonObject e = new JsonObject(text);
      key = AckWindow.key(e);
      timeUs = key == null ? -1 : e.getLong("time_us");
    } catch (DecodeException | ClassCastException e) {
      status.error("parse_error", "event is not a Jetstream JSON object: " + e.getMessage());
    }
    if (key != null && window.isDuplicate(key)) {
      duplicates++;
      return;
    }
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    Capture c =
        new Capture(
            cfg.source(),
            JetstreamEventParser.FORMAT,
            "GET",
            socketUrl,
            101,
            handshake,
            "application/json",
            at,
            at,
            body);
    // An event without identity is still evidence; it takes part in neither cursor nor dedup.
    AckWindow.Entry entry = window.add(key == null ? "?" + at + text.hashCode() : key, timeUs);
    if (window.inFlight() >= cfg.maxInFlight() && !paused) {
      paused = true;
      socket.pause();
    }
    sink.store(c).onComplete(ar -> settled(entry, c, ar, gen));
  }

  private void settled(AckWindow.Entry entry, Capture c, AsyncResult<?> ar, int gen) {
    window.settle(entry, ar.succeeded());
    if (ar.succeeded()) {
      failures = 0;
      try {
        status.success(parser.parse(c).size());
      } catch (PostFormatException e) {
        status.success(0);
        status.error("parse_error", e.getMessage());
      }
    } else if (gen == generation && !reconnecting) {
      failed("sink_failed", String.valueOf(ar.cause()));
    }
    if (paused && gen == generation && window.inFlight() <= cfg.maxInFlight() / 2) {
      paused = false;
      socket.resume();
    }
    if (window.inFlight() == 0 && drained != null) {
      drained.tryComplete();
    }
    if (reconnecting && !stopped && window.inFlight() == 0) {
      scheduleReconnect();
    }
  }

  /** Drops the socket; reconnects once every event in flight was answered. */
  private void failed(String code, String message) {
    status.error(code, message);
    if (stopped || reconnecting) {
      return;
    }
    reconnecting = true;
    generation++;
    if (socket != null) {
      socket.close();
      socket = null;
    }
    if (window.inFlight() == 0) {
      scheduleReconnect();
    }
  }

  private void scheduleReconnect() {
    if (connectScheduled) {
      return;
    }
    connectScheduled = true;
    window.reset();
    long delay = backoff.delayMillis(failures++);
    status.scheduled(clock.instant().plusMillis(delay));
    connectTimer =
        vertx.setTimer(
            delay,
            id -> {
              connectScheduled = false;
              reconnecting = false;
              connect();
            });
  }

  private void saveCursor() {
    if (!saving && window.ackedTimeUs() > savedTimeUs) {
      saving = true;
      lastSave = saveNow().onComplete(ar -> saving = false);
    }
  }

  private Future<Void> saveNow() {
    long at = window.ackedTimeUs();
    if (at <= savedTimeUs) {
      return Future.succeededFuture();
    }
    return cursors
        .save(cfg.source(), window.toJson())
        .onSuccess(v -> savedTimeUs = Math.max(savedTimeUs, at))
        .onFailure(e -> status.error("cursor_save_failed", String.valueOf(e)));
  }

  private String url(long cursor) {
    StringBuilder b = new StringBuilder(cfg.url());
    char sep = '?';
    for (String c : cfg.wantedCollections()) {
      b.append(sep).append("wantedCollections=").append(enc(c));
      sep = '&';
    }
    for (String d : cfg.wantedDids()) {
      b.append(sep).append("wantedDids=").append(enc(d));
      sep = '&';
    }
    if (cursor >= 0) {
      b.append(sep).append("cursor=").append(cursor);
    }
    return b.toString();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
