package org.tocsin.node.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.tocsin.core.json.Json;
import org.tocsin.crawler.outbound.OutboundGuard;
import org.tocsin.node.alerts.WebhookStates.State;
import org.tocsin.node.files.AtomicFiles;

/**
 * Delivers each rule's alerts to its webhook, in order, at least once: {@code POST} of the alert
 * JSON with {@code X-Tocsin-Alert-Id} (the stable id, for de-duplication) and {@code
 * X-Tocsin-Signature: sha256=HEX} (HMAC-SHA256 of the body with the rule's secret). A 2xx moves the
 * rule's cursor (persisted atomically); anything else is retried with exponential backoff and
 * jitter. Cursors survive restarts, so a receiver outage or a restart loses nothing. Each rule's
 * delivery state is kept in the engine's {@link WebhookStates}, where the API reads it.
 *
 * <p>Before every attempt the URL's host is resolved and checked by the node's {@link
 * OutboundGuard} (a DNS answer may have changed since the rule was made), and the request goes to
 * the address it checked, never to a second lookup. A refused host counts as a failed delivery
 * ({@code outbound_refused}) and is retried, so that an admin who allows it later loses nothing.
 * Redirects are not followed. {@code lastError} reads {@code CODE: detail}; the detail may name
 * addresses and ports, so the API shows it to admins only.
 */
public final class WebhookDispatcher {
  private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());
  private static final long MAX_BACKOFF_MILLIS = 60_000;

  private final Vertx vertx;
  private final WebhookSender sender;
  private final AlertEngine engine;
  private final Path cursorDir;
  private final Random random;
  private final long baseBackoffMillis;
  private final long timeoutMillis;
  private long timer = -1;

  /**
   * Creates the dispatcher.
   *
   * @param baseBackoffMillis the first retry delay; doubles per failure up to a minute
   * @param timeoutMillis how long a receiver may take to answer
   * @param outbound which hosts the webhooks may reach
   */
  public WebhookDispatcher(
      Vertx vertx,
      AlertEngine engine,
      Path cursorDir,
      Random random,
      long baseBackoffMillis,
      long timeoutMillis,
      OutboundGuard outbound) {
    this.vertx = vertx;
    this.sender = new WebhookSender(vertx, Objects.requireNonNull(outbound, "outbound"));
    this.engine = engine;
    this.cursorDir = cursorDir;
    this.random = random;
    this.baseBackoffMillis = baseBackoffMillis;
    this.timeoutMillis = timeoutMillis;
  }

  /** Starts delivering: at once, on every new alert, and every second for retries. */
  public void start() {
    engine.addListener(alerts -> vertx.runOnContext(v -> pump()));
    timer = vertx.setPeriodic(Math.max(10, Math.min(1_000, baseBackoffMillis)), id -> pump());
    vertx.runOnContext(v -> pump());
  }

  /** Stops the periodic retries. */
  public void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  private void pump() {
    long now = System.currentTimeMillis();
    for (AlertRule rule : engine.rules().list()) {
      if (rule.webhook() == null) {
        continue;
      }
      State s = engine.webhooks().of(rule.id());
      if (s.inFlight || s.nextAttemptMillis > now) {
        continue;
      }
      s.inFlight = true;
      vertx
          .executeBlocking(() -> loadCursor(rule.id(), s), false)
          .onComplete(ar -> deliverNext(rule, s));
    }
  }

  private State loadCursor(String ruleId, State s) throws java.io.IOException {
    if (!s.cursorLoaded) {
      Path f = cursorDir.resolve(ruleId + ".json");
      if (Files.exists(f)) {
        JsonNode n = Json.mapper().readTree(f.toFile());
        s.cursor = n.path("cursor").asLong(0);
      }
      s.cursorLoaded = true;
    }
    return s;
  }

  private void deliverNext(AlertRule rule, State s) {
    Alert next = null;
    long scanned = s.cursor;
    outer:
    while (true) {
      List<Alert> page = engine.outbox().after(scanned, 500);
      if (page.isEmpty()) {
        break;
      }
      for (Alert a : page) {
        if (a.ruleId().equals(rule.id())) {
          next = a;
          break outer;
        }
        scanned = a.n();
      }
    }
    if (next == null) {
      if (scanned > s.cursor) {
        s.cursor = scanned;
      }
      s.inFlight = false;
      return;
    }
    Alert alert = next;
    byte[] body = AlertJson.toNode(alert).toString().getBytes(StandardCharsets.UTF_8);
    int attempt = s.failures + 1;
    long started = System.nanoTime();
    sender
        .post(
            rule.webhook().url(),
            rule.webhook().secret(),
            alert.id(),
            body,
            timeoutMillis,
            "X-Tocsin-Delivery-Attempt",
            Integer.toString(attempt))
        .onComplete(
            ar -> {
              s.lastAttemptMillis = System.currentTimeMillis();
              if (ar.succeeded()) {
                s.lastStatus = ar.result().status();
                s.lastLatencyMillis = ar.result().latencyMillis();
              } else {
                s.lastStatus = 0;
              }
              long latency =
                  ar.succeeded()
                      ? ar.result().latencyMillis()
                      : (System.nanoTime() - started) / 1_000_000;
              if (ar.succeeded() && ar.result().delivered()) {
                s.cursor = alert.n();
                s.failures = 0;
                s.lastError = null;
                s.delivered++;
                engine
                    .webhooks()
                    .record(
                        rule.id(),
                        new DeliveryAttempt(
                            Instant.ofEpochMilli(s.lastAttemptMillis),
                            alert.n(),
                            alert.id(),
                            attempt,
                            s.lastStatus,
                            latency,
                            true,
                            null,
                            null,
                            false));
                vertx
                    .executeBlocking(() -> saveCursor(rule.id(), alert.n()), false)
                    .onComplete(done -> deliverNext(rule, s));
              } else {
                s.failures++;
                s.lastError =
                    ar.succeeded()
                        ? "http_"
                            + ar.result().status()
                            + ": the receiver answered HTTP "
                            + ar.result().status()
                        : WebhookSender.describe(ar.cause());
                long delay =
                    Math.min(MAX_BACKOFF_MILLIS, baseBackoffMillis << Math.min(20, s.failures - 1));
                delay = delay / 2 + (long) (random.nextDouble() * (delay / 2 + 1));
                s.nextAttemptMillis = System.currentTimeMillis() + delay;
                engine
                    .webhooks()
                    .record(
                        rule.id(),
                        new DeliveryAttempt(
                            Instant.ofEpochMilli(s.lastAttemptMillis),
                            alert.n(),
                            alert.id(),
                            attempt,
                            s.lastStatus,
                            latency,
                            false,
                            s.lastError,
                            Instant.ofEpochMilli(s.nextAttemptMillis),
                            false));
                s.inFlight = false;
                LOG.fine(() -> "webhook of rule " + rule.id() + " failed: " + s.lastError);
              }
            });
  }

  private Void saveCursor(String ruleId, long cursor) throws java.io.IOException {
    AtomicFiles.write(
        cursorDir.resolve(ruleId + ".json"),
        Json.mapper()
            .createObjectNode()
            .put("cursor", cursor)
            .toString()
            .getBytes(StandardCharsets.UTF_8));
    return null;
  }

  /** HMAC-SHA256 of a body, lower-case hex: what {@code X-Tocsin-Signature} carries. */
  public static String hmac(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }
}
