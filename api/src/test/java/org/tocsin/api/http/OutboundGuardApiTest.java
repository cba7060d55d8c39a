package org.tocsin.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
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
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.core.json.Json;
import org.tocsin.node.PipelineVerticle;
import org.tocsin.node.TocsinNode;
import org.tocsin.node.alerts.AlertJson;
import org.tocsin.node.campaigns.CampaignService;
import org.tocsin.node.config.TocsinConfig;
import org.tocsin.node.keys.ApiKeyStore;
import org.tocsin.node.keys.Role;
import org.tocsin.node.sources.SourceManager;

/**
 * Server-side request forgery, on a node with the production default (no outbound allow-list): a
 * loopback "internal service" that must never be reached, webhook and source URLs spelt every way
 * an attacker would, files sources outside their roots, and delivery errors kept from non-admins.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboundGuardApiTest {
  private static final String SECRET = "0123456789abcdef0123";
  private static final String UA = "Tocsin/0.1 (+https://tocsin.example; ops@tocsin.example)";

  private Vertx vertx;
  private TocsinNode node;
  private WebClient client;
  private int port;
  private String admin;
  private String trust;
  private String analyst;
  private HttpServer internal;
  private final AtomicInteger internalHits = new AtomicInteger();
  private Path root;
  private Path outside;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    root = Files.createDirectories(dir.resolve("inbox"));
    outside = Files.createDirectories(dir.resolve("secrets"));
    Files.writeString(outside.resolve("passwd.jsonl"), "root:x:0:0\n");
    vertx = Vertx.vertx();
    internal =
        vertx
            .createHttpServer()
            .requestHandler(
                r -> {
                  internalHits.incrementAndGet();
                  r.response().end("internal");
                })
            .listen(0, "127.0.0.1")
            .await();
    node =
        TocsinNode.open(
            dir.resolve("data"),
            TocsinConfig.defaults().withPort(0).withFileRoots(List.of(root.toString())));
    ApiKeyStore keys = ApiKeyStore.open(dir.resolve("data"));
    admin = keys.create(Role.ADMIN, "ops").token();
    trust = keys.create(Role.TRUST, "trust").token();
    analyst = keys.create(Role.ANALYST, "desk").token();
    SourceManager sources = SourceManager.start(vertx, node).await();
    ApiVerticle api =
        new ApiVerticle(
            new ApiContext(
                node, new CampaignService(node, CampaignConfig.defaults()), keys, sources),
            node.config().http());
    PipelineVerticle.deploy(vertx, node).await();
    vertx.deployVerticle(api).await();
    port = api.actualPort();
    client = WebClient.create(vertx);
  }

  @AfterAll
  void stop() throws Exception {
    vertx.close().await();
    node.close();
  }

  private HttpResponse<Buffer> call(String token, HttpMethod m, String uri, Object body) {
    var req =
        client.request(m, port, "127.0.0.1", uri).putHeader("Authorization", "Bearer " + token);
    if (body == null) {
      return req.send().await();
    }
    return req.putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer(body.toString()))
        .await();
  }

  private static void assertRefused(HttpResponse<Buffer> r, String code) {
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(400);
    assertThat(r.getHeader("Content-Type")).isEqualTo("application/problem+json");
    assertThat(r.bodyAsJsonObject().getString("code")).isEqualTo(code);
  }

  @Test
  void webhooksToInternalAddressesAreRefusedWhateverTheSpelling() {
    int p = internal.actualPort();
    List<String> urls =
        List.of(
            "http://127.0.0.1:" + p + "/hook",
            "http://localhost:" + p + "/hook",
            "http://0.0.0.0:" + p + "/",
            "http://[::1]:" + p + "/",
            "http://[::ffff:127.0.0.1]:" + p + "/",
            "http://2130706433:" + p + "/",
            "http://0x7f.1:" + p + "/",
            "http://017700000001:" + p + "/",
            "http://user:pass@127.0.0.1:" + p + "/",
            "http://169.254.169.254/latest/meta-data/",
            "http://10.0.0.1/",
            "http://100.64.0.1/",
            "http://[fd00::1]/");
    for (String url : urls) {
      JsonObject rule =
          new JsonObject()
              .put("name", "r")
              .put("minHate", 0.5)
              .put("webhook", new JsonObject().put("url", url).put("secret", SECRET));
      HttpResponse<Buffer> r = call(trust, HttpMethod.POST, "/api/v1/alerts/rules", rule);
      assertThat(r.statusCode()).as(url + " " + r.bodyAsString()).isEqualTo(400);
      // numeric spellings java.net.URI reads as no host are refused by the rule's own check
      assertThat(r.bodyAsJsonObject().getString("code"))
          .as(url)
          .isIn("outbound_refused", "invalid_body");
      String detail = r.bodyAsJsonObject().getString("detail");
      if (r.bodyAsJsonObject().getString("code").equals("outbound_refused")) {
        assertThat(detail).as(url).startsWith("webhook.url refused: ");
      }
      if (!url.contains("127.0.0.1")) {
        // the address the name resolved to is not echoed
        assertThat(detail).as(url).doesNotContain("127.0.0.1").doesNotContain("0:0:0:0");
      }
    }
    assertThat(call(trust, HttpMethod.GET, "/api/v1/alerts/rules", null).bodyAsString())
        .doesNotContain("/hook");
    assertThat(internalHits).hasValue(0);
  }

  @Test
  void sourcesAtInternalAddressesAreRefused() {
    for (String url :
        List.of(
            "http://127.0.0.1:" + internal.actualPort() + "/feed.xml",
            "http://localhost:" + internal.actualPort() + "/feed.xml",
            "http://169.254.169.254/latest/meta-data/")) {
      JsonObject source =
          new JsonObject()
              .put("type", "rss")
              .put("name", "internal")
              .put("url", url)
              .put("fetch", new JsonObject().put("userAgent", UA));
      HttpResponse<Buffer> r = call(admin, HttpMethod.POST, "/api/v1/sources", source);
      assertRefused(r, "outbound_refused");
      assertThat(r.bodyAsJsonObject().getString("detail")).contains("security.outboundAllow");
    }
    assertThat(
            call(admin, HttpMethod.GET, "/api/v1/sources", null)
                .bodyAsJsonObject()
                .getJsonArray("sources"))
        .isEmpty();
    assertThat(internalHits).hasValue(0);
  }

  @Test
  void filesSourcesAreConfinedToTheirRoots() throws Exception {
    Path link = root.resolve("escape");
    Files.createSymbolicLink(link, outside);
    for (String dir : List.of(outside.toString(), link.toString(), root + "/../secrets")) {
      JsonObject source =
          new JsonObject().put("type", "files").put("name", "leak").put("directory", dir);
      HttpResponse<Buffer> r = call(admin, HttpMethod.POST, "/api/v1/sources", source);
      assertRefused(r, "invalid_source");
      assertThat(r.bodyAsJsonObject().getString("detail"))
          .as(dir)
          .contains("security.fileRoots")
          .contains("[got " + dir + "]");
    }
    Path inside = Files.createDirectories(root.resolve("drop"));
    HttpResponse<Buffer> ok =
        call(
            admin,
            HttpMethod.POST,
            "/api/v1/sources",
            new JsonObject()
                .put("type", "files")
                .put("name", "drop")
                .put("directory", inside.toString()));
    assertThat(ok.statusCode()).as(ok.bodyAsString()).isEqualTo(201);
    assertThat(call(admin, HttpMethod.DELETE, "/api/v1/sources/drop", null).statusCode())
        .isEqualTo(204);
  }

  @Test
  void deliveryRechecksTheHostAndOnlyAdminsSeeTheError() throws Exception {
    // a rule that never passed the creation check (a rules file from before, or an allow-list
    // entry since removed): delivery is refused all the same, and nothing reaches the service
    String url = "http://127.0.0.1:" + internal.actualPort() + "/hook";
    var rule =
        AlertJson.ruleFromNode(
            Json.mapper()
                .readTree(
                    new JsonObject()
                        .put("name", "old rule")
                        .put("query", "exterminate")
                        .put("webhook", new JsonObject().put("url", url).put("secret", SECRET))
                        .encode()),
            "rule-old",
            Instant.now(),
            "test");
    node.alerts().rules().add(rule);
    String post =
        new JsonObject()
            .put("platform", "test")
            .put("id", "ssrf-1")
            .put("author", new JsonObject().put("id", "a"))
            .put("createdAt", "2026-11-22T00:00:00Z")
            .put("text", "we must exterminate the vermin tonight")
            .encode();
    HttpResponse<Buffer> ingest =
        client
            .post(port, "127.0.0.1", "/api/v1/posts")
            .putHeader("Authorization", "Bearer " + trust)
            .putHeader("Content-Type", "application/x-ndjson")
            .sendBuffer(Buffer.buffer(post + "\n"))
            .await();
    assertThat(ingest.statusCode()).as(ingest.bodyAsString()).isEqualTo(202);

    JsonObject asAdmin = waitForFailure(admin);
    String full = asAdmin.getJsonObject("webhook").getString("lastError");
    assertThat(full).startsWith("outbound_refused: ").contains("loopback");
    JsonObject asAnalyst = ruleAs(analyst);
    String shown = asAnalyst.getJsonObject("webhook").getString("lastError");
    assertThat(shown).isEqualTo("outbound_refused (details are shown to admins)");
    assertThat(asAnalyst.encode()).doesNotContain(Integer.toString(internal.actualPort()) + "]");
    assertThat(internalHits).hasValue(0);
    node.alerts().rules().delete("rule-old");
  }

  private JsonObject ruleAs(String token) {
    JsonArray rules =
        call(token, HttpMethod.GET, "/api/v1/alerts/rules", null)
            .bodyAsJsonObject()
            .getJsonArray("rules");
    return rules.stream()
        .map(JsonObject.class::cast)
        .filter(r -> r.getString("id").equals("rule-old"))
        .findFirst()
        .orElseThrow();
  }

  /** Asks every 50 ms (on a Vert.x timer) until the rule's delivery has failed, up to 30 s. */
  private JsonObject waitForFailure(String token) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      JsonObject r = ruleAs(token);
      JsonObject w = r.getJsonObject("webhook");
      if (w != null && w.getString("lastError") != null) {
        return r;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no delivery failure recorded: " + r);
      }
      Promise<Void> p = Promise.promise();
      vertx.setTimer(50, id -> p.complete());
      Future.await(p.future());
    }
  }
}
