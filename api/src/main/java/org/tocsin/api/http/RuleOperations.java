package org.tocsin.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.tocsin.api.auth.Access;
import org.tocsin.api.problems.ApiException;
import org.tocsin.core.json.Json;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.crawler.outbound.OutboundGuard;
import org.tocsin.crawler.outbound.OutboundRefusedException;
import org.tocsin.index.InvalidQueryException;
import org.tocsin.index.PostIndex;
import org.tocsin.index.ScoreField;
import org.tocsin.index.ScoreRange;
import org.tocsin.index.SearchFilters;
import org.tocsin.index.SearchHit;
import org.tocsin.index.SearchRequest;
import org.tocsin.index.SearchResult;
import org.tocsin.nlp.bands.IncitementBands;
import org.tocsin.node.Custody;
import org.tocsin.node.alerts.AlertEngine;
import org.tocsin.node.alerts.AlertJson;
import org.tocsin.node.alerts.AlertRule;
import org.tocsin.node.alerts.DeliveryAttempt;
import org.tocsin.node.alerts.WebhookSender;
import org.tocsin.node.keys.ApiKey;
import org.tocsin.node.keys.Role;

/**
 * What a team does with a rule besides creating it: {@code POST /api/v1/alerts/rules/backtest}
 * counts the indexed posts a rule would have matched before it is saved; {@code POST
 * .../rules/{id}/test} sends a signed test delivery to its webhook through the same outbound guard
 * and sender as real alerts; {@code PUT .../rules/{id}} edits it; {@code POST .../{id}/pause} and
 * {@code .../resume} stop and restart its matching.
 */
final class RuleOperations {
  private static final long TEST_TIMEOUT_MILLIS = 10_000;

  private final Vertx vertx;
  private final AlertEngine engine;
  private final PostIndex index;
  private final Custody custody;
  private final WebhookSender sender;
  private final OutboundGuard outbound;

  RuleOperations(
      Vertx vertx, AlertEngine engine, PostIndex index, Custody custody, OutboundGuard outbound) {
    this.vertx = vertx;
    this.engine = engine;
    this.index = index;
    this.custody = custody;
    this.outbound = outbound;
    this.sender = new WebhookSender(vertx, outbound);
  }

  void mount(Router router) {
    var roles = Access.allow(Role.ANALYST, Role.TRUST, Role.ADMIN);
    router.post("/api/v1/alerts/rules/backtest").handler(roles).handler(this::backtest);
    router.put("/api/v1/alerts/rules/:id").handler(roles).handler(this::edit);
    router.post("/api/v1/alerts/rules/:id/pause").handler(roles).handler(rc -> pause(rc, true));
    router.post("/api/v1/alerts/rules/:id/resume").handler(roles).handler(rc -> pause(rc, false));
    router.post("/api/v1/alerts/rules/:id/test").handler(roles).handler(this::test);
  }

  private AlertRule existing(RoutingContext rc) {
    String id = rc.pathParam("id");
    return engine.rules().get(id).orElseThrow(() -> ApiException.notFound("no alert rule " + id));
  }

  private void pause(RoutingContext rc, boolean pause) {
    AlertRule rule = existing(rc);
    vertx
        .executeBlocking(() -> engine.rules().setPaused(rule.id(), pause), false)
        .onSuccess(
            found ->
                JsonResponses.send(rc, 200, AlertJson.toNode(rule, false).put("paused", pause)))
        .onFailure(rc::fail);
  }

  private void edit(RoutingContext rc) {
    AlertRule old = existing(rc);
    ObjectNode body = (ObjectNode) RequestBodies.json(rc);
    if (!body.has("webhook") && old.webhook() != null) {
      // an edit that does not name a webhook keeps the rule's (its secret is never sent back)
      body.putObject("webhook")
          .put("url", old.webhook().url())
          .put("secret", old.webhook().secret());
    }
    vertx
        .executeBlocking(
            () -> {
              RuleTargets.normalise(body, index);
              AlertRule rule;
              try {
                rule = AlertJson.ruleFromNode(body, old.id(), old.createdAt(), old.createdBy());
              } catch (IllegalArgumentException e) {
                throw new ApiException(400, "invalid_body", e.getMessage());
              }
              return rule;
            },
            false)
        .compose(rule -> checkWebhook(vertx, outbound, rule))
        .compose(
            rule ->
                vertx.executeBlocking(
                    () -> {
                      try {
                        if (!engine.rules().replace(rule)) {
                          throw ApiException.notFound("no alert rule " + rule.id());
                        }
                      } catch (InvalidQueryException e) {
                        throw new ApiException(400, "invalid_query", e.getMessage());
                      }
                      return rule;
                    },
                    false))
        .onSuccess(
            r ->
                JsonResponses.send(
                    rc,
                    200,
                    AlertJson.toNode(r, false).put("paused", engine.rules().isPaused(r.id()))))
        .onFailure(rc::fail);
  }

