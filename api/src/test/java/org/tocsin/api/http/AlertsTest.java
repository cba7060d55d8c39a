package org.tocsin.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.node.PipelineVerticle;
import org.tocsin.node.TocsinNode;
import org.tocsin.node.alerts.WebhookDispatcher;
import org.tocsin.node.campaigns.CampaignService;
import org.tocsin.node.config.TocsinConfig;
import org.tocsin.node.keys.ApiKeyStore;
import org.tocsin.node.keys.Role;

/**
 * Alerts end to end on loopback: posts arrive over the API, a rule matches, the webhook receiver
 * fails, times out and recovers, the node restarts in between; every alert is delivered, signed,
 * and duplicates carry the same id. The SSE stream resumes from Last-Event-ID.
 */
class AlertsTest {
  private static final String SECRET = "a-webhook-secret-of-some-length";
  private static final String INCITING =
      "we must exterminate the rohingya vermin tonight, burn their villages";
  private static final String BENIGN = "the rohingya refugee crisis needs aid and shelter";

  @TempDir Path dir;

  /** A webhook receiver that fails the first {@code failures} requests, then hangs once. */
  static final class Receiver {
    final Set<String> ids = ConcurrentHashMap.newKeySet();
    final List<String> deliveries = new CopyOnWriteArrayList<>();
    final AtomicInteger failFirst = new AtomicInteger();
    final AtomicInteger hangNext = new AtomicInteger();
    volatile CompletableFuture<Void> reached = new CompletableFuture<>();
    volatile int want;
    HttpServer server;

    void start(Vertx vertx) {
      server =
          vertx
              .createHttpServer()
              .requestHandler(
                  req ->
                      req.body()
                          .onSuccess(
                              body -> {
                                if (failFirst.getAndDecrement() > 0) {
                                  req.response().setStatusCode(500).end();
                                  return;
                                }
                                if (hangNext.getAndDecrement() > 0) {
                                  return; // never answers: the dispatcher must time out
                                }
                                String sig = req.getHeader("X-Tocsin-Signature");
                                String expected =
                                    "sha256=" + WebhookDispatcher.hmac(SECRET, body.getBytes());
                                if (!expected.equals(sig)) {
                                  req.response().setStatusCode(401).end();
                                  return;
                                }
                                String id = req.getHeader("X-Tocsin-Alert-Id");
                                assertThat(new JsonObject(body).getString("id")).isEqualTo(id);
                                deliveries.add(id);
                                ids.add(id);
                                req.response().setStatusCode(204).end();
                                if (ids.size() >= want) {
                                  reached.complete(null);
                                }
                              }));
      server.listen(0, "127.0.0.1").await();
    }

    CompletableFuture<Void> expect(int n) {
      reached = new CompletableFuture<>();
      want = n;
      if (ids.size() >= n) {
        reached.complete(null);
      }
      return reached;
    }
  }

  private record Running(Vertx vertx, TocsinNode node, int port, String token) {}

  private Running start(Path config) throws Exception {
    Vertx vertx = Vertx.vertx();
    TocsinNode node = TocsinNode.open(dir.resolve("data"), TocsinConfig.load(config));
    ApiKeyStore keys = ApiKeyStore.open(dir.resolve("data"));
    String token = keys.create(Role.TRUST, "trust team").token();
    ApiVerticle api =
        new ApiVerticle(
            new ApiContext(node, new CampaignService(node, CampaignConfig.defaults()), keys),
            node.config().http());
    PipelineVerticle.deploy(vertx, node).await();
    vertx.deployVerticle(api).await();
    return new Running(vertx, node, api.actualPort(), token);
  }

  private static void stop(Running r) throws Exception {
    r.vertx().close().await();
    r.node().close();
  }

  private static HttpResponse<Buffer> post(
      Running r, WebClient c, String uri, String type, String body) {
    return c.post(r.port(), "127.0.0.1", uri)
        .putHeader("Authorization", "Bearer " + r.token())
        .putHeader("Content-Type", type)
        .sendBuffer(Buffer.buffer(body))
        .await();
  }

