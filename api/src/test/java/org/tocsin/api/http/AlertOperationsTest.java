package org.tocsin.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.node.ImportListener;
import org.tocsin.node.PipelineVerticle;
import org.tocsin.node.TocsinNode;
import org.tocsin.node.alerts.Alert;
import org.tocsin.node.alerts.WebhookDispatcher;
import org.tocsin.node.campaigns.CampaignService;
import org.tocsin.node.config.TocsinConfig;
import org.tocsin.node.keys.ApiKeyStore;
import org.tocsin.node.keys.Role;
import org.tocsin.testkit.RealPosts;
import org.tocsin.testkit.TestNodes;

/**
 * A trust team operating its alert rules on loopback: a rule's target given in the plural is saved
 * as its group, a typo is refused in plain words; a back-test counts what the rule would have
 * matched; a test delivery reaches the receiver signed through the outbound guard, the receiver's
 * answer shown to admins only; a paused rule raises nothing until resumed; an edit keeps the id and
 * the webhook. Prosecutors may do none of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertOperationsTest {
  private static final String SECRET = "a-webhook-secret-of-some-length";

  private Vertx vertx;
  private TocsinNode node;
  private WebClient client;
  private int port;
  private HttpServer receiver;
  private final List<JsonObject> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger answer = new AtomicInteger(200);
  private final Map<Role, String> tokens = new EnumMap<>(Role.class);

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("tocsin.json");
    // the receiver is on loopback: allowed explicitly, as an operator would
    Files.writeString(
        config, "{\"http\": {\"port\": 0}, \"security\": {\"outboundAllow\": [\"127.0.0.0/8\"]}}");
    node = TocsinNode.open(dir.resolve("data"), TocsinConfig.load(config));
    node.importer()
        .importFile(
            TestNodes.writeJsonl(dir.resolve("p.jsonl"), RealPosts.sample()), ImportListener.NONE);
    ApiKeyStore keys = ApiKeyStore.open(dir.resolve("data"));
    for (Role r : Role.values()) {
      tokens.put(r, keys.create(r, "the " + r.jsonName() + " desk").token());
    }
    vertx = Vertx.vertx();
    ApiVerticle api =
        new ApiVerticle(
            new ApiContext(node, new CampaignService(node, CampaignConfig.defaults()), keys),
            node.config().http());
    PipelineVerticle.deploy(vertx, node).await();
    vertx.deployVerticle(api).await();
    port = api.actualPort();
    client = WebClient.create(vertx);
    receiver =
        vertx
            .createHttpServer()
            .requestHandler(
                req ->
                    req.body()
                        .onSuccess(
                            body -> {
                              JsonObject seen = new JsonObject();
                              seen.put("body", body.toString());
                              seen.put("signature", req.getHeader("X-Tocsin-Signature"));
                              seen.put("id", req.getHeader("X-Tocsin-Alert-Id"));
                              seen.put("test", req.getHeader("X-Tocsin-Test"));
                              received.add(seen);
                              req.response()
                                  .setStatusCode(answer.get())
                                  .end("answer-from-the-receiver");
                            }));
    receiver.listen(0, "127.0.0.1").await();
  }

  @AfterAll
  void stop() throws Exception {
    vertx.close().await();
    node.close();
  }

  private HttpResponse<Buffer> call(Role role, HttpMethod method, String uri, JsonObject body) {
    var req =
        client
            .request(method, port, "127.0.0.1", uri)
            .putHeader("Authorization", "Bearer " + tokens.get(role));
    return (body == null ? req.send() : req.sendJsonObject(body)).await();
  }

  private JsonObject created(JsonObject rule) {
    HttpResponse<Buffer> r = call(Role.TRUST, HttpMethod.POST, "/api/v1/alerts/rules", rule);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
    return r.bodyAsJsonObject();
  }

  private JsonObject webhook() {
    return new JsonObject()
        .put("url", "http://127.0.0.1:" + receiver.actualPort() + "/hook")
        .put("secret", SECRET);
  }

  private static void assertProblem(HttpResponse<Buffer> r, int status, String detailPart) {
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
    assertThat(r.getHeader("Content-Type")).isEqualTo("application/problem+json");
    assertThat(r.bodyAsJsonObject().getString("detail")).contains(detailPart);
  }

  @Test
  void targetsAreSavedAsGroupsAndMistakesAreExplainedInPlainWords() {
    JsonObject rule =
        created(
            new JsonObject()
                .put("name", "plural")
                .put("targets", new JsonArray().add("Muslims").add("juden")));
    assertThat(rule.getJsonArray("targets")).containsExactly("jewish", "muslim");
    HttpResponse<Buffer> typo =
        call(
            Role.TRUST,
            HttpMethod.POST,
            "/api/v1/alerts/rules",
            new JsonObject().put("name", "typo").put("targets", new JsonArray().add("muslimz")));
    assertProblem(typo, 400, "\"muslimz\" is not a target group Tocsin knows");
    assertThat(typo.bodyAsJsonObject().getString("detail")).contains("did you mean muslim");
    HttpResponse<Buffer> secret =
        call(
            Role.TRUST,
            HttpMethod.POST,
            "/api/v1/alerts/rules",
            new JsonObject()
                .put("name", "short secret")
                .put("query", "x")
                .put("webhook", webhook().put("secret", "short")));
    assertProblem(secret, 400, "webhook.secret must have at least 16 characters; it has 5");
    assertThat(secret.bodyAsJsonObject().getString("detail")).doesNotContain("#/");
    HttpResponse<Buffer> score =
        call(
            Role.TRUST,
            HttpMethod.POST,
            "/api/v1/alerts/rules",
            new JsonObject().put("name", "too high").put("minHate", 3));
    assertProblem(score, 400, "minHate must be at most 1");
  }

  @Test
  void aBacktestCountsWhatTheRuleWouldHaveMatched() {
    long muslim =
        call(Role.TRUST, HttpMethod.GET, "/api/v1/posts/search?target=muslim&exactTotal=true", null)
            .bodyAsJsonObject()
            .getLong("total");
    assertThat(muslim).isPositive();
    HttpResponse<Buffer> r =
        call(
            Role.TRUST,
            HttpMethod.POST,
            "/api/v1/alerts/rules/backtest",
            new JsonObject().put("targets", new JsonArray().add("muslims")));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    JsonObject b = r.bodyAsJsonObject();
    assertThat(b.getLong("total")).isEqualTo(muslim);
    assertThat(b.getJsonArray("targets")).containsExactly("muslim");
    assertThat(b.getString("message")).startsWith("this rule would have matched " + muslim);
    assertThat(b.getJsonArray("examples")).hasSizeBetween(1, 5);
    // a band is read as its threshold, a range narrows
    JsonObject banded =
        call(
                Role.TRUST,
                HttpMethod.POST,
                "/api/v1/alerts/rules/backtest",
                new JsonObject()
                    .put("targets", new JsonArray().add("muslim"))
                    .put("incitementBand", "elevated")
                    .put("from", "2000-01-01"))
            .bodyAsJsonObject();
    assertThat(banded.getLong("total")).isLessThanOrEqualTo(muslim);
    assertThat(banded.getDouble("minIncitement")).isPositive();
    assertProblem(
        call(
            Role.TRUST,
            HttpMethod.POST,
            "/api/v1/alerts/rules/backtest",
            new JsonObject().put("query", "\"unclosed")),
        400,
        "");
    assertProblem(
        call(
            Role.TRUST,
            HttpMethod.POST,
            "/api/v1/alerts/rules/backtest",
            new JsonObject()
                .put("query", "x")
                .put(
                    "volumeChange",
                    new JsonObject().put("windowSeconds", 60).put("factor", 2).put("minPosts", 3))),
        400,
        "cannot be back-tested");
    assertProblem(
        call(
            Role.TRUST,
            HttpMethod.POST,
            "/api/v1/alerts/rules/backtest",
            new JsonObject().put("query", "x").put("from", "yesterday")),
        400,
        "from: not an ISO-8601 day");
  }

  @Test
  void aTestDeliveryIsSignedAndOnlyAdminsSeeTheReceiversAnswer() {
    JsonObject rule =
        created(new JsonObject().put("name", "hooked").put("query", "x").put("webhook", webhook()));
    String uri = "/api/v1/alerts/rules/" + rule.getString("id") + "/test";
    int before = received.size();
    HttpResponse<Buffer> trust = call(Role.TRUST, HttpMethod.POST, uri, null);
    assertThat(trust.statusCode()).as(trust.bodyAsString()).isEqualTo(200);
    JsonObject t = trust.bodyAsJsonObject();
    assertThat(t.getBoolean("delivered")).isTrue();
    assertThat(t.getInteger("status")).isEqualTo(200);
    assertThat(t.containsKey("answer")).isFalse();
    assertThat(t.containsKey("url")).isFalse();
    assertThat(received).hasSize(before + 1);
    JsonObject seen = received.get(before);
    assertThat(seen.getString("test")).isEqualTo("true");
    assertThat(seen.getString("id")).isEqualTo(t.getString("testId"));
    assertThat(seen.getString("signature"))
        .isEqualTo(
            "sha256="
                + WebhookDispatcher.hmac(
                    SECRET,
                    seen.getString("body").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    JsonObject payload = new JsonObject(seen.getString("body"));
    assertThat(payload.getBoolean("test")).isTrue();
    assertThat(payload.getJsonArray("reasons").getString(0)).contains("the trust desk");

    answer.set(503);
    try {
      JsonObject a = call(Role.ADMIN, HttpMethod.POST, uri, null).bodyAsJsonObject();
      assertThat(a.getBoolean("delivered")).isFalse();
      assertThat(a.getInteger("status")).isEqualTo(503);
      assertThat(a.getString("answer")).isEqualTo("answer-from-the-receiver");
      assertThat(a.getString("url")).contains("127.0.0.1");
      assertThat(a.getString("message")).contains("refused the test alert with HTTP 503");
    } finally {
      answer.set(200);
    }
    JsonObject bare = created(new JsonObject().put("name", "no hook").put("query", "x"));
    assertProblem(
        call(
            Role.TRUST,
            HttpMethod.POST,
            "/api/v1/alerts/rules/" + bare.getString("id") + "/test",
            null),
        400,
        "has no webhook");
    assertProblem(
        call(Role.TRUST, HttpMethod.POST, "/api/v1/alerts/rules/rule-none/test", null),
        404,
        "no alert rule");
  }

  @Test
  void aPausedRuleRaisesNothingUntilResumedAndAnEditKeepsIdAndWebhook() throws Exception {
    JsonObject rule =
        created(
            new JsonObject()
                .put("name", "pausable")
                .put("query", "tocsinpausecanary")
                .put("webhook", webhook()));
    String id = rule.getString("id");
    JsonObject paused =
        call(Role.TRUST, HttpMethod.POST, "/api/v1/alerts/rules/" + id + "/pause", null)
            .bodyAsJsonObject();
    assertThat(paused.getBoolean("paused")).isTrue();
    CompletableFuture<Alert> raised = new CompletableFuture<>();
    node.alerts()
        .addListener(
            alerts ->
                alerts.stream()
                    .filter(a -> a.ruleId().equals(id))
                    .findFirst()
                    .ifPresent(raised::complete));
    ingest("while-paused");
    call(Role.TRUST, HttpMethod.POST, "/api/v1/alerts/rules/" + id + "/resume", null);
    ingest("after-resume");
    Alert a = raised.get(30, TimeUnit.SECONDS);
    // posts are checked in ledger order: the first alert of the rule is the post after resuming
    assertThat(a.post().post().id()).isEqualTo("after-resume");

    HttpResponse<Buffer> edited =
        call(
            Role.TRUST,
            HttpMethod.PUT,
            "/api/v1/alerts/rules/" + id,
            new JsonObject().put("name", "renamed").put("query", "tocsinothercanary"));
    assertThat(edited.statusCode()).as(edited.bodyAsString()).isEqualTo(200);
    JsonObject listed = null;
    for (Object o :
        call(Role.TRUST, HttpMethod.GET, "/api/v1/alerts/rules", null)
            .bodyAsJsonObject()
            .getJsonArray("rules")) {
      if (((JsonObject) o).getString("id").equals(id)) {
        listed = (JsonObject) o;
      }
    }
    assertThat(listed).isNotNull();
    assertThat(listed.getString("name")).isEqualTo("renamed");
    assertThat(listed.getString("query")).isEqualTo("tocsinothercanary");
    assertThat(listed.getBoolean("paused")).isFalse();
    assertThat(listed.getJsonObject("webhook").getString("url")).contains("/hook");
    assertThat(listed.getString("createdByName")).isEqualTo("the trust desk");
    assertThat(listed.encode()).doesNotContain(SECRET);
    assertProblem(
        call(
            Role.TRUST,
            HttpMethod.PUT,
            "/api/v1/alerts/rules/rule-none",
            new JsonObject().put("name", "x").put("query", "x")),
        404,
        "no alert rule");
  }

  private JsonArray deliveries(Role role, String ruleId) {
    HttpResponse<Buffer> r =
        call(role, HttpMethod.GET, "/api/v1/alerts/rules/" + ruleId + "/deliveries", null);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject().getJsonArray("deliveries");
  }

  @Test
  void theDeliveryLogSaysWhatEachAttemptDidIncludingRetries() throws Exception {
    JsonObject rule =
        created(
            new JsonObject()
                .put("name", "logged")
                .put("query", "tocsindeliverylog")
                .put("webhook", webhook()));
    String id = rule.getString("id");
    JsonObject empty =
        call(Role.TRUST, HttpMethod.GET, "/api/v1/alerts/rules/" + id + "/deliveries", null)
            .bodyAsJsonObject();
    assertThat(empty.getInteger("total")).isZero();
    assertThat(empty.getString("summary")).contains("No delivery attempted");

    // the receiver refuses the first attempt; the dispatcher retries and the second goes through
    answer.set(503);
    JsonArray log;
    try {
      ingest("tocsindeliverylog");
      long deadline = System.currentTimeMillis() + 30_000;
      do {
        vertx.timer(50).await();
        log = deliveries(Role.TRUST, id);
      } while (log.isEmpty() && System.currentTimeMillis() < deadline);
    } finally {
      answer.set(200);
    }
    assertThat(log).isNotEmpty();
    JsonObject refused = log.getJsonObject(log.size() - 1);
    assertThat(refused.getBoolean("delivered")).isFalse();
    assertThat(refused.getInteger("status")).isEqualTo(503);
    assertThat(refused.getString("outcome")).isEqualTo("refused");
    assertThat(refused.getInteger("attempt")).isEqualTo(1);
    assertThat(refused.getString("message"))
        .startsWith("The receiver refused alert " + refused.getLong("alert") + " with HTTP 503")
        .contains("trying again at");
    assertThat(refused.getString("error")).isEqualTo("http_503 (details are shown to admins)");
    assertThat(refused.getJsonObject("post").getString("id")).isEqualTo("tocsindeliverylog");

    long deadline = System.currentTimeMillis() + 30_000;
    while (!deliveries(Role.TRUST, id).getJsonObject(0).getBoolean("delivered")
        && System.currentTimeMillis() < deadline) {
      vertx.timer(50).await();
    }
    JsonObject body =
        call(Role.ADMIN, HttpMethod.GET, "/api/v1/alerts/rules/" + id + "/deliveries", null)
            .bodyAsJsonObject();
    JsonObject delivered = body.getJsonArray("deliveries").getJsonObject(0);
    assertThat(delivered.getBoolean("delivered")).isTrue();
    assertThat(delivered.getInteger("status")).isEqualTo(200);
    assertThat(delivered.getBoolean("retry")).isTrue();
    assertThat(delivered.getInteger("attempt")).isGreaterThan(1);
    assertThat(delivered.getLong("alert")).isEqualTo(refused.getLong("alert"));
    assertThat(delivered.getLong("latencyMillis")).isNotNegative();
    assertThat(delivered.getString("message"))
        .startsWith("Delivered alert " + refused.getLong("alert") + " on retry ");
    assertThat(body.getString("summary"))
        .startsWith("1 delivery, " + (delivered.getInteger("attempt") - 1) + " failed attempt");

    // a test delivery is logged too
    call(Role.TRUST, HttpMethod.POST, "/api/v1/alerts/rules/" + id + "/test", null);
    JsonObject test = deliveries(Role.TRUST, id).getJsonObject(0);
    assertThat(test.getBoolean("test")).isTrue();
    assertThat(test.getString("message")).startsWith("Delivered the test alert in ");

    assertProblem(
        call(Role.PROSECUTOR, HttpMethod.GET, "/api/v1/alerts/rules/" + id + "/deliveries", null),
        403,
        "may not use this route");
    assertProblem(
        call(Role.TRUST, HttpMethod.GET, "/api/v1/alerts/rules/rule-none/deliveries", null),
        404,
        "no alert rule");
  }

  @Test
  void prosecutorsMayNotOperateRules() {
    for (String[] route :
        new String[][] {
          {"POST", "/api/v1/alerts/rules/backtest"},
          {"POST", "/api/v1/alerts/rules/x/test"},
          {"POST", "/api/v1/alerts/rules/x/pause"},
          {"POST", "/api/v1/alerts/rules/x/resume"},
          {"PUT", "/api/v1/alerts/rules/x"},
        }) {
      HttpResponse<Buffer> r =
          call(
              Role.PROSECUTOR,
              HttpMethod.valueOf(route[0]),
              route[1],
              new JsonObject().put("name", "x").put("query", "x"));
      assertProblem(r, 403, "may not use this route");
    }
  }

  private void ingest(String id) {
    JsonObject post =
        new JsonObject()
            .put("platform", "test")
            .put("id", id)
            .put("author", new JsonObject().put("id", "ops"))
            .put("createdAt", "2026-12-01T12:00:00Z")
            .put("text", "tocsinpausecanary " + id);
    HttpResponse<Buffer> r =
        client
            .post(port, "127.0.0.1", "/api/v1/posts")
            .putHeader("Authorization", "Bearer " + tokens.get(Role.TRUST))
            .putHeader("Content-Type", "application/x-ndjson")
            .sendBuffer(Buffer.buffer(post.encode() + "\n"))
            .await();
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(202);
  }
}
