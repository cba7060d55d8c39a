package org.tocsin.testkit.fake;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tocsin.testkit.fixtures.Recording;

/**
 * A fake platform on {@code 127.0.0.1}, port 0: replays recorded responses (status, headers and
 * body bytes) by path and query, with the recorded origin in header values (Link pagination)
 * rewritten to this server, and injects one-shot {@link Fault}s queued per path. A recording with
 * an {@code ETag} or {@code Last-Modified} answers a matching conditional GET with 304.
 *
 * <p>Besides plain HTTP it serves Jetstream WebSocket replays ({@link #webSocket}) and recorded
 * server-sent event streams ({@link #sse}).
 *
 * <p>Routes, faults and the request log may be changed from any thread; requests are answered on
 * the server's event loop.
 */
public final class FakePlatform {

  /** The key of faults that apply to any path. */
  public static final String ANY = "*";

  private final Vertx vertx;
  private final Map<String, Recording> routes = new ConcurrentHashMap<>();
  private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final List<Map<String, String>> requestHeaders = new CopyOnWriteArrayList<>();
  private final List<Waiter> waiters = new CopyOnWriteArrayList<>();
  private final Map<String, JetstreamReplay> webSockets = new ConcurrentHashMap<>();
  private final Map<String, SseStream> sseStreams = new ConcurrentHashMap<>();
  private final Map<String, Deque<SseStream>> sseOnce = new ConcurrentHashMap<>();
  private volatile Recording fallback =
      new Recording(
          "GET",
          "/",
          404,
          Map.of("content-type", "application/json"),
          "{\"error\":\"Record not found\"}".getBytes(StandardCharsets.UTF_8));
  private HttpServer server;

  private record Waiter(String pathAndQuery, int times, Promise<Void> promise) {}

  private record SseStream(Recording recording, boolean keepOpen) {}