  /**
   * The rule, once the outbound guard allows its webhook's address (now; every delivery checks
   * again); a 400 {@code outbound_refused} problem otherwise.
   */
  static Future<AlertRule> checkWebhook(Vertx vertx, OutboundGuard outbound, AlertRule rule) {
    if (rule.webhook() == null) {
      return Future.succeededFuture(rule);
    }
    return outbound
        .pin(vertx, rule.webhook().url(), OutboundGuard.HTTP)
        .map(pinned -> rule)
        .recover(
            e ->
                Future.failedFuture(
                    e instanceof OutboundRefusedException r
                        ? new ApiException(
                            400, "outbound_refused", "webhook.url refused: " + r.getMessage())
                        : e));
  }

  private void test(RoutingContext rc) {
    AlertRule rule = existing(rc);
    if (rule.webhook() == null) {
      throw new ApiException(
          400, "invalid_body", "rule " + rule.id() + " has no webhook to send a test to");
    }
    ApiKey key = Access.key(rc);
    boolean admin = key.role() == Role.ADMIN;
    byte[] idBytes = new byte[8];
    ThreadLocalRandom.current().nextBytes(idBytes);
    String id = "test-" + HexFormat.of().formatHex(idBytes);
    ObjectNode payload = Json.mapper().createObjectNode();
    payload.put("id", id);
    payload.put("test", true);
    payload.putObject("rule").put("id", rule.id()).put("name", rule.name());
    payload.put("createdAt", Instant.now().toString());
    payload
        .putArray("reasons")
        .add("test delivery asked for by " + key.name() + " (" + key.role().jsonName() + ")");
    byte[] bytes = payload.toString().getBytes(StandardCharsets.UTF_8);
    long started = System.nanoTime();
    sender
        .post(
            rule.webhook().url(),
            rule.webhook().secret(),
            id,
            bytes,
            TEST_TIMEOUT_MILLIS,
            "X-Tocsin-Test",
            "true")
        .onComplete(
            ar -> {
              engine.webhooks().record(rule.id(), testAttempt(id, ar, started));
              ObjectNode out = Json.mapper().createObjectNode();
              out.put("testId", id);
              if (ar.succeeded()) {
                WebhookSender.Delivery d = ar.result();
                out.put("delivered", d.delivered());
                out.put("status", d.status());
                out.put("latencyMillis", d.latencyMillis());
                out.put(
                    "message",
                    d.delivered()
                        ? "the receiver took the test alert (HTTP " + d.status() + ")"
                        : "the receiver refused the test alert with HTTP " + d.status());
                if (admin) {
                  out.put("url", rule.webhook().url());
                  out.put("answer", d.answer());
                }
              } else {
                String error = WebhookSender.describe(ar.cause());
                out.put("delivered", false);
                out.put("error", ErrorDetails.shown(error, admin));
                out.put(
                    "message",
                    error.startsWith("outbound_refused")
                        ? "the webhook's address is one the node may not contact"
                        : "the receiver could not be reached");
              }
              JsonResponses.send(rc, 200, out);
            });
  }

  /** A test delivery as its rule's delivery log keeps it. */
  private static DeliveryAttempt testAttempt(
      String id, AsyncResult<WebhookSender.Delivery> ar, long started) {
    WebhookSender.Delivery d = ar.succeeded() ? ar.result() : null;
    return new DeliveryAttempt(
        Instant.now(),
        0,
        id,
        1,
        d == null ? 0 : d.status(),
        d == null ? (System.nanoTime() - started) / 1_000_000 : d.latencyMillis(),
        d != null && d.delivered(),
        d == null
            ? WebhookSender.describe(ar.cause())
            : d.delivered()
                ? null
                : "http_" + d.status() + ": the receiver answered HTTP " + d.status(),
        null,
        true);
  }

