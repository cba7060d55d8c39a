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
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
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
 * A volume-change rule on a real node: posts matching its query arrive over the API; below the
 * minimum nothing is raised, the post that reaches it raises one alert carrying the window counts
 * and example EvidenceRefs, more posts in the same window raise nothing new (one alert per rule and
 * window); the alert reaches a signed webhook on loopback and the SSE stream.
 */
class VolumeAlertsTest {
  private static final String SECRET = "volume-webhook-secret-0123";
  private static final int WINDOW = 86_400;

  @TempDir Path dir;

  @Test
  void aSpikeRaisesOneAlertPerWindowWithCountsAndEvidence() throws Exception {
    Path config = dir.resolve("tocsin.json");
    Files.writeString(
        config,
        "{\"http\": {\"port\": 0}, \"alerts\": {\"webhookBackoffMillis\": 20},"
            + " \"security\": {\"outboundAllow\": [\"127.0.0.0/8\", \"::1\"]}}"); // the receiver is
    // on loopback
    Vertx vertx = Vertx.vertx();
    TocsinNode node = TocsinNode.open(dir.resolve("data"), TocsinConfig.load(config));
    List<JsonObject> delivered = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> hooked = new CompletableFuture<>();
    HttpServer receiver =
        vertx
            .createHttpServer()
            .requestHandler(
                req ->
                    req.body()
                        .onSuccess(
                            body -> {
                              String sig =
                                  "sha256=" + WebhookDispatcher.hmac(SECRET, body.getBytes());
                              if (!sig.equals(req.getHeader("X-Tocsin-Signature"))) {
                                req.response().setStatusCode(401).end();
                                return;
                              }
                              delivered.add(new JsonObject(body));
                              req.response().setStatusCode(204).end();
                              hooked.complete(null);
                            }));
    receiver.listen(0, "127.0.0.1").await();
    long window = Instant.now().getEpochSecond() / WINDOW;
    try {
      ApiKeyStore keys = ApiKeyStore.open(dir.resolve("data"));
      String token = keys.create(Role.TRUST, "trust team").token();
      ApiVerticle api =
          new ApiVerticle(
              new ApiContext(node, new CampaignService(node, CampaignConfig.defaults()), keys),
              node.config().http());
      PipelineVerticle.deploy(vertx, node).await();
      vertx.deployVerticle(api).await();
      WebClient c = WebClient.create(vertx);
      int port = api.actualPort();
      JsonObject rule =
          new JsonObject()
              .put("name", "surge of extermination talk")
              .put("query", "exterminate")
              .put(
                  "volumeChange",
                  new JsonObject()
                      .put("windowSeconds", WINDOW)
                      .put("baselineWindows", 3)
                      .put("factor", 2)
                      .put("minPosts", 5))
              .put(
                  "webhook",
                  new JsonObject()
                      .put("url", "http://127.0.0.1:" + receiver.actualPort() + "/hook")
                      .put("secret", SECRET));
      HttpResponse<Buffer> created = post(c, port, token, "/api/v1/alerts/rules", rule.encode());
      assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
      assertThat(created.bodyAsJsonObject().getJsonObject("volumeChange").getInteger("minPosts"))
          .isEqualTo(5);

      ingest(c, port, token, "a-", 1, 4, "we will exterminate them all");
      ingest(c, port, token, "b-", 1, 6, "a quiet day at the market");
      assertThat(alerts(c, port, token)).isEmpty(); // four matching posts: under the minimum

      ingest(c, port, token, "a-", 5, 6, "exterminate the vermin now");
      JsonArray raised = alerts(c, port, token);
      assertThat(raised).hasSize(1);
      JsonObject alert = raised.getJsonObject(0);
      JsonObject volume = alert.getJsonObject("volume");
      assertThat(volume.getLong("count")).isEqualTo(6);
      assertThat(volume.getJsonArray("baseline").getList()).containsExactly(0, 0, 0);
      assertThat(Instant.parse(volume.getString("windowStart")).getEpochSecond())
          .isEqualTo(window * WINDOW);
      JsonArray examples = volume.getJsonArray("examples");
      assertThat(examples).hasSize(5);
      for (Object e : examples) {
        JsonObject ex = (JsonObject) e;
        assertThat(ex.getString("id")).startsWith("a-");
        assertThat(ex.getJsonObject("evidence").getString("sha256")).hasSize(64);
        assertThat(ex.getJsonObject("evidence").getLong("seq")).isPositive();
      }
      assertThat(alert.getJsonObject("post").getString("id")).isEqualTo("a-6");
      assertThat(alert.getJsonArray("reasons").getString(0)).contains("6 posts");

      // the same window: more posts raise nothing new, however the node re-evaluates it
      ingest(c, port, token, "a-", 7, 9, "exterminate, exterminate");
      node.alerts().evaluateWindows(Instant.now());
      assertThat(alerts(c, port, token)).hasSize(1);

      hooked.get(30, TimeUnit.SECONDS);
      assertThat(delivered).hasSize(1);
      assertThat(delivered.get(0).getString("id")).isEqualTo(alert.getString("id"));
      assertThat(delivered.get(0).getJsonObject("volume").getLong("count")).isEqualTo(6);

      String events = firstEvent(vertx, port, token);
      assertThat(events).contains("id: 1\n").contains("\"volume\"").contains(alert.getString("id"));
    } finally {
      vertx.close().await();
      node.close();
    }
    // a run that straddles midnight UTC splits the posts over two windows
    Assumptions.assumeTrue(Instant.now().getEpochSecond() / WINDOW == window);
  }

