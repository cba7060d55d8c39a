package org.tocsin.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.node.TocsinNode;
import org.tocsin.node.campaigns.CampaignService;
import org.tocsin.node.config.TocsinConfig;
import org.tocsin.node.keys.ApiKeyStore;
import org.tocsin.node.keys.Role;

/**
 * Requests are validated against the OpenAPI contract: for every parameter of every operation the
 * contract declares, values that break its schema (wrong type, out of bounds, not in the enum, too
 * long, missing when required) are derived from the contract itself and sent to a real node on
 * loopback; each gets a 400 problem naming the parameter, never a 500. Bodies of the wrong media
 * type get a 415, bodies that break their schema a 400. A route added to the contract is covered
 * without editing this test; a parameter without any constraint fails it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractValidationTest {
  private static final JsonNode CONTRACT = readContract();

  private TocsinNode node;
  private Vertx vertx;
  private WebClient client;
  private int port;
  private String admin;

  /** One bad request: what it breaks, and the parameter the problem must name. */
  record Case(
      String label,
      HttpMethod method,
      String uri,
      Map<String, String> headers,
      String contentType,
      String body,
      int status,
      String code,
      String names) {
    Case withBody(String type, String content, String problemCode) {
      return new Case(label, method, uri, headers, type, content, status, problemCode, names);
    }

    @Override
    public String toString() {
      return label;
    }
  }

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("tocsin.json");
    Files.writeString(
        config, "{\"http\": {\"port\": 0}, \"auth\": {\"requestsPerMinute\": 1000000}}");
    node = TocsinNode.open(dir.resolve("data"), TocsinConfig.load(config));
    ApiKeyStore keys = ApiKeyStore.open(dir.resolve("data"));
    admin = keys.create(Role.ADMIN, "validation").token();
    vertx = Vertx.vertx();
    ApiVerticle api =
        new ApiVerticle(
            new ApiContext(node, new CampaignService(node, CampaignConfig.defaults()), keys),
            node.config().http());
    vertx.deployVerticle(api).await();
    port = api.actualPort();
    client = WebClient.create(vertx);
  }

  @AfterAll
  void stop() throws Exception {
    vertx.close().await();
    node.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyContractViolationIsAProblemNamingWhatIsWrong(Case c) {
    var req = client.request(c.method(), port, "127.0.0.1", c.uri());
    req.putHeader("Authorization", "Bearer " + admin);
    c.headers().forEach(req::putHeader);
    HttpResponse<Buffer> r;
    if (c.body() == null) {
      r = req.send().await();
    } else {
      req.putHeader("Content-Type", c.contentType());
      r = req.sendBuffer(Buffer.buffer(c.body())).await();
    }
    assertThat(r.statusCode()).as("%s -> %s", c, r.bodyAsString()).isEqualTo(c.status());
    assertThat(r.getHeader("Content-Type")).isEqualTo("application/problem+json");
    JsonObject p = r.bodyAsJsonObject();
    assertThat(p.getString("code")).as(r.bodyAsString()).isEqualTo(c.code());
    assertThat(p.getInteger("status")).isEqualTo(c.status());
    if (c.names() != null) {
      assertThat(p.getString("detail")).as(r.bodyAsString()).contains("'" + c.names() + "'");
    }
  }

  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "2016",
        "\"a phrase\"",
        "100%",
        "[a TO b]",
        "{\"json\": 1}",
        "true",
        "null",
        "-1.5e3",
        "a+b",
        "é\u0000"
      })
  void validStringsThatLookLikeJsonOrNumbersPassAsTheyAre(String q) {
    HttpResponse<Buffer> r =
        client
            .get(port, "127.0.0.1", "/api/v1/stats/facets")
            .addQueryParam("q", q)
            .addQueryParam("platform", q)
            .putHeader("Authorization", "Bearer " + admin)
            .send()
            .await();
    // the index may refuse the query syntax (400 invalid_query), the contract never refuses it
    assertThat(r.statusCode()).as(r.bodyAsString()).isIn(200, 400);
    if (r.statusCode() == 400) {
      assertThat(r.bodyAsJsonObject().getString("code")).isEqualTo("invalid_query");
    }
  }

  @Test
  void everyParameterOfEveryOperationHasABadValueInTheTable() {
    TreeSet<String> declared = new TreeSet<>();
    TreeSet<String> covered = new TreeSet<>();
    forEachOperation(
        (path, method, op) -> {
          for (JsonNode p : parameters(op)) {
            declared.add(op.get("operationId").asText() + " " + p.get("name").asText());
          }
        });
    cases()
        .filter(c -> c.names() != null)
        .forEach(c -> covered.add(c.label().substring(0, c.label().indexOf(':'))));
    assertThat(covered).containsAll(declared);
    assertThat(declared).hasSizeGreaterThan(40);
  }

  static Stream<Case> cases() {
    List<Case> out = new ArrayList<>();
    forEachOperation(
        (path, method, op) -> {
          String id = op.get("operationId").asText();
          List<JsonNode> params = parameters(op);
          for (JsonNode p : params) {
            String name = p.get("name").asText();
            String in = p.get("in").asText();
            // a path parameter cannot be left out: the request would not reach this route
            boolean omittable = p.path("required").asBoolean() && !in.equals("path");
            for (String bad : badValues(p.get("schema"), omittable)) {
              Map<String, String> values = validValues(params);
              if (bad == null) {
                values.remove(in + ":" + name);
              } else {
                values.put(in + ":" + name, bad);
              }
              out.add(
                  request(
                      id + " " + name + ": " + describe(bad),
                      method,
                      path,
                      values,
                      op,
                      400,
                      "invalid_parameter",
                      name));
            }
          }
          JsonNode body = op.get("requestBody");
          if (body != null) {
            Map<String, String> values = validValues(params);
            out.add(
                request(id + " body as text/plain", method, path, values, op, 415, null, null)
                    .withBody("text/plain", "x", "unsupported_media_type"));
            JsonNode json = body.path("content").path("application/json").path("schema");
            boolean opaque = "binary".equals(json.path("format").asText());
            out.add(
                request(id + " empty body", method, path, values, op, 400, null, null)
                    .withBody(
                        opaque ? "application/x-ndjson" : "application/json", "", "invalid_body"));
            if (!opaque) {
              out.add(
                  request(id + " body not an object", method, path, values, op, 400, null, null)
                      .withBody("application/json", "[1]", "invalid_body"));
              out.add(
                  request(id + " body not JSON", method, path, values, op, 400, null, null)
                      .withBody("application/json", "{\"name\": ", "invalid_body"));
              if (resolve(json).has("required")) {
                out.add(
                    request(
                            id + " body without its fields",
                            method,
                            path,
                            values,
                            op,
                            400,
                            null,
                            null)
                        .withBody("application/json", "{}", "invalid_body"));
              }
            }
          }
        });
    return out.stream();
  }

  /** Values that break a schema; null stands for "left out" when the parameter is required. */
  private static List<String> badValues(JsonNode schema, boolean required) {
    JsonNode s = resolve(schema);
    List<String> bad = new ArrayList<>();
    if (required) {
      bad.add(null);
    }
    switch (s.path("type").asText()) {
      case "integer" -> {
        bad.add("ten");
        bad.add("1.5");
        if (s.has("minimum")) {
          bad.add(Long.toString(s.get("minimum").asLong() - 1));
        }
        if (s.has("maximum") && s.get("maximum").asLong() < Long.MAX_VALUE) {
          bad.add(Long.toString(s.get("maximum").asLong() + 1));
        }
      }
      case "number" -> {
        bad.add("half");
        if (s.has("minimum")) {
          bad.add(Double.toString(s.get("minimum").asDouble() - 0.5));
        }
        if (s.has("maximum")) {
          bad.add(Double.toString(s.get("maximum").asDouble() + 0.5));
        }
      }
      case "boolean" -> bad.add("maybe");
      case "string" -> {
        if (s.has("enum")) {
          bad.add("no-such-choice");
        }
        if (s.has("pattern")) {
          bad.add("no such choice!");
        }
        if (s.has("maxLength")) {
          bad.add("a".repeat(s.get("maxLength").asInt() + 1));
        }
      }
      default -> {}
    }
    return bad;
  }

  /** A valid value for each parameter: what the bad case leaves unchanged. */
  private static Map<String, String> validValues(List<JsonNode> params) {
    Map<String, String> values = new LinkedHashMap<>();
    for (JsonNode p : params) {
      JsonNode s = resolve(p.get("schema"));
      String in = p.get("in").asText();
      if (!in.equals("path") && !p.path("required").asBoolean()) {
        continue;
      }
      String v =
          switch (s.path("type").asText()) {
            case "integer", "number" -> "1";
            default ->
                s.has("enum")
                    ? s.get("enum").get(0).asText()
                    : s.has("example") ? s.get("example").asText() : "x";
          };
      values.put(in + ":" + p.get("name").asText(), v);
    }
    return values;
  }

  private static Case request(
      String label,
      HttpMethod method,
      String path,
      Map<String, String> values,
      JsonNode op,
      int status,
      String code,
      String names) {
    String uri = path;
    StringBuilder query = new StringBuilder();
    Map<String, String> headers = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : values.entrySet()) {
      String in = e.getKey().substring(0, e.getKey().indexOf(':'));
      String name = e.getKey().substring(in.length() + 1);
      String v = URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20");
      switch (in) {
        case "path" -> uri = uri.replace("{" + name + "}", v.isEmpty() ? "%20" : v);
        case "query" ->
            query.append(query.length() == 0 ? '?' : '&').append(name).append('=').append(v);
        case "header" -> headers.put(name, e.getValue());
        default -> throw new IllegalStateException("parameter in " + in);
      }
    }
    JsonNode body = op.get("requestBody");
    String type = null;
    String content = null;
    if (body != null) {
      // parameter cases carry a body that is valid for the media type, so only the parameter fails
      type = body.path("content").fieldNames().next();
      content = type.equals("application/json") ? "{\"name\": \"n\"}" : "{}";
    }
    return new Case(label, method, uri + query, headers, type, content, status, code, names);
  }

  private static String describe(String bad) {
    if (bad == null) {
      return "missing";
    }
    return bad.length() > 20 ? bad.length() + " characters" : "'" + bad + "'";
  }

  private interface OperationVisitor {
    void visit(String path, HttpMethod method, JsonNode op);
  }

  private static void forEachOperation(OperationVisitor v) {
    for (Iterator<Map.Entry<String, JsonNode>> it = CONTRACT.get("paths").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        v.visit(
            p.getKey(), HttpMethod.valueOf(op.getKey().toUpperCase(Locale.ROOT)), op.getValue());
      }
    }
  }

  private static List<JsonNode> parameters(JsonNode op) {
    List<JsonNode> out = new ArrayList<>();
    op.path("parameters").forEach(p -> out.add(resolve(p)));
    return out;
  }

  private static JsonNode resolve(JsonNode n) {
    while (n != null && n.has("$ref")) {
      n = CONTRACT.at(n.get("$ref").asText().substring(1));
    }
    return n;
  }

  private static JsonNode readContract() {
    try (InputStream in =
        ContractValidationTest.class.getResourceAsStream("/" + ContractValidator.CONTRACT)) {
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
