package org.tocsin.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.node.TocsinNode;
import org.tocsin.node.campaigns.CampaignService;
import org.tocsin.node.config.TocsinConfig;
import org.tocsin.node.keys.ApiKeyStore;
import org.tocsin.node.keys.Role;

/** Per-key rate limits answer 429 with Retry-After, for that key only. */
class RateLimitTest {
  @TempDir Path dir;

  @Test
  void eachKeyHasItsOwnBudget() throws Exception {
    Path config = dir.resolve("tocsin.json");
    Files.writeString(config, "{\"http\": {\"port\": 0}, \"auth\": {\"requestsPerMinute\": 3}}");
    Vertx vertx = Vertx.vertx();
    try (TocsinNode node = TocsinNode.open(dir.resolve("data"), TocsinConfig.load(config))) {
      ApiKeyStore keys = ApiKeyStore.open(dir.resolve("data"));
      String a = keys.create(Role.ANALYST, "a").token();
      String b = keys.create(Role.ANALYST, "b").token();
      ApiVerticle api =
          new ApiVerticle(
              new ApiContext(node, new CampaignService(node, CampaignConfig.defaults()), keys),
              node.config().http());
      vertx.deployVerticle(api).await();
      WebClient client = WebClient.create(vertx);
      for (int i = 0; i < 3; i++) {
        assertThat(call(client, api.actualPort(), a).statusCode()).isEqualTo(200);
      }
      HttpResponse<Buffer> limited = call(client, api.actualPort(), a);
      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.bodyAsJsonObject().getString("code")).isEqualTo("rate_limited");
      assertThat(Long.parseLong(limited.getHeader("Retry-After"))).isBetween(1L, 20L);
      assertThat(call(client, api.actualPort(), b).statusCode()).isEqualTo(200);
    } finally {
      vertx.close().await();
    }
  }

  private static HttpResponse<Buffer> call(WebClient client, int port, String token) {
    return client
        .get(port, "127.0.0.1", "/api/v1/posts/search?q=x")
        .putHeader("Authorization", "Bearer " + token)
        .send()
        .await();
  }
}
