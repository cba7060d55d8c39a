package org.tocsin.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.core.post.Post;
import org.tocsin.node.ImportListener;
import org.tocsin.node.PipelineVerticle;
import org.tocsin.node.TocsinNode;
import org.tocsin.node.campaigns.CampaignService;
import org.tocsin.node.config.TocsinConfig;
import org.tocsin.node.keys.ApiKeyStore;
import org.tocsin.node.keys.Role;
import org.tocsin.testkit.HostilePosts;
import org.tocsin.testkit.RealPosts;
import org.tocsin.testkit.TestNodes;

/** The API on a real server (loopback, port 0) over a node holding real imported posts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiServerTest {
  private TocsinNode node;
  private Vertx vertx;
  private WebClient client;
  private int port;
  private final List<Post> posts = new ArrayList<>();
  private final java.util.Map<Role, String> tokens = new java.util.EnumMap<>(Role.class);
  private ApiKeyStore keys;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    posts.addAll(RealPosts.sample());
    posts.addAll(HostilePosts.all());
    posts.addAll(injectedCampaign(RealPosts.sample().get(10), RealPosts.sample().get(20)));
    node = TocsinNode.open(dir.resolve("data"), TocsinConfig.defaults().withPort(0));
    node.importer()
        .importFile(TestNodes.writeJsonl(dir.resolve("p.jsonl"), posts), ImportListener.NONE);
    vertx = Vertx.vertx();
    CampaignService campaigns = new CampaignService(node, CampaignConfig.defaults());
    campaigns.rebuild();
    keys = ApiKeyStore.open(dir.resolve("data"));
    for (Role r : Role.values()) {
      tokens.put(r, keys.create(r, "test " + r.jsonName()).token());
    }
    // a crawler with no sources, so that admins may add some
    org.tocsin.node.sources.SourceManager sources =
        org.tocsin.node.sources.SourceManager.start(vertx, node).await();
    ApiVerticle api =
        new ApiVerticle(new ApiContext(node, campaigns, keys, sources), node.config().http());
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

  private HttpResponse<Buffer> get(String uri) {
    return as(Role.ANALYST, HttpMethod.GET, uri, null);
  }

  private HttpResponse<Buffer> as(Role role, HttpMethod method, String uri, JsonObject body) {
    var req = client.request(method, port, "127.0.0.1", uri);
    if (role != null) {
      req.putHeader("Authorization", "Bearer " + tokens.get(role));
    }
    return (body == null ? req.send() : req.sendJsonObject(body)).await();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static void assertProblem(HttpResponse<Buffer> r, int status, String code) {
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
    assertThat(r.getHeader("Content-Type")).isEqualTo("application/problem+json");
    JsonObject body = r.bodyAsJsonObject();
    assertThat(body.getInteger("status")).isEqualTo(status);
    assertThat(body.getString("code")).isEqualTo(code);
    assertThat(body.getString("type")).isEqualTo("urn:tocsin:problem:" + code);
    assertThat(body.getString("title")).isNotBlank();
    assertThat(body.getString("detail")).isNotBlank();
  }

  @Test
  void healthReportsLedgerAndIndexInStep() {
    HttpResponse<Buffer> r = get("/health");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject h = r.bodyAsJsonObject();
    assertThat(h.getString("status")).isEqualTo("up");
    // the trained classifier scores posts; the lexicon adds targets and the Rabat factors
    assertThat(h.getJsonObject("scorer").getString("model")).isEqualTo("tocsin-hate-3way");
    assertThat(h.getJsonObject("ledger").getLong("lastSeq")).isGreaterThanOrEqualTo(posts.size());
    // the imported posts, plus any that other tests of this class ingest over the API
    assertThat(h.getJsonObject("index").getLong("posts")).isGreaterThanOrEqualTo(posts.size());
    assertThat(h.getJsonObject("index").getLong("lag")).isZero();
  }

  @Test
  void searchFindsAnImportedPostWithScoreAndEvidence() {
    Post target = posts.get(7);
    String word = longestWord(target.text());
    HttpResponse<Buffer> r = get("/api/v1/posts/search?limit=100&q=" + enc("\"" + word + "\""));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    JsonObject body = r.bodyAsJsonObject();
    assertThat(body.getLong("total")).isPositive();
    JsonArray hits = body.getJsonArray("hits");
    JsonObject hit = null;
    for (int i = 0; i < hits.size(); i++) {
      JsonObject h = hits.getJsonObject(i);
      if (h.getJsonObject("post").getString("id").equals(target.id())) {
        hit = h;
      }
    }
    assertThat(hit).as("hit for %s in %s", target.id(), body).isNotNull();
    assertThat(hit.getJsonObject("post").getString("text")).isEqualTo(target.text());
    assertThat(hit.getJsonObject("score").getString("model")).isNotBlank();
    assertThat(hit.getJsonObject("evidence").getLong("seq")).isEqualTo(8);
    assertThat(hit.getJsonObject("evidence").getString("sha256")).hasSize(64);
  }

  @Test
  void filtersSortsCursorsFacetsAndHistogramsAgree() {
    JsonObject all = get("/api/v1/posts/search?label=hate&limit=100").bodyAsJsonObject();
    long hate = all.getLong("total");
    assertThat(hate).isPositive();
    all.getJsonArray("hits")
        .forEach(
            h ->
                assertThat(((JsonObject) h).getJsonObject("score").getString("label"))
                    .isEqualTo("hate"));
    // facets over the same filter count the same posts
    JsonObject facets =
        get("/api/v1/stats/facets?label=hate&facets=label,platform").bodyAsJsonObject();
    assertThat(facets.getLong("total")).isEqualTo(hate);
    assertThat(
            facets
                .getJsonObject("facets")
                .getJsonObject("label")
                .getJsonArray("top")
                .getJsonObject(0)
                .getLong("count"))
        .isEqualTo(hate);
    // a daily histogram's buckets sum to the filtered total
    JsonObject histo =
        get("/api/v1/stats/histogram?label=hate&from=2010-01-01&to=2021-01-01&interval=day")
            .bodyAsJsonObject();
    long sum = 0;
    for (Object b : histo.getJsonArray("buckets")) {
      sum += ((JsonObject) b).getLong("count");
    }
    assertThat(sum).isEqualTo(hate);
    // sorting by incitement puts the highest first
    JsonArray byIncitement =
        get("/api/v1/posts/search?sort=incitement&limit=5").bodyAsJsonObject().getJsonArray("hits");
    double prev = 1;
    for (Object h : byIncitement) {
      double v = ((JsonObject) h).getJsonObject("score").getDouble("incitement");
      assertThat(v).isLessThanOrEqualTo(prev);
      prev = v;
    }
    // cursor paging walks on without repeating
    JsonObject page1 = get("/api/v1/posts/search?sort=newest&limit=10").bodyAsJsonObject();
    String cursor = page1.getString("nextCursor");
    assertThat(cursor).isNotBlank();
    JsonObject page2 =
        get("/api/v1/posts/search?sort=newest&limit=10&cursor=" + enc(cursor)).bodyAsJsonObject();
    JsonObject offset2 =
        get("/api/v1/posts/search?sort=newest&limit=10&offset=10").bodyAsJsonObject();
    assertThat(page2.getJsonArray("hits").encode())
        .isEqualTo(offset2.getJsonArray("hits").encode());
  }

  @Test
  void aHistogramWithoutARangeCoversTheMatchingPosts() {
    long hate =
        get("/api/v1/posts/search?label=hate&exactTotal=true").bodyAsJsonObject().getLong("total");
    String oldest =
        get("/api/v1/posts/search?label=hate&sort=oldest&limit=1")
            .bodyAsJsonObject()
            .getJsonArray("hits")
            .getJsonObject(0)
            .getJsonObject("post")
            .getString("createdAt");
    HttpResponse<Buffer> r = get("/api/v1/stats/histogram?label=hate&split=target");
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    JsonObject h = r.bodyAsJsonObject();
    assertThat(h.getBoolean("rangeFromData")).isTrue();
    assertThat(h.getLong("total")).isEqualTo(hate);
    long sum = 0;
    for (Object b : h.getJsonArray("buckets")) {
      sum += ((JsonObject) b).getLong("count");
    }
    assertThat(sum).isEqualTo(hate);
    assertThat(h.getString("from").substring(0, 10)).isEqualTo(oldest.substring(0, 10));
    // only one end given: the other comes from the data
    JsonObject half = get("/api/v1/stats/histogram?label=hate&from=2000-01-01").bodyAsJsonObject();
    assertThat(half.getLong("total")).isEqualTo(hate);
    assertThat(half.getString("from")).startsWith("2000-01-01");
    // nothing matches: an empty histogram, not an error
    JsonObject none = get("/api/v1/stats/histogram?q=zzqqxxnothing").bodyAsJsonObject();
    assertThat(none.getLong("total")).isZero();
    assertThat(none.getJsonArray("buckets")).isEmpty();
  }

  @Test
  void targetGroupsAreAcceptedByTheirAliasesAndAQueryTermGetsAHint() {
    long muslim = get("/api/v1/posts/search?target=muslim").bodyAsJsonObject().getLong("total");
    assertThat(muslim).isPositive();
    for (String alias : new String[] {"muslims", "Muslims", "moslems", "Muslime"}) {
      JsonObject r = get("/api/v1/posts/search?target=" + enc(alias)).bodyAsJsonObject();
      assertThat(r.getLong("total")).as(alias).isEqualTo(muslim);
      assertThat(r.getJsonArray("hints").getJsonObject(0).getString("group")).isEqualTo("muslim");
    }
    assertThat(get("/api/v1/stats/facets?target=muslims").bodyAsJsonObject().getLong("total"))
        .isEqualTo(muslim);
    // target:muslims in the query is query syntax, searched as written: a hint says what to use
    JsonObject plural = get("/api/v1/posts/search?q=" + enc("target:muslims")).bodyAsJsonObject();
    assertThat(plural.getLong("total")).isZero();
    JsonObject hint = plural.getJsonArray("hints").getJsonObject(0);
    assertThat(hint.getString("kind")).isEqualTo("target_alias");
    assertThat(hint.getString("replace")).isEqualTo("target:muslims");
    assertThat(hint.getString("with")).isEqualTo("target:muslim");
    assertThat(hint.getString("message")).contains("the group is called muslim");
    JsonObject typo = get("/api/v1/posts/search?q=" + enc("target:muslm")).bodyAsJsonObject();
    assertThat(typo.getJsonArray("hints").getJsonObject(0).getJsonArray("suggestions"))
        .contains("muslim");
    // a search that finds posts has no hint to give
    assertThat(
            get("/api/v1/posts/search?q=" + enc("target:muslim"))
                .bodyAsJsonObject()
                .getJsonArray("hints"))
        .isEmpty();
    // the pick-list: groups, their grounds, aliases and indexed posts
    JsonArray groups = get("/api/v1/scoring/targets").bodyAsJsonObject().getJsonArray("groups");
    JsonObject m = null;
    for (Object g : groups) {
      if ("muslim".equals(((JsonObject) g).getString("name"))) {
        m = (JsonObject) g;
      }
    }
    assertThat(m).isNotNull();
    assertThat(m.getString("ground")).isEqualTo("religious");
    assertThat(m.getJsonArray("aliases")).contains("muslims", "moslems");
    assertThat(m.getLong("posts")).isEqualTo(muslim);
  }

  @Test
  void prosecutorsExportBundlesThatVerifyAndEveryAccessIsInTheCustodyLog() {
    HttpResponse<Buffer> r =
        as(
            Role.PROSECUTOR,
            HttpMethod.POST,
            "/api/v1/evidence/exports",
            new JsonObject().put("query", "label:hate").put("reason", "case file 17"));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
    java.nio.file.Path bag = java.nio.file.Path.of(r.bodyAsJsonObject().getString("path"));
    assertThat(org.tocsin.evidence.export.BundleVerifier.verify(bag).ok()).isTrue();
    assertProblem(
        as(
            Role.PROSECUTOR,
            HttpMethod.POST,
            "/api/v1/evidence/exports",
            new JsonObject().put("query", "label:hate")),
        400,
        "invalid_body");
    assertProblem(
        as(
            Role.ANALYST,
            HttpMethod.POST,
            "/api/v1/evidence/exports",
            new JsonObject().put("query", "label:hate").put("reason", "curious")),
        403,
        "forbidden");

    // reading the original bytes is an access with a stated reason, in the custody log
    Post target = posts.get(5);
    long seq =
        get("/api/v1/posts/" + enc(target.platform()) + "/" + enc(target.id()))
            .bodyAsJsonObject()
            .getJsonObject("evidence")
            .getLong("seq");
    HttpResponse<Buffer> original =
        client
            .get(port, "127.0.0.1", "/api/v1/evidence/" + seq)
            .putHeader("Authorization", "Bearer " + tokens.get(Role.PROSECUTOR))
            .putHeader("X-Tocsin-Reason", "checking the original for case 17")
            .send()
            .await();
    assertThat(original.statusCode()).isEqualTo(200);
    assertThat(original.bodyAsJsonObject().getJsonObject("capture").getString("bodySha256"))
        .isEqualTo(
            get("/api/v1/posts/" + enc(target.platform()) + "/" + enc(target.id()))
                .bodyAsJsonObject()
                .getJsonObject("evidence")
                .getString("sha256"));
    // the response came after the access was durable in the custody log
    JsonArray events =
        get("/api/v1/evidence/" + seq + "/custody").bodyAsJsonObject().getJsonArray("events");
    assertThat(events.encode())
        .contains("\"type\":\"accessed\"")
        .contains("checking the original for case 17")
        .contains("\"type\":\"scored\"")
        .contains("\"type\":\"indexed\"");
  }

  @Test
  void anExportDownloadsAsOneZipWithItsSha256AndTheDownloadIsInTheCustodyLog(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
    Post target = posts.get(6);
    HttpResponse<Buffer> r =
        as(
            Role.PROSECUTOR,
            HttpMethod.POST,
            "/api/v1/evidence/exports",
            new JsonObject()
                .put("ids", new JsonArray().add(target.platform() + "/" + target.id()))
                .put("reason", "case file 18"));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
    JsonObject export = r.bodyAsJsonObject();
    String download = export.getString("download");
    assertThat(download)
        .isEqualTo("/api/v1/evidence/exports/" + export.getString("bagName") + ".zip");
    HttpResponse<Buffer> zip =
        client
            .get(port, "127.0.0.1", download)
            .putHeader("Authorization", "Bearer " + tokens.get(Role.PROSECUTOR))
            .putHeader("X-Tocsin-Reason", "taking case 18 to court")
            .send()
            .await();
    assertThat(zip.statusCode()).as(zip.bodyAsString()).isEqualTo(200);
    assertThat(zip.getHeader("Content-Type")).isEqualTo("application/zip");
    assertThat(zip.getHeader("Content-Disposition")).contains(export.getString("bagName") + ".zip");
    byte[] bytes = zip.body().getBytes();
    String sha =
        java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    assertThat(sha)
        .isEqualTo(export.getString("downloadSha256"))
        .isEqualTo(zip.getHeader("X-Tocsin-Sha256"));
    assertThat((long) bytes.length).isEqualTo(export.getLong("downloadBytes"));
    // the zip holds the bag, which verifies offline
    try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(bytes))) {
      for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        java.nio.file.Path out = tmp.resolve(e.getName()).normalize();
        assertThat(out.startsWith(tmp)).as(e.getName()).isTrue();
        java.nio.file.Files.createDirectories(out.getParent());
        java.nio.file.Files.copy(in, out);
      }
    }
    assertThat(
            org.tocsin.evidence.export.BundleVerifier.verify(
                    tmp.resolve(export.getString("bagName")))
                .ok())
        .isTrue();
    // the download is an access to the capture, with its reason, in the custody log
    long seq =
        get("/api/v1/posts/" + enc(target.platform()) + "/" + enc(target.id()))
            .bodyAsJsonObject()
            .getJsonObject("evidence")
            .getLong("seq");
    assertThat(get("/api/v1/evidence/" + seq + "/custody").bodyAsString())
        .contains("taking case 18 to court")
        .contains("download of export " + export.getString("bagName") + ".zip")
        .contains("\"actorName\":\"test prosecutor\"");
    // the same bytes every time; others may not download; no path tricks
    HttpResponse<Buffer> again = as(Role.ADMIN, HttpMethod.GET, download, null);
    assertThat(again.body().getBytes()).isEqualTo(bytes);
    assertProblem(as(Role.ANALYST, HttpMethod.GET, download, null), 403, "forbidden");
    assertProblem(as(Role.TRUST, HttpMethod.GET, download, null), 403, "forbidden");
    assertProblem(
        as(
            Role.PROSECUTOR,
            HttpMethod.GET,
            "/api/v1/evidence/exports/tocsin-export-1-ab.zip",
            null),
        404,
        "not_found");
    assertThat(
            as(Role.PROSECUTOR, HttpMethod.GET, "/api/v1/evidence/exports/..%2Fapi-keys.json", null)
                .statusCode())
        .isIn(400, 404);
  }

  @Test
  void aWatchlistAppliesToTheNextPostWithoutRestart() {
    HttpResponse<Buffer> created =
        as(
            Role.ANALYST,
            HttpMethod.POST,
            "/api/v1/watchlists",
            new JsonObject()
                .put("name", "coded")
                .put("context", "test country")
                .put("risk", 0.8)
                .put("terms", new JsonArray().add("cockroach nest")));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    String line =
        new JsonObject()
            .put("platform", "test")
            .put("id", "watch-1")
            .put("author", new JsonObject().put("id", "w"))
            .put("createdAt", "2026-11-22T00:00:00Z")
            .put("text", "clear the cockroach nest tonight")
            .encode();
    HttpResponse<Buffer> ingest =
        client
            .post(port, "127.0.0.1", "/api/v1/posts")
            .putHeader("Authorization", "Bearer " + tokens.get(Role.TRUST))
            .putHeader("Content-Type", "application/x-ndjson")
            .sendBuffer(Buffer.buffer(line + "\n"))
            .await();
    assertThat(ingest.statusCode()).isEqualTo(202);
    JsonObject score = get("/api/v1/posts/test/watch-1").bodyAsJsonObject().getJsonObject("score");
    assertThat(score.getJsonObject("factors").getJsonObject("context").getDouble("score"))
        .isEqualTo(0.8);
    assertThat(
            score
                .getJsonObject("factors")
                .getJsonObject("context")
                .getJsonArray("evidence")
                .encode())
        .contains("cockroach nest");
    assertThat(
            as(
                    Role.ANALYST,
                    HttpMethod.DELETE,
                    "/api/v1/watchlists/" + created.bodyAsJsonObject().getString("id"),
                    null)
                .statusCode())
        .isEqualTo(204);
  }

  @Test
  void savedSearchesRunAsSavedAndOnlyTheirCreatorOrAnAdminDeletesThem() {
    HttpResponse<Buffer> saved =
        as(
            Role.ANALYST,
            HttpMethod.POST,
            "/api/v1/searches?name=" + enc("hate against muslims") + "&q=&label=hate&target=muslim",
            null);
    assertThat(saved.statusCode()).as(saved.bodyAsString()).isEqualTo(201);
    String id = saved.bodyAsJsonObject().getString("id");
    JsonObject direct = get("/api/v1/posts/search?label=hate&target=muslim").bodyAsJsonObject();
    JsonObject run = get("/api/v1/searches/" + id + "/results").bodyAsJsonObject();
    assertThat(run.getLong("total")).isEqualTo(direct.getLong("total"));
    assertThat(get("/api/v1/searches").bodyAsString()).contains(id);
    assertProblem(
        as(Role.TRUST, HttpMethod.DELETE, "/api/v1/searches/" + id, null), 403, "forbidden");
    assertThat(as(Role.ANALYST, HttpMethod.DELETE, "/api/v1/searches/" + id, null).statusCode())
        .isEqualTo(204);
    assertProblem(
        as(Role.ANALYST, HttpMethod.POST, "/api/v1/searches?q=x", null), 400, "invalid_parameter");
    assertProblem(
        as(Role.ANALYST, HttpMethod.POST, "/api/v1/searches?name=n&q=" + enc("text:("), null),
        400,
        "invalid_query");
    assertProblem(get("/api/v1/searches/none/results"), 404, "not_found");
  }

  @Test
  void versionsOfAnEditedPostComeOldestFirstEachWithItsEvidence() {
    String first =
        new JsonObject()
            .put("platform", "test")
            .put("id", "edit-1")
            .put("author", new JsonObject().put("id", "e"))
            .put("createdAt", "2026-11-22T00:00:00Z")
            .put("text", "first wording of the post")
            .encode();
    String second =
        new JsonObject()
            .put("platform", "test")
            .put("id", "edit-1")
            .put("author", new JsonObject().put("id", "e"))
            .put("createdAt", "2026-11-22T00:00:00Z")
            .put("edited", "2026-11-22T01:00:00Z")
            .put("text", "second wording after an edit")
            .encode();
    for (String line : List.of(first, second)) {
      HttpResponse<Buffer> ingest =
          client
              .post(port, "127.0.0.1", "/api/v1/posts")
              .putHeader("Authorization", "Bearer " + tokens.get(Role.TRUST))
              .putHeader("Content-Type", "application/x-ndjson")
              .sendBuffer(Buffer.buffer(line + "\n"))
              .await();
      assertThat(ingest.statusCode()).as(ingest.bodyAsString()).isEqualTo(202);
    }
    HttpResponse<Buffer> r = get("/api/v1/posts/test/edit-1/versions");
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    JsonArray versions = r.bodyAsJsonObject().getJsonArray("versions");
    assertThat(versions).hasSize(2);
    assertThat(versions.getJsonObject(0).getJsonObject("post").getString("text"))
        .isEqualTo("first wording of the post");
    assertThat(versions.getJsonObject(1).getJsonObject("post").getString("text"))
        .isEqualTo("second wording after an edit");
    long s0 = versions.getJsonObject(0).getJsonObject("evidence").getLong("seq");
    long s1 = versions.getJsonObject(1).getJsonObject("evidence").getLong("seq");
    assertThat(s1).isGreaterThan(s0);
    // the read is an access to both captures, logged with the caller's key
    JsonArray events =
        get("/api/v1/evidence/" + s0 + "/custody").bodyAsJsonObject().getJsonArray("events");
    assertThat(events.encode()).contains("versions of post test/edit-1");
    assertProblem(
        get("/api/v1/posts/test/" + "x".repeat(600) + "/versions"), 400, "invalid_parameter");
  }

  @Test
  void meNamesTheCallingKeyAndItsRoleButNeverItsSecret() {
    for (Role role : Role.values()) {
      HttpResponse<Buffer> r = as(role, HttpMethod.GET, "/api/v1/me", null);
      assertThat(r.statusCode()).isEqualTo(200);
      JsonObject me = r.bodyAsJsonObject();
      assertThat(me.getString("role")).isEqualTo(role.jsonName());
      assertThat(me.getString("name")).isEqualTo("test " + role.jsonName());
      assertThat(r.bodyAsString()).doesNotContain(tokens.get(role)).doesNotContain("secret");
    }
  }

  @Test
  void getPostByPlatformAndId() {
    Post target = posts.get(3);
    HttpResponse<Buffer> r =
        get("/api/v1/posts/" + enc(target.platform()) + "/" + enc(target.id()));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.bodyAsJsonObject().getJsonObject("post").getString("id")).isEqualTo(target.id());
    assertThat(r.bodyAsJsonObject().getJsonObject("evidence").getLong("seq")).isEqualTo(4);
  }

  @Test
  void similarPostsAreTheCopiesOfAPostFirstAndObeyTheFilters() {
    // RealPosts #10 was copied by four sock accounts (campaign-1 .. campaign-4), with a link added
    Post original = RealPosts.sample().get(10);
    String uri =
        "/api/v1/posts/" + enc(original.platform()) + "/" + enc(original.id()) + "/similar";
    HttpResponse<Buffer> r = get(uri + "?limit=6");
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    JsonObject body = r.bodyAsJsonObject();
    assertThat(body.getString("like")).isEqualTo(original.key().toString());
    JsonArray hits = body.getJsonArray("hits");
    assertThat(hits.size()).isBetween(4, 6);
    java.util.Set<String> top4 = new java.util.HashSet<>();
    for (int i = 0; i < hits.size(); i++) {
      String id = hits.getJsonObject(i).getJsonObject("post").getString("id");
      assertThat(id).isNotEqualTo(original.id()); // never the post itself
      assertThat(hits.getJsonObject(i).getJsonObject("evidence").getLong("seq")).isPositive();
      if (i < 4) {
        top4.add(id);
      }
    }
    assertThat(top4)
        .containsExactlyInAnyOrder("campaign-1", "campaign-2", "campaign-3", "campaign-4");
    // the copies are by sock0..sock3 (each also copied #20): an author filter keeps sock2's,
    // its copy of #10 first
    JsonArray bySock2 = get(uri + "?author=sock2").bodyAsJsonObject().getJsonArray("hits");
    assertThat(bySock2.size()).isBetween(1, 2);
    assertThat(bySock2.getJsonObject(0).getJsonObject("post").getString("id"))
        .isEqualTo("campaign-3");
    for (int i = 0; i < bySock2.size(); i++) {
      assertThat(
              bySock2
                  .getJsonObject(i)
                  .getJsonObject("post")
                  .getJsonObject("author")
                  .getString("handle"))
          .isEqualTo("sock2");
    }
    assertThat(get(uri + "?limit=2").bodyAsJsonObject().getJsonArray("hits").size()).isEqualTo(2);
    // every post returned is an access, in the custody log of its evidence
    long seq = hits.getJsonObject(0).getJsonObject("evidence").getLong("seq");
    assertThat(
            get("/api/v1/evidence/" + seq + "/custody")
                .bodyAsJsonObject()
                .getJsonArray("events")
                .encode())
        .contains("posts like " + original.key());
    assertProblem(get(uri + "?limit=0"), 400, "invalid_parameter");
    assertProblem(get(uri + "?minHate=7"), 400, "invalid_parameter");
    assertProblem(get("/api/v1/posts/twitter/no-such-post/similar"), 404, "not_found");
  }

  @Test
  void hostileTextComesBackAsTheSameTextInJson() {
    for (Post hostile : HostilePosts.all()) {
      HttpResponse<Buffer> r =
          get("/api/v1/posts/" + enc(hostile.platform()) + "/" + enc(hostile.id()));
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.getHeader("Content-Type")).startsWith("application/json");
      assertThat(r.bodyAsJsonObject().getJsonObject("post").getString("text"))
          .isEqualTo(hostile.text());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/v1/posts/search?q=text%3A%28                | 400 | invalid_query",
        "/api/v1/posts/search?q=%22unclosed               | 400 | invalid_query",
        "/api/v1/posts/search?q=*leading                  | 400 | invalid_query",
        "/api/v1/posts/search?q=a&q=b                     | 400 | invalid_parameter",
        "/api/v1/posts/search?limit=1000                  | 400 | invalid_parameter",
        "/api/v1/posts/search?limit=0                     | 400 | invalid_parameter",
        "/api/v1/posts/search?limit=ten                   | 400 | invalid_parameter",
        "/api/v1/posts/search?offset=-1                   | 400 | invalid_parameter",
        "/api/v1/posts/search?offset=99999999999999       | 400 | invalid_parameter",
        "/api/v1/posts/search?sort=random                 | 400 | invalid_parameter",
        "/api/v1/posts/twitter/no-such-post-id            | 404 | not_found",
        "/api/v1/posts/search?from=yesterday              | 400 | invalid_parameter",
        "/api/v1/posts/search?minHate=2                   | 400 | invalid_parameter",
        "/api/v1/posts/search?cursor=garbage              | 400 | invalid_query",
        "/api/v1/posts/search?cursor=x&offset=20          | 400 | invalid_parameter",
        "/api/v1/stats/histogram?from=2016-01-01&to=2015-01-01 | 400 | invalid_parameter",
        "/api/v1/stats/histogram?q=%22unclosed            | 400 | invalid_query",
        "/api/v1/stats/histogram?from=2016-01-01&to=2016-02-01&interval=week | 400 | invalid_parameter",
        "/api/v1/stats/histogram?from=2000-01-01&to=2016-02-01&interval=hour | 400 | invalid_parameter",
        "/api/v1/stats/histogram?from=2016-01-01&to=2016-02-01&split=mood | 400 | invalid_parameter",
        "/api/v1/stats/facets?facets=mood                 | 400 | invalid_parameter",
        "/api/v1/no-such-route                            | 404 | not_found",
      })
  void badRequestsGetProblemJson(String uri, int status, String code) {
    assertProblem(get(uri.trim()), status, code);
  }

  @Test
  void hugeQueryParameterIsRefusedWithProblemJson() {
    assertProblem(get("/api/v1/posts/search?q=" + "a".repeat(3000)), 400, "invalid_parameter");
  }

  @Test
  void hugeRequestLineIsRefusedWithProblemJson() {
    assertProblem(get("/api/v1/posts/search?q=" + "a".repeat(20_000)), 414, "uri_too_long");
  }

  @Test
  void wrongMethodIsRefusedWithProblemJson() {
    HttpResponse<Buffer> r = as(Role.ADMIN, HttpMethod.DELETE, "/api/v1/posts/search", null);
    assertThat(r.statusCode()).isIn(404, 405);
    assertThat(r.getHeader("Content-Type")).isEqualTo("application/problem+json");
  }

  @Test
  void metricsAreOpenAndInPrometheusFormat() {
    get("/api/v1/posts/search?q=x");
    HttpResponse<Buffer> r = client.get(port, "127.0.0.1", "/metrics").send().await();
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.bodyAsString())
        .containsPattern("tocsin_ledger_last_seq [0-9.E]+")
        .containsPattern("tocsin_index_lag_records [0-9.E]+")
        .contains(
            "tocsin_http_requests_seconds_count{method=\"GET\",route=\"/api/v1/posts/search\",status=\"200\"}")
        .contains("jvm_memory_used_bytes");
  }

  @Test
  void dashboardIsServedWithAStrictContentSecurityPolicy() {
    HttpResponse<Buffer> r = get("/");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.getHeader("Content-Type")).startsWith("text/html");
    assertThat(r.getHeader("Content-Security-Policy")).contains("script-src 'self'");
    assertThat(r.bodyAsString()).contains("<script src=\"/app.js\"").doesNotContain("onclick=");
    assertThat(get("/app.js").statusCode()).isEqualTo(200);
  }

  /** Four accounts posting the same two texts with the same link within seconds of each other. */
  private static List<Post> injectedCampaign(Post a, Post b) {
    List<Post> out = new ArrayList<>();
    java.time.Instant t0 = java.time.Instant.parse("2016-03-22T12:00:00Z");
    int n = 0;
    for (Post template : List.of(a, b)) {
      for (int acc = 0; acc < 4; acc++) {
        n++;
        out.add(
            new Post(
                "test",
                "campaign-" + n,
                null,
                new org.tocsin.core.post.Author("sock-" + acc, "sock" + acc, null, 100L, null),
                t0.plusSeconds(n * 7L),
                template.text() + " https://example.org/push",
                "en",
                null,
                null,
                null,
                List.of("https://example.org/push"),
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                null));
      }
      t0 = t0.plusSeconds(3600);
    }
    return out;
  }

  @Test
  void campaignsListAndDetailCarryAccountsAndEvidence() {
    HttpResponse<Buffer> r = get("/api/v1/campaigns?sort=strength");
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    JsonObject body = r.bodyAsJsonObject();
    assertThat(body.getString("status")).isEqualTo("ready");
    JsonArray list = body.getJsonArray("campaigns");
    JsonObject sock = null;
    for (int i = 0; i < list.size(); i++) {
      if (list.getJsonObject(i).getJsonArray("accounts").contains("sock-0")) {
        sock = list.getJsonObject(i);
      }
    }
    assertThat(sock).as("injected campaign in %s", body).isNotNull();
    assertThat(sock.getJsonArray("accounts").getList())
        .containsExactlyInAnyOrder("sock-0", "sock-1", "sock-2", "sock-3");
    assertThat(sock.containsKey("edges")).isFalse();

    HttpResponse<Buffer> d = get("/api/v1/campaigns/" + sock.getString("id"));
    assertThat(d.statusCode()).isEqualTo(200);
    JsonObject detail = d.bodyAsJsonObject();
    assertThat(detail.getJsonArray("posts").size()).isEqualTo(8);
    JsonObject edge = detail.getJsonArray("edges").getJsonObject(0);
    JsonObject sample =
        edge.getJsonArray("signals").getJsonObject(0).getJsonArray("samples").getJsonObject(0);
    assertThat(sample.getJsonObject("first").encode()).contains("\"seq\"").contains("sha256");
    // who the accounts are, with their posts in the campaign
    JsonObject profiles = detail.getJsonObject("profiles");
    assertThat(profiles.fieldNames())
        .containsExactlyInAnyOrder("sock-0", "sock-1", "sock-2", "sock-3");
    assertThat(profiles.getJsonObject("sock-0").getString("handle")).isEqualTo("sock0");
    int profilePosts = 0;
    for (String acc : profiles.fieldNames()) {
      profilePosts += profiles.getJsonObject(acc).getJsonArray("posts").size();
    }
    assertThat(profilePosts).isEqualTo(8);

    HttpResponse<Buffer> a = get("/api/v1/campaigns/" + sock.getString("id") + "/attribution");
    assertThat(a.statusCode()).as(a.bodyAsString()).isEqualTo(200);
    JsonObject case_ = a.bodyAsJsonObject();
    assertThat(case_.getString("campaign")).isEqualTo(sock.getString("id"));
    assertThat(case_.getString("grade")).isIn("strong", "moderate", "weak");
    assertThat(case_.getString("summary")).startsWith("4 accounts posted 8 coordinated posts");
    assertThat(case_.getJsonArray("findings").getJsonObject(0).getString("signal")).isNotBlank();
    assertThat(case_.getJsonArray("evidenceSeqs")).isNotEmpty();
    assertThat(case_.getJsonArray("limits").getString(0)).contains("not who operates them");
    // the organic baseline: only the sock accounts ever posted the link they pushed
    JsonObject baseline = case_.getJsonObject("baseline");
    assertThat(baseline.getInteger("campaignAccounts")).isEqualTo(4);
    JsonObject link = null;
    for (Object o : baseline.getJsonArray("objects")) {
      if (((JsonObject) o).getString("signal").equals("url")) {
        link = (JsonObject) o;
      }
    }
    assertThat(link).as("url baseline in %s", baseline).isNotNull();
    assertThat(link.getString("label")).contains("example.org/push");
    assertThat(link.getInteger("campaignAccounts")).isEqualTo(4);
    assertThat(link.getInteger("otherAccounts")).isZero();
    assertThat(link.getString("message")).endsWith("no other account did");
    assertThat(baseline.getString("summary")).matches("(None of the|At most) [0-9,]+ .*");
    assertProblem(get("/api/v1/campaigns/cmp-0000000000000000/attribution"), 404, "not_found");
  }

  @Test
  void aCampaignDossierHoldsItsPostsEdgesAndAttributionAndVerifiesOffline() throws Exception {
    JsonArray list = get("/api/v1/campaigns").bodyAsJsonObject().getJsonArray("campaigns");
    String id = null;
    for (int i = 0; i < list.size(); i++) {
      if (list.getJsonObject(i).getJsonArray("accounts").contains("sock-0")) {
        id = list.getJsonObject(i).getString("id");
      }
    }
    assertThat(id).isNotNull();
    String uri = "/api/v1/campaigns/" + id + "/dossier";
    HttpResponse<Buffer> r =
        as(Role.PROSECUTOR, HttpMethod.POST, uri, new JsonObject().put("reason", "case 18"));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
    JsonObject body = r.bodyAsJsonObject();
    assertThat(body.getInteger("captures")).isEqualTo(8);
    assertThat(body.getString("download")).startsWith("/api/v1/evidence/exports/");
    java.nio.file.Path bag = java.nio.file.Path.of(body.getString("path"));
    assertThat(org.tocsin.evidence.export.BundleVerifier.verify(bag).ok()).isTrue();
    JsonObject attribution =
        new JsonObject(
            java.nio.file.Files.readString(bag.resolve("data/documents/attribution.json")));
    assertThat(attribution.getString("campaign")).isEqualTo(id);
    JsonArray edges =
        new JsonArray(java.nio.file.Files.readString(bag.resolve("data/documents/edges.json")));
    assertThat(edges).isNotEmpty();
    JsonObject campaign =
        new JsonObject(java.nio.file.Files.readString(bag.resolve("data/documents/campaign.json")));
    assertThat(campaign.getJsonArray("accounts").getList())
        .containsExactlyInAnyOrder("sock-0", "sock-1", "sock-2", "sock-3");

    assertProblem(as(Role.PROSECUTOR, HttpMethod.POST, uri, new JsonObject()), 400, "invalid_body");
    assertProblem(
        as(Role.ANALYST, HttpMethod.POST, uri, new JsonObject().put("reason", "curious")),
        403,
        "forbidden");
    assertProblem(
        as(
            Role.PROSECUTOR,
            HttpMethod.POST,
            "/api/v1/campaigns/cmp-0000000000000000/dossier",
            new JsonObject().put("reason", "case 18")),
        404,
        "not_found");
  }

  @Test
  void unknownCampaignAndBadSortAreProblems() {
    assertProblem(get("/api/v1/campaigns/cmp-0000000000000000"), 404, "not_found");
    assertProblem(get("/api/v1/campaigns?sort=loudest"), 400, "invalid_parameter");
    assertProblem(get("/api/v1/campaigns?limit=0"), 400, "invalid_parameter");
  }

  /**
   * The permission matrix: route, then the status each role gets (analyst, trust, prosecutor,
   * admin).
   */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "GET    | /api/v1/posts/search?q=kill        | 200 | 200 | 200 | 200",
        "GET    | /api/v1/campaigns                  | 200 | 200 | 200 | 200",
        "GET    | /api/v1/keys                       | 403 | 403 | 403 | 200",
        "GET    | /api/v1/admin/reindex              | 403 | 403 | 403 | 200",
        "POST   | /api/v1/admin/reindex              | 403 | 403 | 403 | 202",
        "POST   | /api/v1/keys                       | 403 | 403 | 403 | 201",
        "DELETE | /api/v1/keys/000000000000          | 403 | 403 | 403 | 404",
        "GET    | /api/v1/sources                    | 200 | 200 | 200 | 200",
        "POST   | /api/v1/sources                    | 403 | 403 | 403 | 400",
        "POST   | /api/v1/sources/none/pause         | 403 | 403 | 403 | 404",
        "POST   | /api/v1/sources/none/resume        | 403 | 403 | 403 | 404",
        "DELETE | /api/v1/sources/none               | 403 | 403 | 403 | 404",
        "GET    | /api/v1/evidence/tree-head         | 200 | 200 | 200 | 200",
        "GET    | /api/v1/evidence/1                 | 403 | 403 | 200 | 200",
        "GET    | /api/v1/evidence/1/custody         | 200 | 200 | 200 | 200",
        "GET    | /api/v1/alerts                     | 200 | 200 | 403 | 200",
        "GET    | /api/v1/alerts/rules               | 200 | 200 | 403 | 200",
        "POST   | /api/v1/alerts/rules/backtest      | 400 | 400 | 403 | 400",
        "POST   | /api/v1/alerts/rules/none/test     | 404 | 404 | 403 | 404",
        "POST   | /api/v1/alerts/rules/none/pause    | 404 | 404 | 403 | 404",
        "POST   | /api/v1/alerts/rules/none/resume   | 404 | 404 | 403 | 404",
        "POST   | /api/v1/posts                      | 403 | 400 | 403 | 400",
        "GET    | /api/v1/stats/facets               | 200 | 200 | 200 | 200",
        "GET    | /api/v1/watchlists                 | 200 | 200 | 200 | 200",
        "POST   | /api/v1/watchlists                 | 400 | 403 | 403 | 400",
        "DELETE | /api/v1/watchlists/none            | 404 | 403 | 403 | 404",
        "GET    | /api/v1/stats/histogram?from=2015-01-01&to=2021-01-01 | 200 | 200 | 200 | 200",
        "GET    | /api/v1/me                         | 200 | 200 | 200 | 200",
        "GET    | /api/v1/scoring/bands              | 200 | 200 | 200 | 200",
        "GET    | /api/v1/scoring/targets            | 200 | 200 | 200 | 200",
        "GET    | /api/v1/stats/histogram            | 200 | 200 | 200 | 200",
        "GET    | /api/v1/posts/none/none/versions   | 404 | 404 | 404 | 404",
        "GET    | /api/v1/posts/none/none/similar    | 404 | 404 | 404 | 404",
      })
  void permissionMatrix(
      String method, String uri, int analyst, int trust, int prosecutor, int admin) {
    JsonObject body = new JsonObject().put("role", "analyst").put("name", "matrix");
    int[] expected = {analyst, trust, prosecutor, admin};
    Role[] roles = {Role.ANALYST, Role.TRUST, Role.PROSECUTOR, Role.ADMIN};
    for (int i = 0; i < roles.length; i++) {
      HttpResponse<Buffer> r =
          as(
              roles[i],
              HttpMethod.valueOf(method.trim()),
              uri.trim(),
              "POST".equals(method.trim()) ? body : null);
      assertThat(r.statusCode())
          .as("%s %s as %s: %s", method, uri, roles[i], r.bodyAsString())
          .isEqualTo(expected[i]);
      if (expected[i] >= 400) {
        assertThat(r.getHeader("Content-Type")).isEqualTo("application/problem+json");
      }
    }
    // without a key, every API route answers 401 with a problem body
    HttpResponse<Buffer> anon = as(null, HttpMethod.valueOf(method.trim()), uri.trim(), null);
    assertProblem(anon, 401, "unauthorized");
    assertThat(anon.getHeader("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void badAndRevokedKeysAreRefusedAndKeysAreShownOnce() throws Exception {
    HttpResponse<Buffer> bad =
        client
            .get(port, "127.0.0.1", "/api/v1/campaigns")
            .putHeader("Authorization", "Bearer tk_0_nope")
            .send()
            .await();
    assertProblem(bad, 401, "unauthorized");
    HttpResponse<Buffer> created =
        as(
            Role.ADMIN,
            HttpMethod.POST,
            "/api/v1/keys",
            new JsonObject().put("role", "prosecutor").put("name", "icc"));
    assertThat(created.statusCode()).isEqualTo(201);
    String token = created.bodyAsJsonObject().getString("token");
    String id = created.bodyAsJsonObject().getString("id");
    assertThat(token).startsWith("tk_" + id + "_");
    HttpResponse<Buffer> listed = as(Role.ADMIN, HttpMethod.GET, "/api/v1/keys", null);
    assertThat(listed.bodyAsString())
        .contains(id)
        .doesNotContain(token.substring(("tk_" + id + "_").length()));
    assertThat(
            client
                .get(port, "127.0.0.1", "/api/v1/campaigns")
                .putHeader("Authorization", "Bearer " + token)
                .send()
                .await()
                .statusCode())
        .isEqualTo(200);
    assertThat(as(Role.ADMIN, HttpMethod.DELETE, "/api/v1/keys/" + id, null).statusCode())
        .isEqualTo(204);
    assertProblem(
        client
            .get(port, "127.0.0.1", "/api/v1/campaigns")
            .putHeader("Authorization", "Bearer " + token)
            .send()
            .await(),
        401,
        "unauthorized");
    // hostile bodies on key creation
    assertProblem(
        as(
            Role.ADMIN,
            HttpMethod.POST,
            "/api/v1/keys",
            new JsonObject().put("role", "god").put("name", "x")),
        400,
        "invalid_parameter");
    assertProblem(
        as(Role.ADMIN, HttpMethod.POST, "/api/v1/keys", new JsonObject().put("role", "admin")),
        400,
        "invalid_body");
    HttpResponse<Buffer> notJson =
        client
            .post(port, "127.0.0.1", "/api/v1/keys")
            .putHeader("Authorization", "Bearer " + tokens.get(Role.ADMIN))
            .putHeader("Content-Type", "application/json")
            .sendBuffer(Buffer.buffer("{\"role\": "))
            .await();
    assertProblem(notJson, 400, "invalid_body");
    HttpResponse<Buffer> huge =
        client
            .post(port, "127.0.0.1", "/api/v1/keys")
            .putHeader("Authorization", "Bearer " + tokens.get(Role.ADMIN))
            .putHeader("Content-Type", "application/json")
            .sendBuffer(Buffer.buffer("{\"name\": \"" + "x".repeat(400_000) + "\"}"))
            .await();
    assertProblem(huge, 413, "payload_too_large");
  }

  private static String longestWord(String text) {
    String best = "";
    for (String w : text.split("[^\\p{L}]+")) {
      if (w.length() > best.length()) {
        best = w;
      }
    }
    return best;
  }
}