  private FakePlatform(Vertx vertx) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
  }

  /** Creates a fake platform (not yet listening) on the given Vert.x instance. */
  public static FakePlatform create(Vertx vertx) {
    return new FakePlatform(vertx);
  }

  /** Replays a recording at the path and query of its recorded URI. */
  public FakePlatform replay(Recording r) {
    routes.put(pathAndQuery(r.uri()), r);
    return this;
  }

  /**
   * Serves a Jetstream replay as a WebSocket at {@code path} (for example {@code /subscribe}); the
   * query is the replay's to read (cursor, filters).
   */
  public FakePlatform webSocket(String path, JetstreamReplay replay) {
    webSockets.put(path, Objects.requireNonNull(replay, "replay"));
    return this;
  }

  /**
   * Serves a recorded {@code text/event-stream} body (Mastodon streaming) at the path of its
   * recorded URI, any query: the recorded headers, then the body one event ({@code \n\n}-ended
   * block) per chunk. With {@code keepOpen} the response never ends, like a live stream; without,
   * it ends after the last event, like a dropped stream.
   */
  public FakePlatform sse(Recording r, boolean keepOpen) {
    sseStreams.put(URI.create(r.uri()).getRawPath(), new SseStream(r, keepOpen));
    return this;
  }

  /**
   * Queues a recorded event stream for the next request to the path of its recorded URI only: one
   * connection gets it, then the next queued one, then the standing {@link #sse} stream. With
   * {@code keepOpen} false the response ends after the last event, a stream dropped mid-way.
   */
  public FakePlatform sseOnce(Recording r, boolean keepOpen) {
    Deque<SseStream> q =
        sseOnce.computeIfAbsent(URI.create(r.uri()).getRawPath(), k -> new ArrayDeque<>());
    synchronized (q) {
      q.add(new SseStream(r, keepOpen));
    }
    return this;
  }

  /** Answers unmatched requests with this recording instead of a 404. */
  public FakePlatform fallback(int status, Map<String, String> headers, byte[] body) {
    fallback = new Recording("GET", "/", status, headers, body);
    return this;
  }

  /** Queues a one-shot fault for a path and query ({@link #ANY} for the next request anywhere). */
  public FakePlatform fault(String pathAndQuery, Fault fault) {
    faults.computeIfAbsent(pathAndQuery, k -> new ArrayDeque<>()).add(fault);
    return this;
  }

  /** Starts listening on {@code 127.0.0.1} and an ephemeral port. */
  public Future<FakePlatform> start() {
    server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0));
    return server
        .requestHandler(this::handle)
        .webSocketHandshakeHandler(
            h -> {
              if (webSockets.containsKey(h.path())) {
                h.accept();
              } else {
                h.reject(404);
              }
            })
        .webSocketHandler(ws -> webSockets.get(ws.path()).serve(ws))
        .listen()
        .map(s -> this);
  }

  /** The port the server listens on. */
  public int actualPort() {
    return server.actualPort();
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + actualPort();
  }

  /** The path and query of every request received, in order. */
  public List<String> requests() {
    return List.copyOf(log);
  }

  /** The headers of every request received, in order (names lower-case). */
  public List<Map<String, String>> requestHeaders() {
    return List.copyOf(requestHeaders);
  }

  /** How many requests for this path and query arrived so far. */
  public int count(String pathAndQuery) {
    return (int) log.stream().filter(pathAndQuery::equals).count();
  }

  /** Completes once this path and query has been requested {@code times} times. */
  public Future<Void> requested(String pathAndQuery, int times) {
    Promise<Void> p = Promise.promise();
    waiters.add(new Waiter(pathAndQuery, times, p));
    checkWaiters();
    return p.future();
  }

  /** Stops the server. */
  public Future<Void> close() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  private void handle(HttpServerRequest req) {
    String key = req.uri();
    Map<String, String> h = new LinkedHashMap<>();
    req.headers().forEach(e -> h.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue()));
    requestHeaders.add(h);
    log.add(key);
    checkWaiters();
    Recording r = routes.getOrDefault(key, fallback);
    Fault f = nextFault(key);
    HttpServerResponse res = req.response();
    SseStream sse = f == null ? nextSse(req.path()) : null;
    if (f == null && sse != null) {
      stream(res, sse);
      return;
    }
    if (f == null && notModified(r, h)) {
      res.setStatusCode(304).end();
      return;
    }
    if (f == null) {
      send(res, r, r.body());
      return;
    }
    if (f instanceof Fault.TooManyRequests t) {
      res.setStatusCode(429)
          .putHeader("Retry-After", String.valueOf(t.retryAfterSeconds()))
          .end("{\"error\":\"Too many requests\"}");
    } else if (f instanceof Fault.ServerError s) {
      res.setStatusCode(s.status()).end("{\"error\":\"injected\"}");
    } else if (f instanceof Fault.Slow s) {
      vertx.setTimer(Math.max(1, s.delayMillis()), id -> send(res, r, r.body()));
    } else if (f instanceof Fault.Truncated t) {
      send(res, r, Arrays.copyOf(r.body(), Math.min(t.keepBytes(), r.body().length)));
    } else if (f instanceof Fault.CloseConnection) {
      req.connection().close();
    } else if (f instanceof Fault.Oversized o) {
      oversized(res, o.bytes());
    }
  }

  private void send(HttpServerResponse res, Recording r, byte[] body) {
    if (res.closed()) {
      return;
    }
    res.setStatusCode(r.status());
    String origin = origin(r.uri());
    r.headers()
        .forEach(
            (k, v) -> {
              String name = k.toLowerCase(Locale.ROOT);
              if (!name.equals("content-length")
                  && !name.equals("transfer-encoding")
                  && !name.equals("connection")
                  && !name.equals("content-encoding")) {
                res.putHeader(k, origin == null ? v : v.replace(origin, baseUrl()));
              }
            });
    res.end(Buffer.buffer(body));
  }

  /** Conditional GET as servers do it: a matching ETag or an unchanged Last-Modified is a 304. */
  private static boolean notModified(Recording r, Map<String, String> request) {
    String etag = r.header("etag");
    String lastModified = r.header("last-modified");
    String ifNoneMatch = request.get("if-none-match");
    if (etag != null && ifNoneMatch != null) {
      return ifNoneMatch.equals(etag);
    }
    return lastModified != null && lastModified.equals(request.get("if-modified-since"));
  }

  private void stream(HttpServerResponse res, SseStream sse) {
    res.setChunked(true).setStatusCode(sse.recording().status());
    sse.recording()
        .headers()
        .forEach(
            (k, v) -> {
              String name = k.toLowerCase(Locale.ROOT);
              if (!name.equals("content-length")
                  && !name.equals("transfer-encoding")
                  && !name.equals("connection")) {
                res.putHeader(k, v);
              }
            });
    String body = new String(sse.recording().body(), StandardCharsets.UTF_8);
    int from = 0;
    while (from < body.length()) {
      int end = body.indexOf("\n\n", from);
      int to = end < 0 ? body.length() : end + 2;
      res.write(body.substring(from, to));
      from = to;
    }
    if (!sse.keepOpen()) {
      res.end();
    }
  }

  private void oversized(HttpServerResponse res, int bytes) {
    res.setStatusCode(200).setChunked(true).putHeader("content-type", "application/json");
    byte[] chunk = new byte[64 * 1024];
    Arrays.fill(chunk, (byte) ' ');
    chunk[0] = '[';
    int[] left = {bytes};
    writeChunks(res, chunk, left);
  }

  private void writeChunks(HttpServerResponse res, byte[] chunk, int[] left) {
    while (left[0] > 0 && !res.writeQueueFull() && !res.closed()) {
      int n = Math.min(chunk.length, left[0]);
      left[0] -= n;
      res.write(Buffer.buffer(Arrays.copyOf(chunk, n)));
    }
    if (res.closed()) {
      return;
    }
    if (left[0] > 0) {
      res.drainHandler(v -> writeChunks(res, chunk, left));
    } else {
      res.end();
    }
  }

  private SseStream nextSse(String path) {
    Deque<SseStream> q = sseOnce.get(path);
    if (q != null) {
      synchronized (q) {
        SseStream once = q.poll();
        if (once != null) {
          return once;
        }
      }
    }
    return sseStreams.get(path);
  }

  private Fault nextFault(String key) {
    for (String k : List.of(key, ANY)) {
      Deque<Fault> q = faults.get(k);
      if (q != null) {
        synchronized (q) {
          Fault f = q.poll();
          if (f != null) {
            return f;
          }
        }
      }
    }
    return null;
  }

  private void checkWaiters() {
    for (Waiter w : new ArrayList<>(waiters)) {
      if (count(w.pathAndQuery()) >= w.times()) {
        waiters.remove(w);
        w.promise().tryComplete();
      }
    }
  }

  /** The path and query of an absolute or relative URI. */
  public static String pathAndQuery(String uri) {
    URI u = URI.create(uri);
    String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
    return u.getRawQuery() == null ? path : path + "?" + u.getRawQuery();
  }

  private static String origin(String uri) {
    URI u = URI.create(uri);
    if (u.getScheme() == null || u.getRawAuthority() == null) {
      return null;
    }
    return u.getScheme() + "://" + u.getRawAuthority();
  }
}