  private static String jsonl(String prefix, int from, int to, String text) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i <= to; i++) {
      sb.append(
              new JsonObject()
                  .put("platform", "test")
                  .put("id", prefix + i)
                  .put("author", new JsonObject().put("id", "acct-" + i))
                  .put("createdAt", "2026-11-22T00:00:0" + (i % 10) + "Z")
                  .put("text", text)
                  .encode())
          .append('\n');
    }
    return sb.toString();
  }

  @Test
  void everyAlertIsDeliveredSignedThroughFailuresTimeoutsAndARestart() throws Exception {
    Vertx receiverVertx = Vertx.vertx();
    Receiver receiver = new Receiver();
    receiver.start(receiverVertx);
    Path config = dir.resolve("tocsin.json");
    // the receiver is on loopback: allowed explicitly
    Files.writeString(
        config,
        "{\"http\": {\"port\": 0}, \"alerts\": {\"webhookBackoffMillis\": 20, \"webhookTimeoutMillis\": 300},"
            + " \"security\": {\"outboundAllow\": [\"127.0.0.0/8\", \"::1\"]}}");
    try {
      Running r = start(config);
      WebClient c = WebClient.create(r.vertx());
      JsonObject rule =
          new JsonObject()
              .put("name", "calls to exterminate")
              .put("query", "exterminate OR massacre")
              .put("minIncitement", 0.1)
              .put(
                  "webhook",
                  new JsonObject()
                      .put("url", "http://127.0.0.1:" + receiver.server.actualPort() + "/hook")
                      .put("secret", SECRET));
      HttpResponse<Buffer> created =
          post(r, c, "/api/v1/alerts/rules", "application/json", rule.encode());
      assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
      assertThat(created.bodyAsString()).doesNotContain(SECRET);

      receiver.failFirst.set(2);
      receiver.hangNext.set(1);
      HttpResponse<Buffer> ingest =
          post(
              r,
              c,
              "/api/v1/posts",
              "application/x-ndjson",
              jsonl("hit-", 1, 3, INCITING) + jsonl("miss-", 1, 2, BENIGN) + "{broken\n");
      assertThat(ingest.statusCode()).as(ingest.bodyAsString()).isEqualTo(202);
      assertThat(ingest.bodyAsJsonObject().getInteger("accepted")).isEqualTo(5);
      assertThat(ingest.bodyAsJsonObject().getJsonArray("errors").getString(0))
          .startsWith("line 6:");
      receiver.expect(3).get(30, TimeUnit.SECONDS);

      // restart while the receiver is down: nothing raised meanwhile may be lost
      stop(r);
      receiver.failFirst.set(3);
      r = start(config);
      c = WebClient.create(r.vertx());
      assertThat(
              post(r, c, "/api/v1/posts", "application/x-ndjson", jsonl("hit-", 4, 5, INCITING))
                  .statusCode())
          .isEqualTo(202);
      receiver.expect(5).get(30, TimeUnit.SECONDS);
      assertThat(receiver.ids).hasSize(5);
      // at-least-once: any repeat carries the same id as the first delivery
      assertThat(Set.copyOf(receiver.deliveries)).isEqualTo(receiver.ids);

      HttpResponse<Buffer> list =
          c.get(r.port(), "127.0.0.1", "/api/v1/alerts?since=0")
              .putHeader("Authorization", "Bearer " + r.token())
              .send()
              .await();
      JsonArray alerts = list.bodyAsJsonObject().getJsonArray("alerts");
      assertThat(alerts).hasSize(5);
      JsonObject first = alerts.getJsonObject(0);
      assertThat(first.getJsonObject("evidence").getLong("seq")).isPositive();
      assertThat(first.getJsonObject("score").getDouble("incitement")).isGreaterThan(0.1);
      assertThat(first.getJsonArray("reasons").encode()).contains("matches query");
      assertThat(first.getJsonObject("score").getJsonObject("explanation").getJsonArray("tokens"))
          .isNotEmpty();
      stop(r);
    } finally {
      receiverVertx.close().await();
    }
  }

  @Test
  void streamResumesFromLastEventIdAndCarriesLiveAlerts() throws Exception {
    Path config = dir.resolve("tocsin.json");
    Files.writeString(config, "{\"http\": {\"port\": 0}}");
    Running r = start(config);
    try {
      WebClient c = WebClient.create(r.vertx());
      post(
          r,
          c,
          "/api/v1/alerts/rules",
          "application/json",
          new JsonObject().put("name", "incitement").put("minIncitement", 0.1).encode());
      post(r, c, "/api/v1/posts", "application/x-ndjson", jsonl("s-", 1, 3, INCITING));

      HttpClient http = r.vertx().createHttpClient();
      StringBuilder got = new StringBuilder();
      CompletableFuture<String> done = new CompletableFuture<>();
      http.request(
              new RequestOptions()
                  .setMethod(HttpMethod.GET)
                  .setHost("127.0.0.1")
                  .setPort(r.port())
                  .setURI("/api/v1/alerts/stream")
                  .addHeader("Authorization", "Bearer " + r.token())
                  .addHeader("Last-Event-ID", "2"))
          .compose(req -> req.send())
          .onSuccess(
              res -> {
                assertThat(res.getHeader("Content-Type")).startsWith("text/event-stream");
                res.handler(
                    chunk -> {
                      synchronized (got) {
                        got.append(chunk.toString(StandardCharsets.UTF_8));
                        if (got.indexOf("id: 4\n") >= 0) {
                          done.complete(got.toString());
                        }
                      }
                    });
              })
          .onFailure(done::completeExceptionally);
      // a live alert after the replay
      post(r, c, "/api/v1/posts", "application/x-ndjson", jsonl("s-", 4, 4, INCITING));
      String events = done.get(20, TimeUnit.SECONDS);
      assertThat(events)
          .doesNotContain("id: 1\n")
          .doesNotContain("id: 2\n")
          .contains("id: 3\n")
          .contains("event: alert");
    } finally {
      stop(r);
    }
  }

  @Test
  void badRulesAndIngestsAreRefused() throws Exception {
    Path config = dir.resolve("tocsin.json");
    Files.writeString(config, "{\"http\": {\"port\": 0}}");
    Running r = start(config);
    try {
      WebClient c = WebClient.create(r.vertx());
      List<String[]> cases = new ArrayList<>();
      cases.add(new String[] {"{\"name\": \"nothing\"}", "400", "invalid_body"});
      cases.add(new String[] {"{\"name\": \"q\", \"query\": \"text:(\"}", "400", "invalid_query"});
      cases.add(new String[] {"{\"name\": \"q\", \"minHate\": 3}", "400", "invalid_body"});
      cases.add(
          new String[] {
            "{\"name\": \"w\", \"minHate\": 0.5, \"webhook\": {\"url\": \"ftp://x/\", \"secret\": \"0123456789abcdef\"}}",
            "400",
            "invalid_body"
          });
      cases.add(
          new String[] {
            "{\"name\": \"w\", \"minHate\": 0.5, \"webhook\": {\"url\": \"http://x/\", \"secret\": \"short\"}}",
            "400",
            "invalid_body"
          });
      cases.add(new String[] {"[1]", "400", "invalid_body"});
      for (String[] k : cases) {
        HttpResponse<Buffer> res = post(r, c, "/api/v1/alerts/rules", "application/json", k[0]);
        assertThat(res.statusCode())
            .as(k[0] + " -> " + res.bodyAsString())
            .isEqualTo(Integer.parseInt(k[1]));
        assertThat(res.bodyAsJsonObject().getString("code")).isEqualTo(k[2]);
      }
      assertThat(post(r, c, "/api/v1/posts", "text/plain", "x").statusCode()).isEqualTo(415);
      assertThat(post(r, c, "/api/v1/posts", "application/x-ndjson", "{broken\n").statusCode())
          .isEqualTo(400);
      HttpResponse<Buffer> badResume =
          c.get(r.port(), "127.0.0.1", "/api/v1/alerts/stream")
              .putHeader("Authorization", "Bearer " + r.token())
              .putHeader("Last-Event-ID", "yesterday")
              .send()
              .await();
      assertThat(badResume.statusCode()).isEqualTo(400);
    } finally {
      stop(r);
    }
  }
}
