package org.tocsin.campaigns.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.campaigns.detect.CampaignDetector;
import org.tocsin.campaigns.detect.CampaignReport;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Post;

class CampaignsJsonTest {

  @Test
  void writesTheIssueFormat() throws Exception {
    List<Post> posts = new ArrayList<>();
    String text = "they are coming for our jobs and our homes wake up now";
    long t = 1_458_630_000_000L;
    for (int action = 0; action < 3; action++) {
      for (int a = 0; a < 4; a++) {
        posts.add(post("x" + action + a, "acct\"" + a, t + action * 3_600_000L + a * 1000L, text));
      }
    }
    posts.add(post("lonely", "organic", t, "a quiet walk in the park with the dog today"));
    CampaignReport report = CampaignDetector.detect(posts, Map.of(), CampaignConfig.defaults());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CampaignsJson.write(report, out);
    JsonNode root = new ObjectMapper().readTree(out.toByteArray());

    assertThat(fields(root)).containsExactly("campaigns", "parameters");
    assertThat(root.get("campaigns")).hasSize(1);
    JsonNode c = root.get("campaigns").get(0);
    assertThat(fields(c))
        .startsWith("id", "accounts", "posts", "signals", "strength", "harm", "edges");
    Set<String> accounts = new HashSet<>();
    c.get("accounts").forEach(a -> accounts.add(a.asText()));
    assertThat(accounts).containsExactlyInAnyOrder("acct\"0", "acct\"1", "acct\"2", "acct\"3");
    assertThat(c.get("posts")).hasSize(12);
    assertThat(fields(c.get("posts").get(0))).containsExactly("platform", "id");
    assertThat(c.get("signals").get("text").asInt()).isPositive();
    assertThat(c.get("strength").isNumber()).isTrue();
    JsonNode edge = c.get("edges").get(0);
    assertThat(fields(edge)).containsExactly("source", "target", "weight", "signals", "posts");
    JsonNode signal = edge.get("signals").get(0);
    assertThat(signal.get("signal").asText()).isEqualTo("text");
    assertThat(signal.get("samples").get(0).get("first").get("platform").asText())
        .isEqualTo("twitter");
    assertThat(signal.get("gapSeconds").get("max").asDouble()).isLessThanOrEqualTo(60);
    assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("organic");
    JsonNode params = root.get("parameters");
    assertThat(params.get("window").asText()).isEqualTo("300s");
    assertThat(params.get("text").get("window").asText()).isEqualTo("86400s");
    assertThat(params.get("minAssociation").asDouble()).isEqualTo(0.3);
    assertThat(params.get("minRepeat").asInt()).isEqualTo(2);
    assertThat(params.get("edgeWeightQuantile").asDouble()).isEqualTo(0.0);
    assertThat(params.has("edgeWeightThreshold")).isTrue();
  }

  @Test
  void parametersReadBackAsAConfiguration() throws Exception {
    CampaignReport empty = CampaignDetector.detect(List.of(), Map.of(), CampaignConfig.defaults());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CampaignsJson.write(empty, out);
    com.fasterxml.jackson.databind.node.ObjectNode params =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            new ObjectMapper().readTree(out.toByteArray()).get("parameters");
    params.remove("edgeWeightThreshold");
    assertThat(CampaignConfig.fromJson(params)).isEqualTo(CampaignConfig.defaults());
  }

  private static List<String> fields(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static Post post(String id, String author, long millis, String text) {
    return new Post(
        "twitter",
        id,
        null,
        new Author(author, null, null, null, null),
        java.time.Instant.ofEpochMilli(millis),
        text,
        "en",
        null,
        null,
        null,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        null,
        null,
        Map.of());
  }
}
