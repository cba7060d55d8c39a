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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.evidence.FileEvidenceLog;
import org.tocsin.evidence.VerifyReport;
import org.tocsin.evidence.merkle.MerkleVerifier;
import org.tocsin.evidence.timestamp.LoopbackTsa;
import org.tocsin.node.ImportListener;
import org.tocsin.node.PipelineVerticle;
import org.tocsin.node.TocsinNode;
import org.tocsin.node.campaigns.CampaignService;
import org.tocsin.node.config.TocsinConfig;
import org.tocsin.node.keys.ApiKeyStore;
import org.tocsin.node.keys.Role;
import org.tocsin.testkit.RealPosts;
import org.tocsin.testkit.TestNodes;

/**
 * A running node signs tree heads on its timer, has each one time-stamped by a real RFC 3161
 * authority on loopback, serves consistency proofs that verify, and its ledger passes a full audit
 * with the key afterwards.
 */
class EvidenceNodeTest {
  @TempDir Path dir;

  @Test
  void headsAreSignedAndTimeStampedAndConsistencyProofsVerify() throws Exception {
    try (LoopbackTsa tsa = new LoopbackTsa()) {
      Path config = dir.resolve("tocsin.json");
      Files.writeString(
          config,
          new JsonObject()
              .put("http", new JsonObject().put("port", 0))
              // the time-stamp authority is on loopback: the outbound guard must be told
              .put(
                  "security",
                  new JsonObject().put("outboundAllow", new JsonArray().add("127.0.0.0/8")))
              .put(
                  "evidence",
                  new JsonObject()
                      .put("treeHeadIntervalSeconds", 1)
                      .put("timestampAuthorities", new JsonArray().add(tsa.uri().toString())))
              .encode());
      Vertx vertx = Vertx.vertx();
      Path data = dir.resolve("data");
      TocsinNode node = TocsinNode.open(data, TocsinConfig.load(config));
      try {
        node.importer()
            .importFile(
                TestNodes.writeJsonl(dir.resolve("a.jsonl"), RealPosts.sample().subList(0, 20)),
                ImportListener.NONE);
        ApiKeyStore keys = ApiKeyStore.open(data);
        String token = keys.create(Role.ANALYST, "t").token();
        ApiVerticle api =
            new ApiVerticle(
                new ApiContext(node, new CampaignService(node, CampaignConfig.defaults()), keys),
                node.config().http());
        PipelineVerticle.deploy(vertx, node).await();
        vertx.deployVerticle(api).await();
        // wait (on a timer, not a sleep) until the node has signed a head and stamped it
        CompletableFuture<Long> stamped = new CompletableFuture<>();
        long timer =
            vertx.setPeriodic(
                100,
                id ->
                    node.ledger()
                        .latestTreeHead()
                        .filter(h -> !node.ledger().timestampSeqs(h.seq()).isEmpty())
                        .ifPresent(h -> stamped.complete(h.head().treeSize())));
        long size = stamped.get(20, TimeUnit.SECONDS);
        vertx.cancelTimer(timer);

        HttpResponse<Buffer> r =
            WebClient.create(vertx)
                .get(
                    api.actualPort(),
                    "127.0.0.1",
                    "/api/v1/evidence/consistency?first=5&second=" + size)
                .putHeader("Authorization", "Bearer " + token)
                .send()
                .await();
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        JsonObject p = r.bodyAsJsonObject();
        List<byte[]> path = new ArrayList<>();
        p.getJsonArray("proof").forEach(h -> path.add(HexFormat.of().parseHex((String) h)));
        assertThat(
                MerkleVerifier.verifyConsistency(
                    5,
                    size,
                    HexFormat.of().parseHex(p.getString("firstRoot")),
                    HexFormat.of().parseHex(p.getString("secondRoot")),
                    path))
            .isTrue();
        // the tree-head route shows the head's RFC 3161 tokens, each checked against the head
        WebClient web = WebClient.create(vertx);
        CompletableFuture<JsonObject> shown = new CompletableFuture<>();
        long poll =
            vertx.setPeriodic(
                200,
                id ->
                    web.get(api.actualPort(), "127.0.0.1", "/api/v1/evidence/tree-head")
                        .putHeader("Authorization", "Bearer " + token)
                        .send()
                        .onSuccess(
                            res -> {
                              JsonObject head = res.bodyAsJsonObject().getJsonObject("treeHead");
                              if (head != null && !head.getJsonArray("timestamps").isEmpty()) {
                                shown.complete(head);
                              }
                            }));
        JsonObject head = shown.get(20, TimeUnit.SECONDS);
        vertx.cancelTimer(poll);
        JsonObject stamp = head.getJsonArray("timestamps").getJsonObject(0);
        assertThat(stamp.getBoolean("verified")).as(stamp.encode()).isTrue();
        assertThat(stamp.getString("genTime")).isNotBlank();
        assertThat(stamp.getString("tsa")).isNotBlank();
        assertThat(stamp.getString("tokenBase64")).isNotBlank();
      } finally {
        vertx.close().await();
        node.close();
      }
      try (TocsinNode reopened = TocsinNode.open(data, TocsinConfig.load(config))) {
        VerifyReport audit =
            FileEvidenceLog.verify(
                data.resolve("ledger"), List.of(reopened.signingKeys().publicKey()), List.of());
        assertThat(audit.ok()).as("%s", audit.firstProblem()).isTrue();
      }
    }
  }
}
