package org.tocsin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.evidence.Capture;
import org.tocsin.core.json.Json;
import org.tocsin.core.json.PostJsonlParser;
import org.tocsin.evidence.timestamp.LoopbackTsa;
import org.tocsin.node.TocsinNode;
import org.tocsin.node.alerts.AlertJson;
import org.tocsin.node.config.TocsinConfig;
import org.tocsin.node.keys.ApiKeyStore;

/**
 * A node started with HTTP switched off ({@code http.enabled: false}) still runs its pipeline: a
 * post that reaches the ledger by another path than the importer is indexed, a tree head is signed
 * and time-stamped, and the alert the post raises is delivered to a webhook on a real Vert.x
 * server.
 */
class HeadlessNodeTest {
  private static final String INCITING =
      "we must exterminate the rohingya vermin tonight, burn their villages";

  @TempDir Path dir;

  @Test
  void withoutHttpTheNodeStillIndexesSignsAndAlerts() throws Exception {
    Vertx receiverVertx = Vertx.vertx();
    CompletableFuture<JsonObject> delivered = new CompletableFuture<>();
    HttpServer receiver =
        receiverVertx
            .createHttpServer()
            .requestHandler(
                req ->
                    req.body()
                        .onSuccess(
                            body -> {
                              delivered.complete(new JsonObject(body));
                              req.response().setStatusCode(204).end();
                            }))
            .listen(0, "127.0.0.1")
            .await();
    try (LoopbackTsa tsa = new LoopbackTsa()) {
      int port = freePort();
      Path config = dir.resolve("tocsin.json");
      Files.writeString(
          config,
          new JsonObject()
              .put("http", new JsonObject().put("enabled", false).put("port", port))
              .put("alerts", new JsonObject().put("webhookBackoffMillis", 20))
              // the webhook receiver is on loopback
              .put(
                  "security",
                  new JsonObject()
                      .put("outboundAllow", new JsonArray().add("127.0.0.0/8").add("::1")))
              .put(
                  "evidence",
                  new JsonObject()
                      .put("treeHeadIntervalSeconds", 1)
                      .put("timestampAuthorities", new JsonArray().add(tsa.uri().toString())))
              .encode());
      TocsinNode node = TocsinNode.open(dir.resolve("data"), TocsinConfig.load(config));
      NodeServer.Running running = null;
      try {
        assertThat(node.config().http().enabled()).isFalse();
        node.alerts()
            .rules()
            .add(
                AlertJson.ruleFromNode(
                    Json.mapper()
                        .readTree(
                            new JsonObject()
                                .put("name", "calls to exterminate")
                                .put("query", "exterminate")
                                .put("minIncitement", 0.1)
                                .put(
                                    "webhook",
                                    new JsonObject()
                                        .put(
                                            "url",
                                            "http://127.0.0.1:" + receiver.actualPort() + "/hook")
                                        .put("secret", "a-webhook-secret-of-some-length"))
                                .encode()),
                    "r1",
                    Instant.now(),
                    "test"));
        StringWriter out = new StringWriter();
        running =
            NodeServer.start(node, ApiKeyStore.open(dir.resolve("data")), new PrintWriter(out));
        assertThat(running.api()).isNull();
        assertThat(running.url()).isNull();
        assertThat(listening(port)).as("nothing listens on the configured HTTP port").isFalse();

        // a post reaches the ledger the way a crawler's capture does: not through the importer
        byte[] post =
            new JsonObject()
                .put("platform", "test")
                .put("id", "headless-1")
                .put("author", new JsonObject().put("id", "acct-1"))
                .put("createdAt", "2026-12-07T10:00:00Z")
                .put("text", INCITING)
                .encode()
                .getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.now();
        long seq =
            node.ledger()
                .appendCapture(
                    new Capture(
                        "test:headless",
                        PostJsonlParser.FORMAT,
                        null,
                        "test:headless#1",
                        0,
                        Map.of(),
                        "application/json",
                        now,
                        now,
                        post))
                .get(10, TimeUnit.SECONDS)
                .seq();

        JsonObject alert = delivered.get(30, TimeUnit.SECONDS);
        assertThat(alert.getJsonObject("rule").getString("id")).isEqualTo("r1");
        assertThat(alert.encode()).contains("headless-1");
        assertThat(node.indexer().indexedThrough()).isGreaterThanOrEqualTo(seq);
        // the post searchable (the index's reader refreshes after the alert may have gone out) and
        // a signed head covering it, with the authority's token: checked on a timer
        TocsinNode n = node;
        CompletableFuture<Void> stamped = new CompletableFuture<>();
        long timer =
            receiverVertx.setPeriodic(
                50,
                id -> {
                  if (searchable(n)
                      && n.ledger()
                          .latestTreeHead()
                          .filter(h -> h.head().treeSize() >= seq)
                          .filter(h -> !n.ledger().timestampSeqs(h.seq()).isEmpty())
                          .isPresent()) {
                    stamped.complete(null);
                  }
                });
        try {
          stamped.get(30, TimeUnit.SECONDS);
        } finally {
          receiverVertx.cancelTimer(timer);
        }
      } finally {
        if (running != null) {
          running.stop();
        }
        node.close();
      }
    } finally {
      receiverVertx.close().await();
    }
  }

  private static boolean searchable(TocsinNode node) {
    try {
      return node.index().count() == 1;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static int freePort() throws Exception {
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Whether anything accepts connections on {@code port} of the loopback interface. */
  private static boolean listening(int port) throws Exception {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (ConnectException e) {
      return false;
    }
  }
}