  private void backtest(RoutingContext rc) {
    ObjectNode body = (ObjectNode) RequestBodies.json(rc);
    if (!body.hasNonNull("name")) {
      body.put("name", "back-test");
    }
    body.remove("webhook"); // nothing is delivered
    ApiKey key = Access.key(rc);
    Instant from = instant(body, "from");
    Instant to = instant(body, "to");
    vertx
        .executeBlocking(
            () -> {
              RuleTargets.normalise(body, index);
              AlertRule rule;
              try {
                rule = AlertJson.ruleFromNode(body, "backtest", Instant.EPOCH, key.id());
              } catch (IllegalArgumentException e) {
                throw new ApiException(400, "invalid_body", e.getMessage());
              }
              if (rule.volume() != null || rule.campaign() != null) {
                throw new ApiException(
                    400,
                    "invalid_body",
                    "a back-test counts matching posts; volume and campaign rules cannot be"
                        + " back-tested");
              }
              SearchFilters f = filters(rule, from, to);
              String q = rule.query() == null ? "" : rule.query();
              try {
                SearchResult all =
                    index.search(
                        SearchRequest.of(q, f, SearchRequest.Sort.NEWEST, 5)
                            .withTotalHitsThreshold(SearchRequest.EXACT_TOTAL_HITS));
                Instant weekAgo = Instant.now().minus(Duration.ofDays(7));
                SearchFilters week =
                    filters(rule, from == null || from.isBefore(weekAgo) ? weekAgo : from, to);
                long lastWeek =
                    to != null && !weekAgo.isBefore(to)
                        ? 0
                        : index
                            .search(
                                SearchRequest.of(q, week, SearchRequest.Sort.NEWEST, 1)
                                    .withTotalHitsThreshold(SearchRequest.EXACT_TOTAL_HITS))
                            .totalHits();
                return render(rule, all, lastWeek, from, to);
              } catch (InvalidQueryException e) {
                throw new ApiException(400, "invalid_query", e.getMessage());
              }
            },
            false)
        .compose(
            out -> {
              List<Long> seqs = new ArrayList<>();
              out.path("examples").forEach(e -> seqs.add(e.path("evidence").path("seq").asLong()));
              return Future.fromCompletionStage(
                      custody.accessed(
                          seqs,
                          key.id(),
                          key.role().jsonName(),
                          Reasons.stated(rc),
                          out.path("query").asText(null),
                          "alert rule back-test"),
                      vertx.getOrCreateContext())
                  .map(v -> out);
            })
        .onSuccess(out -> JsonResponses.send(rc, 200, out))
        .onFailure(rc::fail);
  }

  private static SearchFilters filters(AlertRule rule, Instant from, Instant to) {
    SearchFilters.Builder b = SearchFilters.builder();
    if (from != null) {
      b.from(from);
    }
    if (to != null) {
      b.to(to);
    }
    if (rule.minHate() != null) {
      b.score(ScoreField.HATE, ScoreRange.atLeast(rule.minHate()));
    }
    Double incitement = rule.incitementThreshold(IncitementBands.shipped());
    if (incitement != null) {
      b.score(ScoreField.INCITEMENT, ScoreRange.atLeast(incitement));
    }
    if (rule.minDehumanization() != null) {
      b.score(ScoreField.DEHUMANIZATION, ScoreRange.atLeast(rule.minDehumanization()));
    }
    b.labels(rule.labels().toArray(new String[0]));
    b.targets(rule.targets().toArray(new String[0]));
    return b.build();
  }

  private static ObjectNode render(
      AlertRule rule, SearchResult all, long lastWeek, Instant from, Instant to) {
    ObjectNode out = Json.mapper().createObjectNode();
    if (rule.query() != null) {
      out.put("query", rule.query());
    }
    if (from != null) {
      out.put("from", from.toString());
    }
    if (to != null) {
      out.put("to", to.toString());
    }
    out.put("total", all.totalHits());
    out.put("lastSevenDays", lastWeek);
    ArrayNode targets = out.putArray("targets");
    rule.targets().stream().sorted().forEach(targets::add);
    Double incitement = rule.incitementThreshold(IncitementBands.shipped());
    if (incitement != null) {
      out.put("minIncitement", incitement);
    }
    out.put(
        "message",
        "this rule would have matched "
            + all.totalHits()
            + (all.totalHits() == 1 ? " indexed post" : " indexed posts")
            + (from == null && to == null ? "" : " in the range given")
            + ", "
            + lastWeek
            + " of them in the last seven days");
    ArrayNode examples = out.putArray("examples");
    for (SearchHit h : all.hits()) {
      ScoredPost p = h.post();
      ObjectNode e = examples.addObject();
      e.put("platform", p.post().platform());
      e.put("id", p.post().id());
      e.put("createdAt", p.post().createdAt().toString());
      String text = p.post().text();
      e.put("text", text.length() > 280 ? text.substring(0, 280) + " …" : text);
      e.put("incitement", p.score().incitement());
      e.put("label", p.score().label());
      e.putObject("evidence").put("seq", p.evidence().seq());
    }
    return out;
  }

  private static Instant instant(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    try {
      String v = n.asText();
      return v.length() == 10
          ? java.time.LocalDate.parse(v).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
          : java.time.OffsetDateTime.parse(v).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      throw new ApiException(
          400,
          "invalid_body",
          field + ": not an ISO-8601 day or time, e.g. 2016-03-22 [got " + n.asText() + "]");
    }
  }
}
