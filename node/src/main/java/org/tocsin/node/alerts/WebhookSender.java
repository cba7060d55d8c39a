package org.tocsin.node.alerts;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.tocsin.crawler.outbound.OutboundGuard;
import org.tocsin.crawler.outbound.OutboundRefusedException;

/**
 * Sends one signed webhook request: {@code POST} of a JSON body with {@code X-Tocsin-Alert-Id} and
 * {@code X-Tocsin-Signature: sha256=HMAC-SHA256(body, secret)}, to the address the node's {@link
 * OutboundGuard} just checked (never a second lookup of the name), redirects not followed. The
 * {@link WebhookDispatcher} sends every alert through it, and the API's test delivery too, so that
 * a test proves what a real delivery would do.
 */
public final class WebhookSender {
  /** The most characters of a receiver's answer kept for the caller. */
  public static final int MAX_ANSWER_CHARS = 500;

  private final Vertx vertx;
  private final HttpClientAgent client;
  private final OutboundGuard outbound;

  /**
   * A result: the receiver's HTTP status, how long it took, and the start of its answer.
   *
   * @param status the HTTP status the receiver answered
   * @param latencyMillis from the address check to the end of the answer
   * @param answer the first {@link #MAX_ANSWER_CHARS} characters of the answer's body
   */
  public record Delivery(int status, long latencyMillis, String answer) {
    /** Whether the receiver took it (2xx). */
    public boolean delivered() {
      return status / 100 == 2;
    }
  }

  /** Creates a sender with its own HTTP client, checking every address with {@code outbound}. */
  public WebhookSender(Vertx vertx, OutboundGuard outbound) {
    this.vertx = vertx;
    this.outbound = Objects.requireNonNull(outbound, "outbound");
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions().setConnectTimeout(5_000).setIdleTimeout(10).setKeepAlive(true));
  }

  /**
   * Posts a body.
   *
   * @param extraHeader a header name to add ({@code X-Tocsin-Delivery-Attempt}, {@code
   *     X-Tocsin-Test}), or null
   * @return the receiver's answer, whatever its status; a failed future with an {@link
   *     OutboundRefusedException} if the host may not be contacted, or the I/O failure
   */
  public Future<Delivery> post(
      String url,
      String secret,
      String alertId,
      byte[] body,
      long timeoutMillis,
      String extraHeader,
      String extraValue) {
    long started = System.nanoTime();
    RequestOptions request =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setAbsoluteURI(url)
            .setFollowRedirects(false)
            .setIdleTimeout(timeoutMillis)
            .putHeader("User-Agent", "Tocsin-Alerts/1")
            .putHeader("Content-Type", "application/json")
            .putHeader("X-Tocsin-Alert-Id", alertId)
            .putHeader("X-Tocsin-Signature", "sha256=" + WebhookDispatcher.hmac(secret, body));
    if (extraHeader != null) {
      request.putHeader(extraHeader, extraValue);
    }
    return outbound
        .pin(vertx, url, OutboundGuard.HTTP)
        .compose(pinned -> client.request(request.setServer(pinned.server())))
        .compose(req -> req.send(Buffer.buffer(body)))
        .compose(
            resp ->
                resp.body()
                    .map(
                        b -> {
                          String text = b.toString(StandardCharsets.UTF_8);
                          return new Delivery(
                              resp.statusCode(),
                              (System.nanoTime() - started) / 1_000_000,
                              text.length() > MAX_ANSWER_CHARS
                                  ? text.substring(0, MAX_ANSWER_CHARS)
                                  : text);
                        }));
  }

  /** A failure as {@code CODE: detail} ({@code outbound_refused: ...}, {@code io: ...}). */
  public static String describe(Throwable e) {
    if (e instanceof OutboundRefusedException r) {
      return "outbound_refused: " + r.getMessage();
    }
    return "io: " + e;
  }
}
