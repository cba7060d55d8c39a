package org.tocsin.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.node.PipelineVerticle;
import org.tocsin.node.TocsinNode;
import org.tocsin.node.campaigns.CampaignService;
import org.tocsin.node.config.TocsinConfig;
import org.tocsin.node.keys.ApiKeyStore;
import org.tocsin.node.keys.Role;
import org.tocsin.node.sources.SourceManager;
import org.tocsin.testkit.fake.FakePlatform;
import org.tocsin.testkit.fixtures.Fixtures;
import org.tocsin.testkit.fixtures.Recording;

/**
 * Admin source management over the API, on real servers: a fake t.me and a fake Atom feed on
 * loopback replaying recorded pages, a node with its ledger and index on disk, sources added,
 * paused, resumed and removed through {@code /api/v1/sources}, and a restart that keeps it all.
 */
class SourceAdminApiTest {
  private static final String UA = "Tocsin/0.1 (+https://tocsin.example; ops@tocsin.example)";
  private static final String PAGE = "/s/topwar_official";

  @TempDir Path dir;

  private Vertx vertx;
  private Vertx fakeVertx;
  private FakePlatform fake;
  private TocsinNode node;
  private SourceManager sources;
  private WebClient client;
  private int port;
  private String admin;
  private String analyst;

  private JsonObject telegram() {
    return new JsonObject()
        .put("type", "telegram")
        .put("name", "tg")
        .put("channel", "topwar_official")
        .put("baseUrl", fake.baseUrl())
        .put("maxBackfillPages", 1)
        .put("pollIntervalMillis", 50)
        .put("intervalMillis", 0);
  }

  private JsonObject feed(String name) {
    return new JsonObject()
        .put("type", "rss")
        .put("name", name)
        .put("url", fake.baseUrl() + "/" + name + ".xml")
        .put("pollIntervalMillis", 50)
        .put("intervalMillis", 0);
  }

  private void open() throws Exception {
    node = TocsinNode.open(dir.resolve("data"), TocsinConfig.load(dir.resolve("tocsin.json")));
    sources = SourceManager.start(vertx, node).await();
    ApiKeyStore keys = ApiKeyStore.open(dir.resolve("data"));
    if (admin == null) {
      admin = keys.create(Role.ADMIN, "ops").token();
      analyst = keys.create(Role.ANALYST, "desk").token();
    }
    ApiVerticle api =
        new ApiVerticle(
            new ApiContext(
                node, new CampaignService(node, CampaignConfig.defaults()), keys, sources),
            node.config().http());
    PipelineVerticle.deploy(vertx, node).await();
    vertx.deployVerticle(api).await();
    port = api.actualPort();
  }

  private void close() throws Exception {
    sources.stop().await();
    vertx.close().await();
    node.close();
  }

  private HttpResponse<Buffer> call(String token, HttpMethod m, String uri, JsonObject body) {
    var req =
        client.request(m, port, "127.0.0.1", uri).putHeader("Authorization", "Bearer " + token);
    return (body == null ? req.send() : req.sendJsonObject(body)).await();
  }

  private JsonArray list() {
    return call(analyst, HttpMethod.GET, "/api/v1/sources", null)
        .bodyAsJsonObject()
        .getJsonArray("sources");
  }

  private long searchTotal(String q) {
    return call(analyst, HttpMethod.GET, "/api/v1/posts/search?limit=1&platform=" + q, null)
        .bodyAsJsonObject()
        .getLong("total");
  }

