package org.tocsin.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.node.TocsinNode;
import org.tocsin.node.campaigns.CampaignService;
import org.tocsin.node.config.TocsinConfig;
import org.tocsin.node.keys.ApiKey;
import org.tocsin.node.keys.ApiKeyStore;
import org.tocsin.node.keys.Role;

/**
 * Keys changed by another store on the same file (what {@code tocsin keys} does beside a running
 * node) count in the running node at once, and the node's own key changes never undo them.
 */
class KeyRevocationTest {
  @TempDir Path dir;

  @Test
  void cliRevocationAndCreationCountAtOnceInARunningNode() throws Exception {
    Path data = dir.resolve("data");
    Vertx vertx = Vertx.vertx();
    try (TocsinNode node = TocsinNode.open(data, TocsinConfig.defaults().withPort(0))) {
      ApiKeyStore nodeKeys = ApiKeyStore.open(data);
      String admin = nodeKeys.create(Role.ADMIN, "admin").token();
      ApiKeyStore cli = ApiKeyStore.open(data);
      ApiKeyStore.CreatedKey analyst = cli.create(Role.ANALYST, "analyst");
      ApiVerticle api =
          new ApiVerticle(
              new ApiContext(node, new CampaignService(node, CampaignConfig.defaults()), nodeKeys),
              node.config().http());
      vertx.deployVerticle(api).await();
      WebClient client = WebClient.create(vertx);
      int port = api.actualPort();

      assertThat(me(client, port, analyst.token()).statusCode()).isEqualTo(200);
      assertThat(cli.revoke(analyst.key().id())).isTrue();
      HttpResponse<Buffer> revoked = me(client, port, analyst.token());
      assertThat(revoked.statusCode()).isEqualTo(401);
      assertThat(revoked.bodyAsJsonObject().getString("code")).isEqualTo("unauthorized");

      // the node lists it revoked, and a key change through the API does not revive it
      HttpResponse<Buffer> list =
          client
              .get(port, "127.0.0.1", "/api/v1/keys")
              .putHeader("Authorization", "Bearer " + admin)
              .send()
              .await();
      assertThat(
              list.bodyAsJsonObject().getJsonArray("keys").stream()
                  .map(JsonObject.class::cast)
                  .filter(k -> k.getString("id").equals(analyst.key().id()))
                  .findFirst()
                  .orElseThrow()
                  .getBoolean("active"))
          .isFalse();
      HttpResponse<Buffer> created =
          client
              .post(port, "127.0.0.1", "/api/v1/keys")
              .putHeader("Authorization", "Bearer " + admin)
              .sendJsonObject(new JsonObject().put("role", "trust").put("name", "via api"))
              .await();
      assertThat(created.statusCode()).isEqualTo(201);
      assertThat(me(client, port, analyst.token()).statusCode()).isEqualTo(401);
      assertThat(ApiKeyStore.open(data).list())
          .filteredOn(k -> k.id().equals(analyst.key().id()))
          .singleElement()
          .extracting(ApiKey::active)
          .isEqualTo(false);

      // a key made by the CLI while the node runs works at once and survives node changes
      ApiKeyStore.CreatedKey late = cli.create(Role.PROSECUTOR, "made while running");
      assertThat(me(client, port, late.token()).statusCode()).isEqualTo(200);
      HttpResponse<Buffer> revokeViaApi =
          client
              .delete(
                  port, "127.0.0.1", "/api/v1/keys/" + created.bodyAsJsonObject().getString("id"))
              .putHeader("Authorization", "Bearer " + admin)
              .send()
              .await();
      assertThat(revokeViaApi.statusCode()).isEqualTo(204);
      assertThat(ApiKeyStore.open(data).authenticate(late.token())).isPresent();
      assertThat(me(client, port, late.token()).statusCode()).isEqualTo(200);
    } finally {
      vertx.close().await();
    }
  }

  private static HttpResponse<Buffer> me(WebClient client, int port, String token) {
    return client
        .get(port, "127.0.0.1", "/api/v1/me")
        .putHeader("Authorization", "Bearer " + token)
        .send()
        .await();
  }
}
