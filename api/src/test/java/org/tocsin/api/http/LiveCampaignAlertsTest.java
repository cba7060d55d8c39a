package org.tocsin.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.core.post.Post;
import org.tocsin.node.PipelineVerticle;
import org.tocsin.node.TocsinNode;
import org.tocsin.node.campaigns.CampaignService;
import org.tocsin.node.config.TocsinConfig;
import org.tocsin.node.keys.ApiKeyStore;
import org.tocsin.node.keys.Role;
import org.tocsin.testkit.RealPosts;

/**
 * Live campaigns end to end on loopback: real posts from the testkit sample arrive over the API,
 * with a link-pushing campaign among them that grows in two steps; the node's streaming detector
 * finds it, keeps its id as it grows, shows it under {@code live} with evidence-backed edges, and a
 * campaign rule raises one alert per growth step through the outbox to a signed webhook and the SSE
 * stream. Posts sent again raise nothing twice.
 */
class LiveCampaignAlertsTest {
  private static final String SECRET = "a-webhook-secret-of-some-length";
  private static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");

  @TempDir Path dir;

  private record Running(Vertx vertx, TocsinNode node, int port, String token) {}

  private Running start() throws Exception {
    Path config = dir.resolve("tocsin.json");
    Files.writeString(
        config,
        "{\"http\": {\"port\": 0}, \"alerts\": {\"webhookBackoffMillis\": 20},"
            + " \"nlp\": {\"scorer\": \"lexicon\"},"
            + " \"security\": {\"outboundAllow\": [\"127.0.0.0/8\", \"::1\"]}}"); // the receiver is
    // on loopback
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

  private static HttpResponse<Buffer> post(
      Running r, WebClient c, String uri, String type, String b) {
    return c.post(r.port(), "127.0.0.1", uri)
        .putHeader("Authorization", "Bearer " + r.token())
        .putHeader("Content-Type", type)
        .sendBuffer(Buffer.buffer(b))
        .await();
  }

  private static JsonObject get(Running r, WebClient c, String uri) {
    HttpResponse<Buffer> res =
        c.get(r.port(), "127.0.0.1", uri)
            .putHeader("Authorization", "Bearer " + r.token())
            .send()
            .await();
    assertThat(res.statusCode()).as(uri + " -> " + res.bodyAsString()).isEqualTo(200);
    return res.bodyAsJsonObject();
  }

  /**
   * Real texts by organic accounts one minute apart, and {@code accounts} campaign accounts that
   * each post a real text with the same link, two rounds two minutes apart, seconds apart within a
   * round.
   */
  private static String posts(List<Post> real, int from, int accounts, long startSeconds) {
    StringBuilder sb = new StringBuilder();
    int n = from;
    for (int round = 0; round < 2; round++) {
      for (int a = 1; a <= accounts; a++) {
        Post text = real.get(n % real.size());
        sb.append(
                new JsonObject()
                    .put("platform", "test")
                    .put("id", "c-" + n++)
                    .put("author", new JsonObject().put("id", "pusher-" + a))
                    .put("createdAt", T0.plusSeconds(startSeconds + round * 120L + a).toString())
                    .put("text", text.text())
                    .put("links", new JsonArray().add("https://push.example/story-" + round))
                    .encode())
            .append('\n');
        Post organic = real.get((n + 97) % real.size());
        sb.append(
                new JsonObject()
                    .put("platform", "test")
                    .put("id", "o-" + n)
                    .put("author", new JsonObject().put("id", "organic-" + n))
                    .put("createdAt", T0.plusSeconds(startSeconds + round * 120L + 30).toString())
                    .put("text", organic.text())
                    .encode())
            .append('\n');
      }
    }
    return sb.toString();
  }

  @Test
  void aGrowingCampaignIsLiveWithAStableIdAndAlertsOncePerGrowthStep() throws Exception {
    List<Post> real = RealPosts.sample();
    Vertx receiverVertx = Vertx.vertx();
    AlertsTest.Receiver receiver = new AlertsTest.Receiver();
    receiver.start(receiverVertx);
    Running r = start();
    try {
      WebClient c = WebClient.create(r.vertx());
      JsonObject rule =
          new JsonObject()
              .put("name", "coordinated link pushing")
              .put(
                  "campaign",
                  new JsonObject()
                      .put("minAccounts", 3)
                      .put("events", new JsonArray().add("NEW").add("GROWN").add("MERGED")))
              .put(
                  "webhook",
                  new JsonObject()
                      .put("url", "http://127.0.0.1:" + receiver.server.actualPort() + "/hook")
                      .put("secret", SECRET));
      HttpResponse<Buffer> created =
          post(r, c, "/api/v1/alerts/rules", "application/json", rule.encode());
      assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
      assertThat(created.bodyAsJsonObject().getJsonObject("campaign").getInteger("minAccounts"))
          .isEqualTo(3);
      // a campaign rule that this campaign never reaches
      post(
          r,
          c,
          "/api/v1/alerts/rules",
          "application/json",
          new JsonObject()
              .put("name", "huge campaigns")
              .put("campaign", new JsonObject().put("minAccounts", 50))
              .encode());

      // three accounts push a link twice: a NEW campaign of 3
      String first = posts(real, 0, 3, 0);
      assertThat(post(r, c, "/api/v1/posts", "application/x-ndjson", first).statusCode())
          .isEqualTo(202);
      receiver.expect(1).get(30, TimeUnit.SECONDS);

      // five accounts (the three and two more) push another link twice, ten minutes later
      String second = posts(real, 100, 5, 600);
      assertThat(post(r, c, "/api/v1/posts", "application/x-ndjson", second).statusCode())
          .isEqualTo(202);
      // one alert per growth step: pusher-4 joins, then pusher-5
      receiver.expect(3).get(30, TimeUnit.SECONDS);

      JsonArray alerts = get(r, c, "/api/v1/alerts?since=0").getJsonArray("alerts");
      assertThat(alerts).hasSize(3);
      JsonObject born = alerts.getJsonObject(0);
      JsonObject four = alerts.getJsonObject(1);
      JsonObject grown = alerts.getJsonObject(2);
      assertThat(four.getJsonObject("campaign").getInteger("accounts")).isEqualTo(4);
      assertThat(four.getJsonObject("campaign").getJsonArray("newAccounts").getList())
          .containsExactly("pusher-4");
      String id = born.getJsonObject("campaign").getString("id");
      assertThat(born.getJsonObject("campaign").getString("event")).isEqualTo("NEW");
      assertThat(born.getJsonObject("campaign").getInteger("accounts")).isEqualTo(3);
      assertThat(grown.getJsonObject("campaign").getString("event")).isEqualTo("GROWN");
      assertThat(grown.getJsonObject("campaign").getString("id")).isEqualTo(id);
      assertThat(grown.getJsonObject("campaign").getInteger("accounts")).isEqualTo(5);
      assertThat(grown.getJsonObject("campaign").getJsonArray("newAccounts").getList())
          .containsExactly("pusher-5");
      assertThat(four.getJsonObject("campaign").getString("id")).isEqualTo(id);
      assertThat(receiver.ids)
          .containsExactlyInAnyOrder(
              born.getString("id"), four.getString("id"), grown.getString("id"));
      // the alert's post is the campaign post whose arrival completed the step, with its evidence
      assertThat(grown.getJsonObject("post").getString("id")).startsWith("c-");
      assertThat(grown.getJsonObject("evidence").getLong("seq")).isPositive();
      assertThat(grown.getJsonArray("reasons").encode()).contains(id).contains("GROWN");

      // the live view: the campaign with its five accounts and evidence-backed edges
      JsonObject live = get(r, c, "/api/v1/campaigns").getJsonObject("live");
      assertThat(live.getLong("postsSeen")).isEqualTo(32);
      JsonObject summary = live.getJsonArray("campaigns").getJsonObject(0);
      assertThat(summary.getString("id")).isEqualTo(id);
      assertThat(summary.getString("source")).isEqualTo("live");
      assertThat(summary.getJsonArray("accounts").getList())
          .containsExactlyInAnyOrder("pusher-1", "pusher-2", "pusher-3", "pusher-4", "pusher-5");
      assertThat(summary.getInteger("postCount")).isEqualTo(16);
      assertThat(summary.getJsonObject("signals").getInteger("url")).isPositive();
      JsonObject detail = get(r, c, "/api/v1/campaigns/" + id);
      assertThat(detail.getString("source")).isEqualTo("live");
      assertThat(
              detail.getJsonArray("events").stream().map(e -> ((JsonObject) e).getString("type")))
          .containsExactly("NEW", "GROWN", "GROWN");
      JsonArray edges = detail.getJsonArray("edges");
      assertThat(edges).isNotEmpty();
      Set<Long> seqs = new HashSet<>();
      for (Object o : edges) {
        JsonObject e = (JsonObject) o;
        assertThat(e.getInteger("weight")).isGreaterThanOrEqualTo(2);
        JsonObject url = e.getJsonArray("signals").getJsonObject(0);
        assertThat(url.getString("signal")).isEqualTo("url");
        assertThat(url.getJsonArray("objects").encode()).contains("push.example/story-");
        for (Object p : e.getJsonArray("posts")) {
          JsonObject ev = ((JsonObject) p).getJsonObject("evidence");
          assertThat(ev.getString("sha256")).hasSize(64);
          seqs.add(ev.getLong("seq"));
        }
      }
      // every post ref names a record the ledger holds and the record that holds that post
      for (long seq : seqs) {
        assertThat(seq).isBetween(1L, r.node().ledger().lastSeq());
      }

      // the SSE stream replays the campaign alerts with their campaign
      String sse = sse(r, "1", "id: 3\n");
      assertThat(sse).contains("\"campaign\":{\"id\":\"" + id + "\"");

      // the same posts again (a client retry): no campaign change, no alert
      assertThat(post(r, c, "/api/v1/posts", "application/x-ndjson", second).statusCode())
          .isEqualTo(202);
      assertThat(get(r, c, "/api/v1/alerts?since=0").getJsonArray("alerts")).hasSize(3);
      assertThat(get(r, c, "/api/v1/campaigns/" + id).getJsonArray("events")).hasSize(3);
    } finally {
      r.vertx().close().await();
      r.node().close();
      receiverVertx.close().await();
    }
  }

  @Test
  void badCampaignConditionsAreRefused() throws Exception {
    Running r = start();
    try {
      WebClient c = WebClient.create(r.vertx());
      List<String> bodies = new ArrayList<>();
      bodies.add("{\"name\": \"c\", \"campaign\": \"big\"}");
      bodies.add("{\"name\": \"c\", \"campaign\": {\"minAccounts\": 1}}");
      bodies.add("{\"name\": \"c\", \"campaign\": {\"minAccounts\": 2.5}}");
      bodies.add("{\"name\": \"c\", \"campaign\": {\"minPosts\": -1}}");
      bodies.add("{\"name\": \"c\", \"campaign\": {\"events\": []}}");
      bodies.add("{\"name\": \"c\", \"campaign\": {\"events\": [\"BOOM\"]}}");
      bodies.add("{\"name\": \"c\", \"campaign\": {\"minAcounts\": 3}}");
      for (String b : bodies) {
        HttpResponse<Buffer> res = post(r, c, "/api/v1/alerts/rules", "application/json", b);
        assertThat(res.statusCode()).as(b + " -> " + res.bodyAsString()).isEqualTo(400);
        assertThat(res.bodyAsJsonObject().getString("code")).as(b).isEqualTo("invalid_body");
        assertThat(res.bodyAsJsonObject().getString("detail")).as(b).contains("campaign");
      }
      HttpResponse<Buffer> none =
          c.get(r.port(), "127.0.0.1", "/api/v1/campaigns/nosuch")
              .putHeader("Authorization", "Bearer " + r.token())
              .send()
              .await();
      assertThat(none.statusCode()).isIn(404, 503);
    } finally {
      r.vertx().close().await();
      r.node().close();
    }
  }

  private static String sse(Running r, String lastEventId, String until) throws Exception {
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
                .addHeader("Last-Event-ID", lastEventId))
        .compose(req -> req.send())
        .onSuccess(
            res ->
                res.handler(
                    chunk -> {
                      synchronized (got) {
                        got.append(chunk.toString(StandardCharsets.UTF_8));
                        if (got.indexOf(until) >= 0) {
                          done.complete(got.toString());
                        }
                      }
                    }))
        .onFailure(done::completeExceptionally);
    String s = done.get(20, TimeUnit.SECONDS);
    http.close();
    return s;
  }
}