  private static HttpResponse<Buffer> post(
      WebClient c, int port, String token, String uri, String json) {
    return c.post(port, "127.0.0.1", uri)
        .putHeader("Authorization", "Bearer " + token)
        .putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer(json))
        .await();
  }

  private static void ingest(
      WebClient c, int port, String token, String prefix, int from, int to, String text) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i <= to; i++) {
      sb.append(
              new JsonObject()
                  .put("platform", "test")
                  .put("id", prefix + i)
                  .put("author", new JsonObject().put("id", "acct-" + prefix + i))
                  .put("createdAt", "2026-11-22T00:00:00Z")
                  .put("text", text)
                  .encode())
          .append('\n');
    }
    HttpResponse<Buffer> r =
        c.post(port, "127.0.0.1", "/api/v1/posts")
            .putHeader("Authorization", "Bearer " + token)
            .putHeader("Content-Type", "application/x-ndjson")
            .sendBuffer(Buffer.buffer(sb.toString()))
            .await();
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(202);
  }

  private static JsonArray alerts(WebClient c, int port, String token) {
    return c.get(port, "127.0.0.1", "/api/v1/alerts")
        .putHeader("Authorization", "Bearer " + token)
        .send()
        .await()
        .bodyAsJsonObject()
        .getJsonArray("alerts");
  }

  private static String firstEvent(Vertx vertx, int port, String token) throws Exception {
    HttpClient http = vertx.createHttpClient();
    StringBuilder got = new StringBuilder();
    CompletableFuture<String> done = new CompletableFuture<>();
    http.request(
            new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost("127.0.0.1")
                .setPort(port)
                .setURI("/api/v1/alerts/stream")
                .addHeader("Authorization", "Bearer " + token)
                .addHeader("Last-Event-ID", "0"))
        .compose(req -> req.send())
        .onSuccess(
            res ->
                res.handler(
                    chunk -> {
                      synchronized (got) {
                        got.append(chunk.toString(StandardCharsets.UTF_8));
                        if (got.indexOf("id: 1\n") >= 0 && got.toString().endsWith("\n\n")) {
                          done.complete(got.toString());
                        }
                      }
                    }))
        .onFailure(done::completeExceptionally);
    return done.get(20, TimeUnit.SECONDS);
  }
}
