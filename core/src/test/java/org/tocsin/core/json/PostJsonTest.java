package org.tocsin.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tocsin.core.post.Post;

class PostJsonTest {

  private static List<String> realLines() throws IOException {
    try (InputStream in = PostJsonTest.class.getResourceAsStream("real-posts.jsonl")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  @Test
  void realPostsRoundTripWithUnknownFieldsKept() throws Exception {
    List<String> lines = realLines();
    assertThat(lines).hasSize(7);
    for (String line : lines) {
      Post p = PostJson.read(line);
      Post again = PostJson.read(PostJson.write(p));
      assertThat(again).isEqualTo(p);
      JsonNode original = Json.mapper().readTree(line);
      JsonNode written = Json.mapper().readTree(PostJson.write(p));
      // every field of the input survives, unknown ones (ira, hatexplain) included
      original
          .fieldNames()
          .forEachRemaining(f -> assertThat(written.get(f)).as(f).isEqualTo(original.get(f)));
      assertThat(p.extra())
          .containsAnyOf(
              java.util.Map.entry("ira", original.path("ira")),
              java.util.Map.entry("hatexplain", original.path("hatexplain")));
    }
  }

  @Test
  void readsTheContractFields() throws Exception {
    Post p =
        PostJson.read(
            "{\"platform\":\"mastodon\",\"id\":\"1\",\"url\":\"https://x.example/@a/1\","
                + "\"author\":{\"id\":\"9\",\"handle\":\"a\",\"followers\":12,\"createdAt\":\"2020-01-01T00:00:00+02:00\"},"
                + "\"createdAt\":\"2024-05-01T10:00:00.5Z\",\"text\":\"héllo <b>\",\"lang\":\"fr\","
                + "\"replyTo\":\"0\",\"links\":[\"https://e.example\"],\"hashtags\":[\"a\"],\"mentions\":[\"b\"],"
                + "\"media\":[{\"url\":\"https://m.example/1.png\",\"sha256\":\""
                + "a".repeat(64)
                + "\"}],\"metrics\":{\"likes\":3,\"reposts\":0},\"edited\":\"2024-05-01T11:00:00Z\"}");
    assertThat(p.createdAt()).isEqualTo(Instant.parse("2024-05-01T10:00:00.5Z"));
    assertThat(p.author().createdAt()).isEqualTo(Instant.parse("2019-12-31T22:00:00Z"));
    assertThat(p.author().followers()).isEqualTo(12);
    assertThat(p.metrics().likes()).isEqualTo(3);
    assertThat(p.metrics().views()).isNull();
    assertThat(p.media().get(0).sha256()).hasSize(64);
    assertThat(p.edited()).isEqualTo(Instant.parse("2024-05-01T11:00:00Z"));
    assertThat(PostJson.read(PostJson.write(p))).isEqualTo(p);
  }

  @Test
  void badInputIsRefusedWithTheFieldNamed() {
    String ok =
        "\"platform\":\"t\",\"id\":\"1\",\"author\":{\"id\":\"a\"},\"createdAt\":\"2020-01-01T00:00:00Z\"";
    assertBad("{" + ok + "}", "text: required string is missing");
    assertBad("{" + ok + ",\"text\":5}", "text: must be a string");
    assertBad(
        "{\"platform\":\"t\",\"id\":\"1\",\"createdAt\":\"2020-01-01T00:00:00Z\",\"text\":\"\"}",
        "author: required object");
    assertBad(
        "{" + ok.replace("2020-01-01T00:00:00Z", "2020-01-01") + ",\"text\":\"\"}",
        "createdAt: not an ISO-8601 time");
    assertBad(
        "{" + ok + ",\"text\":\"\",\"metrics\":{\"likes\":-1}}",
        "metrics.likes: must be a non-negative");
    assertBad("{" + ok + ",\"text\":\"\",\"hashtags\":[1]}", "hashtags[0]: must be a string");
    assertBad(
        "{" + ok + ",\"text\":\"\",\"media\":[{\"url\":\"u\",\"sha256\":\"XYZ\"}]}",
        "media[0].sha256");
    assertBad("{" + ok + ",\"text\":\"\",\"text\":\"again\"}", "not valid JSON");
    assertBad("[]", "a post must be a JSON object");
    assertBad("{" + ok + ",\"text\":\"\"} trailing", "not valid JSON");
    assertBad("[".repeat(1000) + "]".repeat(1000), "not valid JSON");
    assertBad(
        "{" + ok + ",\"text\":\"" + "x".repeat(PostJson.MAX_TEXT_CHARS + 1) + "\"}",
        "text: too long");
  }

  @Test
  void postReferencesAreReadAsStringsOrAsPlatformAndIdObjects() throws Exception {
    // a real post of the fixture, reposting another, written both ways
    ObjectNode real = (ObjectNode) Json.mapper().readTree(realLines().get(0));
    String platform = real.get("platform").asText();
    ObjectNode asString = real.deepCopy();
    asString.put("repostOf", "1001").put("replyTo", "1002").put("quoteOf", "1003");
    ObjectNode asObject = real.deepCopy();
    asObject.putObject("repostOf").put("platform", platform).put("id", "1001");
    asObject.putObject("replyTo").put("id", "1002");
    asObject.putObject("quoteOf").put("platform", platform).put("id", "1003");
    Post s = PostJson.read(asString.toString());
    Post o = PostJson.read(asObject.toString());
    assertThat(o).isEqualTo(s);
    assertThat(o.repostOf()).isEqualTo("1001");
    assertThat(o.replyTo()).isEqualTo("1002");
    assertThat(o.quoteOf()).isEqualTo("1003");
    // written back in the string form
    assertThat(Json.mapper().readTree(PostJson.write(o)).get("repostOf").isTextual()).isTrue();

    ObjectNode otherPlatform = real.deepCopy();
    otherPlatform.putObject("repostOf").put("platform", "elsewhere").put("id", "1");
    assertBad(otherPlatform.toString(), "repostOf.platform: must be the post's own platform");
    ObjectNode noId = real.deepCopy();
    noId.putObject("quoteOf").put("platform", platform);
    assertBad(noId.toString(), "quoteOf.id: required string is missing");
    ObjectNode extraKey = real.deepCopy();
    extraKey.putObject("replyTo").put("id", "1").put("url", "x");
    assertBad(extraKey.toString(), "replyTo: an object reference has only platform and id");
    ObjectNode number = real.deepCopy();
    number.put("repostOf", 5);
    assertBad(number.toString(), "repostOf: must be a post id string or an object");
  }

  private static void assertBad(String json, String message) {
    assertThatThrownBy(() -> PostJson.read(json))
        .isInstanceOf(PostFormatException.class)
        .hasMessageContaining(message);
  }
}
