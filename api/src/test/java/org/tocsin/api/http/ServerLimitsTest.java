package org.tocsin.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
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
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.core.post.Post;
import org.tocsin.evidence.export.ExportResult;
import org.tocsin.node.EvidenceExports;
import org.tocsin.node.ImportListener;
import org.tocsin.node.TocsinNode;
import org.tocsin.node.campaigns.CampaignService;
import org.tocsin.node.config.TocsinConfig;
import org.tocsin.node.keys.ApiKeyStore;
import org.tocsin.node.keys.Role;
import org.tocsin.testkit.RealPosts;
import org.tocsin.testkit.TestNodes;

/**
 * Server limits on a real server on loopback: slow headers and slow bodies are cut off (slowloris),
 * and exports by one key in one second each get their own bag.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerLimitsTest {
  private static final int HEADER_MILLIS = 500;
  private static final int BODY_MILLIS = 500;

  private Vertx vertx;
  private TocsinNode node;
  private ApiVerticle api;
  private String prosecutor;
  private List<Post> posts;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("tocsin.json");
    Files.writeString(
        config,
        new JsonObject()
            .put(
                "http",
                new JsonObject()
                    .put("port", 0)
                    .put("idleTimeoutSeconds", 30)
                    .put("headerTimeoutMillis", HEADER_MILLIS)
                    .put("bodyTimeoutMillis", BODY_MILLIS))
            .encode());
    node = TocsinNode.open(dir.resolve("data"), TocsinConfig.load(config));
    posts = RealPosts.sample().subList(0, 5);
    node.importer()
        .importFile(TestNodes.writeJsonl(dir.resolve("p.jsonl"), posts), ImportListener.NONE);
    ApiKeyStore keys = ApiKeyStore.open(dir.resolve("data"));
    prosecutor = keys.create(Role.PROSECUTOR, "prosecutor").token();
    vertx = Vertx.vertx();
    api =
        new ApiVerticle(
            new ApiContext(node, new CampaignService(node, CampaignConfig.defaults()), keys),
            node.config().http());
    vertx.deployVerticle(api).await();
  }

  @AfterAll
  void stop() throws Exception {
    vertx.close().await();
    node.close();
  }

  /** Connects, sends {@code first}, then {@code drip} every 100 ms until the server closes. */
  private Closed trickle(String first, String drip) throws Exception {
    NetClient net = vertx.createNetClient();
    NetSocket socket = net.connect(api.actualPort(), "127.0.0.1").await();
    CompletableFuture<Long> closed = new CompletableFuture<>();
    StringBuilder got = new StringBuilder();
    long started = System.nanoTime();
    socket.handler(b -> got.append(b.toString(StandardCharsets.UTF_8)));
    long timer =
        vertx.setPeriodic(100, id -> socket.write(drip).onFailure(closed::completeExceptionally));
    socket.closeHandler(v -> closed.complete(System.nanoTime() - started));
    socket.write(first);
    long nanos;
    try {
      nanos = closed.get(10, TimeUnit.SECONDS);
    } finally {
      vertx.cancelTimer(timer);
      net.close();
    }
    return new Closed(TimeUnit.NANOSECONDS.toMillis(nanos), got.toString());
  }

  private record Closed(long afterMillis, String received) {}

  @Test
  void slowHeadersAreCutOff() throws Exception {
    // a header line every 100 ms: never silent, so only a header deadline ends it
    Closed c = trickle("GET /health HTTP/1.1\r\nHost: x\r\n", "X-Slow: 1\r\n");
    assertThat(c.afterMillis()).isBetween((long) HEADER_MILLIS - 50, 5_000L);
    assertThat(c.received()).isEmpty();
  }

  @Test
  void silentConnectionsAreCutOff() throws Exception {
    Closed c = trickle("", "");
    assertThat(c.afterMillis()).isBetween((long) HEADER_MILLIS - 50, 5_000L);
  }

  @Test
  void slowBodiesGet408AndAreCutOff() throws Exception {
    Closed c =
        trickle(
            "POST /api/v1/evidence/exports HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + prosecutor
                + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{",
            " ");
    assertThat(c.afterMillis()).isBetween((long) BODY_MILLIS - 50, 5_000L);
    assertThat(c.received()).startsWith("HTTP/1.1 408").contains("request_timeout");
  }

  @Test
  void aKeptAliveConnectionGetsANewHeaderDeadlineAfterEachResponse() throws Exception {
    Closed c =
        trickle("GET /health HTTP/1.1\r\nHost: x\r\n\r\nGET /health HTTP/1.1\r\n", "X: 1\r\n");
    assertThat(c.received()).startsWith("HTTP/1.1 200");
    assertThat(c.afterMillis()).isBetween((long) HEADER_MILLIS - 50, 5_000L);
  }

  @Test
  void aClientThatGoesAwayIsNotAServerError() throws Exception {
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    CompletableFuture<LogRecord> noted = new CompletableFuture<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            records.add(r);
            if (r.getLoggerName().startsWith("org.tocsin.api")
                && String.valueOf(r.getMessage()).contains("client")) {
              noted.complete(r);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger root = Logger.getLogger("");
    root.addHandler(capture);
    try {
      NetClient net = vertx.createNetClient();
      NetSocket socket = net.connect(api.actualPort(), "127.0.0.1").await();
      socket
          .write(
              "POST /api/v1/evidence/exports HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                  + prosecutor
                  + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
          .await();
      socket.close().await();
      net.close();
      LogRecord r = noted.get(10, TimeUnit.SECONDS);
      assertThat(r.getLevel()).isEqualTo(Level.INFO);
      assertThat(records).noneMatch(x -> x.getLevel().intValue() >= Level.SEVERE.intValue());
    } finally {
      root.removeHandler(capture);
    }
  }

  @Test
  void exportsByOneKeyInOneSecondGetTheirOwnBags() throws Exception {
    EvidenceExports exports = new EvidenceExports(node);
    List<Long> seqs = exports.seqsOfPosts(List.of(posts.get(0).key()));
    Instant second = Instant.parse("2026-01-02T03:04:05Z");
    ExportResult a = exports.exportToNewBag(seqs, "case 1", "k1", "prosecutor", second);
    ExportResult b = exports.exportToNewBag(seqs, "case 1", "k1", "prosecutor", second);
    assertThat(a.bag()).isNotEqualTo(b.bag());
    assertThat(b.bag().getFileName().toString()).isEqualTo(a.bag().getFileName().toString() + "-2");

    // and over HTTP, three at once
    WebClient client = WebClient.create(vertx);
    JsonObject body =
        new JsonObject()
            .put("reason", "case 2")
            .put("ids", new JsonArray().add(posts.get(1).key().toString()));
    List<Future<HttpResponse<Buffer>>> sent =
        List.of(send(client, body), send(client, body), send(client, body));
    Future.all(sent).await();
    assertThat(sent)
        .allSatisfy(
            f -> assertThat(f.result().statusCode()).as(f.result().bodyAsString()).isEqualTo(201));
    assertThat(sent.stream().map(f -> f.result().bodyAsJsonObject().getString("path")).distinct())
        .hasSize(3);
  }

  private Future<HttpResponse<Buffer>> send(WebClient client, JsonObject body) {
    return client
        .post(api.actualPort(), "127.0.0.1", "/api/v1/evidence/exports")
        .putHeader("Authorization", "Bearer " + prosecutor)
        .sendJsonObject(body);
  }
}
