package org.tocsin.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.node.TocsinNode;
import org.tocsin.node.campaigns.CampaignService;
import org.tocsin.node.config.TocsinConfig;
import org.tocsin.node.keys.ApiKeyStore;

/** The checked-in OpenAPI contract and the router agree, route by route and method by method. */
class OpenApiContractTest {
  @TempDir Path dir;

  @Test
  void everyRouteIsInTheContractAndEveryOperationHasARoute() throws Exception {
    JsonNode contract;
    try (InputStream in = getClass().getResourceAsStream("/org/tocsin/api/openapi/openapi.yaml")) {
      contract = new ObjectMapper(new YAMLFactory()).readTree(in);
    }
    TreeSet<String> documented = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = contract.get("paths").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      String path = p.getKey().replaceAll("\\{([^}]+)}", ":$1");
      p.getValue()
          .fieldNames()
          .forEachRemaining(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + path));
      p.getValue().forEach(op -> assertThat(op.has("operationId")).as(p.getKey()).isTrue());
    }

    Vertx vertx = Vertx.vertx();
    try (TocsinNode node =
        TocsinNode.open(dir.resolve("data"), TocsinConfig.defaults().withPort(0))) {
      ApiKeyStore keys = ApiKeyStore.open(dir.resolve("data"));
      ApiVerticle api =
          new ApiVerticle(
              new ApiContext(node, new CampaignService(node, CampaignConfig.defaults()), keys),
              node.config().http());
      vertx.deployVerticle(api).await();
      TreeSet<String> routed = new TreeSet<>();
      for (Route r : api.router().getRoutes()) {
        if (r.getPath() == null || r.methods() == null || r.methods().isEmpty()) {
          continue; // handlers on every request (headers, auth, bodies, static files)
        }
        for (HttpMethod m : r.methods()) {
          routed.add(m.name() + " " + r.getPath());
        }
      }
      assertThat(routed).isEqualTo(documented);

      HttpResponse<Buffer> served =
          WebClient.create(vertx)
              .get(api.actualPort(), "127.0.0.1", "/api/v1/openapi.yaml")
              .send()
              .await();
      assertThat(served.statusCode()).isEqualTo(200);
      assertThat(served.bodyAsString()).startsWith("openapi: 3.1.0");
    } finally {
      vertx.close().await();
    }
  }
}
