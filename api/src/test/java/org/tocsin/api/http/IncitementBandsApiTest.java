package org.tocsin.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.nlp.bands.IncitementBands;
import org.tocsin.node.PipelineVerticle;
import org.tocsin.node.TocsinNode;
import org.tocsin.node.campaigns.CampaignService;
import org.tocsin.node.config.TocsinConfig;
import org.tocsin.node.keys.ApiKeyStore;
import org.tocsin.node.keys.Role;

/**
 * The incitement bands over HTTP on loopback: the band table route, rules on a band (created,
 * listed, refused when the band is unknown or given with minIncitement), and a band rule raising an
 * alert for a call to exterminate but not for a post about aid.
 */
class IncitementBandsApiTest {
  private static final String INCITING =
      "we must exterminate the rohingya vermin tonight, burn their villages";
  private static final String BENIGN = "the rohingya refugee crisis needs aid and shelter";

  @TempDir Path dir;

  @Test
  void bandsAreServedAndRulesUseThem() throws Exception {
    Path config = dir.resolve("tocsin.json");
    Files.writeString(config, "{\"http\": {\"port\": 0}}");
    Vertx vertx = Vertx.vertx();
    TocsinNode node = TocsinNode.open(dir.resolve("data"), TocsinConfig.load(config));
    try {
      String token = ApiKeyStore.open(dir.resolve("data")).create(Role.TRUST, "trust team").token();
      String viewer =
          ApiKeyStore.open(dir.resolve("data")).create(Role.PROSECUTOR, "prosecutor").token();
      ApiVerticle api =
          new ApiVerticle(
              new ApiContext(
                  node,
                  new CampaignService(node, CampaignConfig.defaults()),
                  ApiKeyStore.open(dir.resolve("data"))),
              node.config().http());
      PipelineVerticle.deploy(vertx, node).await();
      vertx.deployVerticle(api).await();
      WebClient c = WebClient.create(vertx);
      int port = api.actualPort();

      // The table, readable by any key.
      HttpResponse<Buffer> res =
          c.get(port, "127.0.0.1", "/api/v1/scoring/bands")
              .putHeader("Authorization", "Bearer " + viewer)
              .send()
              .await();
      assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(200);
      JsonObject table = res.bodyAsJsonObject();
      IncitementBands shipped = IncitementBands.shipped();
      assertThat(table.getString("format")).isEqualTo(IncitementBands.FORMAT);
      assertThat(table.getString("scorer")).isEqualTo(shipped.scorer());
      JsonArray bands = table.getJsonArray("bands");
      assertThat(bands.getJsonObject(2).getString("name")).isEqualTo("high");
      assertThat(bands.getJsonObject(2).getDouble("threshold"))
          .isEqualTo(shipped.threshold("high"));
      assertThat(bands.getJsonObject(2).getJsonObject("test").getJsonArray("precisionInterval"))
          .hasSize(2);
      assertThat(table.getString("runningScorer"))
          .isEqualTo(node.scorer().model() + " v" + node.scorer().version());
      assertThat(table.getBoolean("calibratedForRunningScorer")).isTrue();
      assertThat(c.get(port, "127.0.0.1", "/api/v1/scoring/bands").send().await().statusCode())
          .isEqualTo(401);

      // Bad band rules: 400 problems naming the field.
      String[][] bad = {
        {"{\"name\": \"x\", \"incitementBand\": \"severe\"}", "incitementBand"},
        {"{\"name\": \"x\", \"incitementBand\": \"low\"}", "incitementBand"},
        {"{\"name\": \"x\", \"incitementBand\": 2}", "incitementBand"},
        {"{\"name\": \"x\", \"incitementBand\": \"high\", \"minIncitement\": 0.2}", "not both"},
      };
      for (String[] k : bad) {
        HttpResponse<Buffer> r = postJson(c, port, token, "/api/v1/alerts/rules", k[0]);
        assertThat(r.statusCode()).as(k[0] + " -> " + r.bodyAsString()).isEqualTo(400);
        assertThat(r.getHeader("Content-Type")).startsWith("application/problem+json");
        assertThat(r.bodyAsJsonObject().getString("code")).isEqualTo("invalid_body");
        assertThat(r.bodyAsString()).contains(k[1]);
      }

      // A band rule: created, listed with its band, and raising an alert for the call only.
      HttpResponse<Buffer> created =
          postJson(
              c,
              port,
              token,
              "/api/v1/alerts/rules",
              "{\"name\": \"elevated incitement\", \"incitementBand\": \"elevated\"}");
      assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
      assertThat(created.bodyAsJsonObject().getString("incitementBand")).isEqualTo("elevated");
      assertThat(created.bodyAsJsonObject().containsKey("minIncitement")).isFalse();
      JsonObject rules =
          c.get(port, "127.0.0.1", "/api/v1/alerts/rules")
              .putHeader("Authorization", "Bearer " + token)
              .send()
              .await()
              .bodyAsJsonObject();
      assertThat(rules.getJsonArray("rules").getJsonObject(0).getString("incitementBand"))
          .isEqualTo("elevated");

      CompletableFuture<Void> raised = new CompletableFuture<>();
      node.alerts()
          .addListener(
              batch -> {
                if (!batch.isEmpty()) {
                  raised.complete(null);
                }
              });
      String posts = post("b-1", BENIGN) + post("i-1", INCITING);
      HttpResponse<Buffer> ingested =
          c.post(port, "127.0.0.1", "/api/v1/posts")
              .putHeader("Authorization", "Bearer " + token)
              .putHeader("Content-Type", "application/x-ndjson")
              .sendBuffer(Buffer.buffer(posts))
              .await();
      assertThat(ingested.statusCode()).as(ingested.bodyAsString()).isLessThan(300);
      raised.get(60, TimeUnit.SECONDS);
      // Posts are checked in ledger order: the benign one, sent first, was checked by now.
      JsonArray alerts =
          c.get(port, "127.0.0.1", "/api/v1/alerts")
              .putHeader("Authorization", "Bearer " + token)
              .send()
              .await()
              .bodyAsJsonObject()
              .getJsonArray("alerts");
      assertThat(alerts).as("the call to exterminate raises an alert").hasSize(1);
      JsonObject alert = alerts.getJsonObject(0);
      assertThat(alert.getJsonObject("post").getString("id")).isEqualTo("i-1");
      assertThat(alert.getJsonArray("reasons").getString(0))
          .startsWith("incitement (band elevated) ");
      double incitement = alert.getJsonObject("score").getDouble("incitement");
      assertThat(shipped.bandOf(incitement).name()).isIn("elevated", "high");
    } finally {
      vertx.close().await();
      node.close();
    }
  }

  private static String post(String id, String text) {
    return new JsonObject()
            .put("platform", "test")
            .put("id", id)
            .put("author", new JsonObject().put("id", "acct-" + id))
            .put("createdAt", "2026-12-07T00:00:00Z")
            .put("text", text)
            .encode()
        + "\n";
  }

  private static HttpResponse<Buffer> postJson(
      WebClient c, int port, String token, String uri, String body) {
    return c.post(port, "127.0.0.1", uri)
        .putHeader("Authorization", "Bearer " + token)
        .putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer(body))
        .await();
  }
}
