package org.tocsin.api.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.tocsin.api.auth.Access;
import org.tocsin.api.problems.ApiException;
import org.tocsin.core.json.Json;
import org.tocsin.node.alerts.Alert;
import org.tocsin.node.alerts.AlertEngine;
import org.tocsin.node.alerts.AlertRule;
import org.tocsin.node.alerts.DeliveryAttempt;
import org.tocsin.node.keys.Role;

/**
 * {@code GET /api/v1/alerts/rules/{id}/deliveries}: a rule's delivery log, newest first: every
 * attempt to deliver one of its alerts (or a test) to its webhook since the node started, with the
 * receiver's status, the latency, which retry it was, and a sentence saying what happened. Error
 * details (addresses, ports) are shown to admins only, as in the rule list.
 */
final class RuleDeliveries {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final AlertEngine engine;

  RuleDeliveries(AlertEngine engine) {
    this.engine = engine;
  }

  void mount(Router router) {
    router
        .get("/api/v1/alerts/rules/:id/deliveries")
        .handler(Access.allow(Role.ANALYST, Role.TRUST, Role.ADMIN))
        .handler(this::list);
  }

  private void list(RoutingContext rc) {
    String id = rc.pathParam("id");
    AlertRule rule =
        engine.rules().get(id).orElseThrow(() -> ApiException.notFound("no alert rule " + id));
    int limit = QueryParams.integer(rc, "limit", 50, 1, 200);
    boolean admin = Access.key(rc).role() == Role.ADMIN;
    List<DeliveryAttempt> all = engine.webhooks().attempts(rule.id());
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("rule", rule.id());
    body.put("name", rule.name());
    body.put("webhook", rule.webhook() != null);
    body.put("total", all.size());
    body.put("summary", summary(rule, all));
    ArrayNode list = body.putArray("deliveries");
    for (DeliveryAttempt a : all.subList(0, Math.min(limit, all.size()))) {
      ObjectNode n = list.addObject();
      n.put("at", a.at().toString());
      n.put("test", a.test());
      n.put("alertId", a.alertId());
      if (a.alertNumber() > 0) {
        n.put("alert", a.alertNumber());
        post(a.alertNumber(), n);
      }
      n.put("attempt", a.attempt());
      n.put("retry", a.attempt() > 1);
      n.put("status", a.status());
      n.put("latencyMillis", a.latencyMillis());
      n.put("delivered", a.delivered());
      n.put("outcome", outcome(a));
      if (a.error() != null) {
        n.put("error", ErrorDetails.shown(a.error(), admin));
      }
      if (a.nextAttempt() != null) {
        n.put("nextAttempt", a.nextAttempt().toString());
      }
      n.put("message", message(a));
    }
    JsonResponses.send(rc, 200, body);
  }

  /** The post an alert was raised on, when it was raised on one. */
  private void post(long alertNumber, ObjectNode out) {
    List<Alert> one = engine.outbox().after(alertNumber - 1, 1);
    if (!one.isEmpty() && one.get(0).n() == alertNumber && one.get(0).post() != null) {
      var p = one.get(0).post().post();
      out.putObject("post").put("platform", p.platform()).put("id", p.id());
    }
  }

  /** {@code delivered}, {@code refused} (the receiver answered non-2xx) or {@code unreachable}. */
  static String outcome(DeliveryAttempt a) {
    return a.delivered() ? "delivered" : a.status() > 0 ? "refused" : "unreachable";
  }

  /** What happened, in one sentence. */
  static String message(DeliveryAttempt a) {
    String what = a.test() ? "the test alert" : "alert " + a.alertNumber();
    String which =
        a.attempt() == 1 ? "" : " on retry " + (a.attempt() - 1) + " (attempt " + a.attempt() + ")";
    String result =
        a.delivered()
            ? "delivered "
                + what
                + which
                + " in "
                + a.latencyMillis()
                + " ms (HTTP "
                + a.status()
                + ")"
            : a.status() > 0
                ? "the receiver refused "
                    + what
                    + which
                    + " with HTTP "
                    + a.status()
                    + " after "
                    + a.latencyMillis()
                    + " ms"
                : (a.error() != null && a.error().startsWith("outbound_refused")
                    ? "did not send "
                        + what
                        + which
                        + ": the webhook's address is one the node may not contact"
                    : "could not reach the receiver with "
                        + what
                        + which
                        + " (gave up after "
                        + a.latencyMillis()
                        + " ms)");
    return Character.toUpperCase(result.charAt(0))
        + result.substring(1)
        + (a.nextAttempt() != null ? "; trying again at " + WHEN.format(a.nextAttempt()) : "")
        + ".";
  }

  /** The log in one sentence: deliveries, failures, the median latency of deliveries. */
  static String summary(AlertRule rule, List<DeliveryAttempt> all) {
    if (rule.webhook() == null) {
      return "This rule has no webhook: its alerts go to the live feed only.";
    }
    if (all.isEmpty()) {
      return "No delivery attempted since the node started.";
    }
    long delivered = all.stream().filter(DeliveryAttempt::delivered).count();
    long failed = all.size() - delivered;
    long retries = all.stream().filter(a -> a.attempt() > 1).count();
    long[] latencies =
        all.stream()
            .filter(DeliveryAttempt::delivered)
            .mapToLong(DeliveryAttempt::latencyMillis)
            .toArray();
    Arrays.sort(latencies);
    StringBuilder s = new StringBuilder();
    s.append(delivered).append(delivered == 1 ? " delivery" : " deliveries");
    s.append(", ").append(failed).append(failed == 1 ? " failed attempt" : " failed attempts");
    s.append(", ").append(retries).append(retries == 1 ? " retry" : " retries");
    if (latencies.length > 0) {
      s.append("; median latency ").append(latencies[(latencies.length - 1) / 2]).append(" ms");
    }
    s.append(" (the last ")
        .append(all.size())
        .append(all.size() == 1 ? " attempt" : " attempts")
        .append(" since the node started).");
    return s.toString();
  }
}
