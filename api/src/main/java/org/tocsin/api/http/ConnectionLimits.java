package org.tocsin.api.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tocsin.node.config.TocsinConfig.HttpConfig;

/**
 * Deadlines that keep slow or silent clients from holding connections (slowloris): request headers
 * must be complete within {@link HttpConfig#headerTimeoutMillis()} of the connection opening or of
 * the previous response on a kept-alive connection, and a body within {@link
 * HttpConfig#bodyTimeoutMillis()} of its headers (else 408 and the connection is closed). Silence
 * is handled by the server's idle timeout. Vert.x has no header-read deadline of its own: the
 * timers here stand in for it. A client that goes away is logged at INFO, never as a server error.
 */
final class ConnectionLimits {
  private static final Logger LOG = Logger.getLogger(ConnectionLimits.class.getName());

  private final Vertx vertx;
  private final HttpConfig http;
  private final Map<HttpConnection, Long> headerTimers = new ConcurrentHashMap<>();

  ConnectionLimits(Vertx vertx, HttpConfig http) {
    this.vertx = vertx;
    this.http = http;
  }

  /** The server's connection handler: starts the first header deadline. */
  void onConnection(HttpConnection conn) {
    awaitHeaders(conn);
    conn.closeHandler(v -> cancelHeaderTimer(conn));
    conn.exceptionHandler(ConnectionLimits::logClientProblem);
  }

  /** The first route handler: headers arrived; the body deadline starts. */
  void onRequest(RoutingContext rc) {
    HttpServerRequest req = rc.request();
    HttpConnection conn = req.connection();
    cancelHeaderTimer(conn);
    long bodyTimer = -1;
    if (!req.isEnded()) {
      bodyTimer =
          vertx.setTimer(
              http.bodyTimeoutMillis(),
              id -> {
                if (!req.isEnded()) {
                  LOG.info(
                      () ->
                          "request body not complete within "
                              + http.bodyTimeoutMillis()
                              + " ms; closing the connection");
                  Problems.send(
                      req.response().putHeader("Connection", "close"),
                      408,
                      "request_timeout",
                      "the request body was not complete within "
                          + http.bodyTimeoutMillis()
                          + " ms",
                      req.path());
                  conn.close();
                }
              });
    }
    long timer = bodyTimer;
    rc.addEndHandler(
        ar -> {
          if (timer >= 0 && req.isEnded()) {
            vertx.cancelTimer(timer);
          }
          awaitHeaders(conn); // a kept-alive connection's next request has the same deadline
        });
    rc.next();
  }

  /** Whether a failure is a client that went away rather than a server error. */
  static boolean clientGone(RoutingContext rc, Throwable failure) {
    return rc.response().closed() || failure instanceof HttpClosedException;
  }

  /** Logs a connection problem (reset, closed mid-request) at INFO. */
  static void logClientProblem(Throwable e) {
    LOG.log(Level.INFO, "client connection problem: " + e);
  }

  private void awaitHeaders(HttpConnection conn) {
    long id =
        vertx.setTimer(
            http.headerTimeoutMillis(),
            t -> {
              if (headerTimers.remove(conn, t)) {
                LOG.info(
                    () ->
                        "request headers not complete within "
                            + http.headerTimeoutMillis()
                            + " ms; closing the connection");
                conn.close();
              }
            });
    Long old = headerTimers.put(conn, id);
    if (old != null) {
      vertx.cancelTimer(old);
    }
  }

  private void cancelHeaderTimer(HttpConnection conn) {
    Long id = headerTimers.remove(conn);
    if (id != null) {
      vertx.cancelTimer(id);
    }
  }
}