  /** Asks {@code done} every 50 ms (waiting on a Vert.x timer) for up to 30 s. */
  private void waitFor(String what, BooleanSupplier done) {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "waited for "
                + what
                + "; health "
                + client.get(port, "127.0.0.1", "/health").send().await().bodyAsString()
                + "; sources "
                + list()
                + "; requests "
                + fake.requests().size());
      }
      after(50).await();
    }
  }

  private Future<Void> after(long millis) {
    Promise<Void> p = Promise.promise();
    vertx.setTimer(millis, id -> p.complete());
    return p.future();
  }

  private static void assertProblem(HttpResponse<Buffer> r, int status, String code) {
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
    assertThat(r.getHeader("Content-Type")).isEqualTo("application/problem+json");
    assertThat(r.bodyAsJsonObject().getString("code")).isEqualTo(code);
  }

  @Test
  void adminsAddPauseResumeAndRemoveSourcesAndARestartKeepsIt() throws Exception {
    vertx = Vertx.vertx();
    fakeVertx = Vertx.vertx(); // the platform outlives the node's restart
    fake =
        FakePlatform.create(fakeVertx)
            .replay(
                new Recording(
                    "GET",
                    "https://t.me" + PAGE,
                    200,
                    Map.of("content-type", "text/html; charset=utf-8"),
                    Fixtures.bytes("telegram/any2feed_telegram_preview/full.html")))
            .replay(
                new Recording(
                    "GET",
                    "https://t.me/robots.txt",
                    200,
                    Map.of("content-type", "text/plain"),
                    "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.UTF_8)))
            .fallback(
                200,
                Map.of("content-type", "text/html; charset=utf-8"),
                "<html><body><section class=\"tgme_channel_history\"></section></body></html>"
                    .getBytes(StandardCharsets.UTF_8));
    for (String name : new String[] {"feed", "cfg-feed"}) {
      fake.replay(
          new Recording(
              "GET",
              "http://fake/" + name + ".xml",
              200,
              Map.of("content-type", "application/atom+xml"),
              Fixtures.bytes("feeds/rome/atom_1.0.xml")));
    }
    fake.start().await();
    JsonObject crawler =
        new JsonObject()
            .put("defaults", new JsonObject().put("fetch", new JsonObject().put("userAgent", UA)))
            .put("sources", new JsonArray().add(feed("cfg-feed")));
    Files.writeString(
        dir.resolve("tocsin.json"),
        new JsonObject()
            .put("http", new JsonObject().put("port", 0))
            .put("crawler", crawler)
            // the fake platforms are on loopback
            .put(
                "security",
                new JsonObject()
                    .put("outboundAllow", new JsonArray().add("127.0.0.0/8").add("::1")))
            .encode());
    open();
    client = WebClient.create(vertx);
    try {
      assertThat(list()).hasSize(1);
      // only admins change sources
      assertProblem(
          call(analyst, HttpMethod.POST, "/api/v1/sources", telegram()), 403, "forbidden");
      assertProblem(
          call(analyst, HttpMethod.POST, "/api/v1/sources/cfg-feed/pause", null), 403, "forbidden");
      assertProblem(
          call(analyst, HttpMethod.DELETE, "/api/v1/sources/cfg-feed", null), 403, "forbidden");
      // the config file's readers check an added entry: the problem names the key
      HttpResponse<Buffer> typo =
          call(admin, HttpMethod.POST, "/api/v1/sources", telegram().put("chanel", "x"));
      assertProblem(typo, 400, "invalid_source");
      assertThat(typo.bodyAsJsonObject().getString("detail")).contains("chanel").contains("tg");
      HttpResponse<Buffer> bad =
          call(
              admin,
              HttpMethod.POST,
              "/api/v1/sources",
              telegram().put("pollIntervalMillis", "soon"));
      assertProblem(bad, 400, "invalid_source");
      assertThat(bad.bodyAsJsonObject().getString("detail")).contains("pollIntervalMillis");
      assertProblem(
          call(
              admin,
              HttpMethod.POST,
              "/api/v1/sources",
              new JsonObject().put("type", "gopher").put("name", "g")),
          400,
          "invalid_source");
      // a body without the name the contract requires is refused before the route
      assertProblem(
          call(admin, HttpMethod.POST, "/api/v1/sources", new JsonObject().put("type", "rss")),
          400,
          "invalid_body");
      assertProblem(
          call(admin, HttpMethod.POST, "/api/v1/sources", feed("cfg-feed")), 409, "conflict");
      assertProblem(
          call(admin, HttpMethod.POST, "/api/v1/sources/nope/pause", null), 404, "not_found");
      assertThat(list()).hasSize(1);

      HttpResponse<Buffer> added = call(admin, HttpMethod.POST, "/api/v1/sources", telegram());
      assertThat(added.statusCode()).as(added.bodyAsString()).isEqualTo(201);
      assertThat(added.bodyAsJsonObject().getString("name")).isEqualTo("tg");
      assertThat(added.bodyAsJsonObject().getBoolean("paused")).isFalse();
      assertProblem(call(admin, HttpMethod.POST, "/api/v1/sources", telegram()), 409, "conflict");
      // the channel's posts reach the ledger and the index, and are found through the API
      waitFor("telegram posts searchable", () -> searchTotal("telegram") >= 10);
      assertThat(call(admin, HttpMethod.POST, "/api/v1/sources", feed("feed")).statusCode())
          .isEqualTo(201);
      fake.requested("/feed.xml", 2).await();

      HttpResponse<Buffer> paused = call(admin, HttpMethod.POST, "/api/v1/sources/tg/pause", null);
      assertThat(paused.statusCode()).as(paused.bodyAsString()).isEqualTo(200);
      assertThat(paused.bodyAsJsonObject().getString("state")).isEqualTo("paused");
      assertThat(paused.bodyAsJsonObject().getString("lastSuccess")).isNotNull();
      long tgBefore = fake.requests().stream().filter(r -> r.startsWith(PAGE)).count();
      after(400).await();
      assertThat(fake.requests().stream().filter(r -> r.startsWith(PAGE)).count())
          .as("no request while paused")
          .isEqualTo(tgBefore);
      JsonObject tgStatus = list().getJsonObject(1);
      assertThat(tgStatus.getString("name")).isEqualTo("tg");
      assertThat(tgStatus.getBoolean("paused")).isTrue();

      HttpResponse<Buffer> resumed =
          call(admin, HttpMethod.POST, "/api/v1/sources/tg/resume", null);
      assertThat(resumed.statusCode()).isEqualTo(200);
      assertThat(resumed.bodyAsJsonObject().getString("state")).isNotEqualTo("paused");
      waitFor(
          "telegram polled again",
          () -> fake.requests().stream().filter(r -> r.startsWith(PAGE)).count() > tgBefore);

      // keep: feed paused, tg removed, the config file's cfg-feed removed
      assertThat(call(admin, HttpMethod.POST, "/api/v1/sources/feed/pause", null).statusCode())
          .isEqualTo(200);
      assertThat(call(admin, HttpMethod.DELETE, "/api/v1/sources/tg", null).statusCode())
          .isEqualTo(204);
      assertThat(call(admin, HttpMethod.DELETE, "/api/v1/sources/cfg-feed", null).statusCode())
          .isEqualTo(204);
      assertProblem(call(admin, HttpMethod.DELETE, "/api/v1/sources/tg", null), 404, "not_found");
      assertThat(list())
          .extracting(o -> ((JsonObject) o).getString("name"))
          .containsExactly("feed");
      long tgAfterDelete = fake.requests().stream().filter(r -> r.startsWith(PAGE)).count();
      long captured = searchTotal("telegram");
      after(300).await();
      assertThat(fake.requests().stream().filter(r -> r.startsWith(PAGE)).count())
          .isEqualTo(tgAfterDelete);
      // what a removed source captured stays in the ledger and the index
      assertThat(captured).isGreaterThanOrEqualTo(10);
    } finally {
      close();
    }

    vertx = Vertx.vertx();
    int feedAsked = fake.count("/feed.xml");
    int cfgAsked = fake.count("/cfg-feed.xml");
    open();
    client = WebClient.create(vertx);
    try {
      JsonArray after = list();
      assertThat(after).hasSize(1);
      assertThat(after.getJsonObject(0).getString("name")).isEqualTo("feed");
      assertThat(after.getJsonObject(0).getString("state")).isEqualTo("paused");
      assertThat(sources.sources().connectors()).isEmpty();
      waitFor("telegram posts searchable", () -> searchTotal("telegram") >= 10);
      HttpResponse<Buffer> resumed =
          call(admin, HttpMethod.POST, "/api/v1/sources/feed/resume", null);
      assertThat(resumed.statusCode()).isEqualTo(200);
      assertThat(list().getJsonObject(0).getBoolean("paused")).isFalse();
      assertThat(sources.sources().connectors()).hasSize(1);
      fake.requested("/feed.xml", feedAsked + 1).await();
      assertThat(fake.count("/cfg-feed.xml"))
          .as("a removed config source stays removed")
          .isEqualTo(cfgAsked);
    } finally {
      close();
      fakeVertx.close().await();
    }
  }
}
