package org.tocsin.crawler.fetch;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.tocsin.core.evidence.Capture;
import org.tocsin.crawler.outbound.OutboundGuard;
import org.tocsin.crawler.politeness.Politeness;

/**
 * Fetches one URL politely and returns its capture. The host queue grants the slot, the response
 * body is read up to the cap, the whole exchange has a deadline, and the response's rate-limit
 * headers pause the host. A 2xx response becomes a {@link Capture}; anything else fails with a
 * {@link FetchException} carrying a cause code. The host must pass the politeness' {@link
 * OutboundGuard} ({@code outbound_refused} otherwise), and the request goes to the address it
 * checked. Never blocks the event loop.
 */
public final class HttpFetcher {

  private final Vertx vertx;
  private final HttpClientAgent client;
  private final FetchConfig config;
  private final Politeness politeness;
  private final Clock clock;
  private final Set<Promise<Void>> waiting = ConcurrentHashMap.newKeySet();

  /** Creates a fetcher with its own HTTP client. */
  public HttpFetcher(Vertx vertx, FetchConfig config, Politeness politeness, Clock clock) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.config = Objects.requireNonNull(config, "config");
    this.politeness = Objects.requireNonNull(politeness, "politeness");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setConnectTimeout(config.connectTimeoutMillis())
                .setDecompressionSupported(false)
                .setKeepAlive(true));
  }

  /**
   * GETs a URL and captures the response.
   *
   * @param source the configured source name, recorded in the capture
   * @param format the capture format (the parser that will read it)
   * @param url the absolute URL
   * @param headers extra request headers (conditional GET, Accept)
   * @return the capture of a 2xx response, or a failed future with a {@link FetchException}
   */
  public Future<Capture> get(
      String source, String format, String url, Map<String, String> headers) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new FetchException("bad_url", 0, null, "[got " + url + "]", e));
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    Promise<Void> turn = Promise.promise();
    waiting.add(turn);
    politeness.queue(host).acquire(vertx).onComplete(ar -> turn.tryComplete());
    return turn.future()
        .andThen(ar -> waiting.remove(turn))
        .compose(v -> send(source, format, url, host, headers));
  }

  /**
   * Fails every request still waiting for its host's turn (a host paused for an hour by a 429 would
   * otherwise hold a stopping source for that hour) with cause code {@code stopped}.
   */
  public void abortWaits() {
    for (Promise<Void> p : List.copyOf(waiting)) {
      p.tryFail(
          new FetchException(
              "stopped", 0, null, "the source stopped while waiting for its host's turn", null));
    }
  }

  private Future<Capture> send(
      String source, String format, String url, String host, Map<String, String> headers) {
    Instant requestedAt = clock.instant();
    Promise<Capture> result = Promise.promise();
    RequestOptions opts =
        new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setAbsoluteURI(url)
            .setIdleTimeout(config.requestTimeoutMillis())
            .putHeader("User-Agent", config.userAgent());
    headers.forEach(opts::putHeader);
    long timer =
        vertx.setTimer(
            config.requestTimeoutMillis(),
            id ->
                result.tryFail(
                    new FetchException(
                        "timeout",
                        0,
                        null,
                        "no complete response within "
                            + config.requestTimeoutMillis()
                            + " ms [got "
                            + url
                            + "]",
                        null)));
    politeness
        .outbound()
        .pin(vertx, url, OutboundGuard.HTTP)
        .recover(
            e ->
                Future.failedFuture(
                    new FetchException(
                        "outbound_refused", 0, null, e.getMessage() + " [got " + url + "]", e)))
        // connect to the address the guard checked, never to a fresh lookup of the name
        .compose(pinned -> client.request(opts.setServer(pinned.server())))
        .compose(req -> req.send())
        .onFailure(
            e ->
                result.tryFail(
                    e instanceof FetchException f
                        ? f
                        : new FetchException(
                            "io", 0, null, e.getMessage() + " [got " + url + "]", e)))
        .onSuccess(resp -> read(resp, source, format, url, host, requestedAt, result));
    return result.future().onComplete(ar -> vertx.cancelTimer(timer));
  }

  private void read(
      HttpClientResponse resp,
      String source,
      String format,
      String url,
      String host,
      Instant requestedAt,
      Promise<Capture> result) {
    Map<String, String> headers = new LinkedHashMap<>();
    resp.headers().forEach(e -> headers.merge(e.getKey(), e.getValue(), (a, b) -> a + ", " + b));
    int status = resp.statusCode();
    Instant next = politeness.onResponse(host, status, headers);
    Buffer body = Buffer.buffer();
    resp.exceptionHandler(
        e ->
            result.tryFail(
                new FetchException(
                    "io",
                    status,
                    null,
                    "body broken off: " + e.getMessage() + " [got " + url + "]",
                    e)));
    resp.handler(
        chunk -> {
          if (body.length() + chunk.length() > config.maxBodyBytes()) {
            result.tryFail(
                new FetchException(
                    "body_too_large",
                    status,
                    null,
                    "body over " + config.maxBodyBytes() + " bytes [got " + url + "]",
                    null));
            resp.request().reset();
            return;
          }
          body.appendBuffer(chunk);
        });
    resp.endHandler(
        v -> {
          if (status < 200 || status > 299) {
            String code = failureCode(status);
            result.tryFail(
                new FetchException(
                    code, status, next, "status " + status + " [got " + url + "]", null));
            return;
          }
          String type =
              headers.entrySet().stream()
                  .filter(e -> e.getKey().equalsIgnoreCase("content-type"))
                  .map(Map.Entry::getValue)
                  .findFirst()
                  .orElse("application/octet-stream");
          result.tryComplete(
              new Capture(
                  source,
                  format,
                  "GET",
                  url,
                  status,
                  headers,
                  type,
                  requestedAt,
                  clock.instant(),
                  body.getBytes()));
        });
  }

  /**
   * The cause code of a non-2xx status; 304 is {@code not_modified}, an answer to a conditional
   * GET.
   */
  static String failureCode(int status) {
    if (status == 304) {
      return "not_modified";
    }
    if (status == 429) {
      return "http_429";
    }
    return status >= 500 ? "http_5xx" : status >= 400 ? "http_4xx" : "http_3xx";
  }

  /** Closes the HTTP client. */
  public Future<Void> close() {
    return client.close();
  }
}
