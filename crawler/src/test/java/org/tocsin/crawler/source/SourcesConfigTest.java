package org.tocsin.crawler.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourcesConfigTest {
  private static final Map<String, String[]> REQUIRED =
      Map.of(
          "mastodon", new String[] {"baseUrl"},
          "mastodon-stream", new String[] {"baseUrl"},
          "jetstream", new String[] {},
          "telegram", new String[] {"channel"},
          "reddit", new String[] {"subreddit"},
          "rss", new String[] {"url"},
          "4chan", new String[] {"boards"},
          "files", new String[] {"directory"});

  @SuppressWarnings("unchecked")
  static JsonObject defaultFile() throws Exception {
    ObjectMapper m =
        new ObjectMapper(JsonFactory.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build());
    try (InputStream in = SourcesConfig.class.getResourceAsStream(SourcesConfig.DEFAULT_RESOURCE)) {
      return new JsonObject(m.readValue(in, Map.class));
    }
  }

  @Test
  void theDefaultFileListsEveryTypeAndItsValuesAreTheCodesDefaults() throws Exception {
    JsonObject root = defaultFile();
    SourcesConfig full = SourcesConfig.fromJson(root);
    JsonArray entries = root.getJsonArray("sources");
    assertThat(entries.stream().map(e -> ((JsonObject) e).getString("type")))
        .containsExactlyElementsOf(SourcesConfig.TYPES);
    JsonArray minimal = new JsonArray();
    for (Object o : entries) {
      JsonObject e = (JsonObject) o;
      JsonObject min =
          new JsonObject().put("type", e.getValue("type")).put("name", e.getValue("name"));
      for (String k : REQUIRED.get(e.getString("type"))) {
        min.put(k, e.getValue(k));
      }
      minimal.add(min);
    }
    JsonObject ua =
        new JsonObject()
            .put(
                "fetch",
                new JsonObject()
                    .put(
                        "userAgent",
                        root.getJsonObject("defaults")
                            .getJsonObject("fetch")
                            .getString("userAgent")));
    assertThat(SourcesConfig.fromJson(minimal, ua)).isEqualTo(full);
  }

  private static JsonObject telegram() {
    return new JsonObject()
        .put("type", "telegram")
        .put("name", "tg")
        .put("channel", "some_channel")
        .put("fetch", new JsonObject().put("userAgent", "Tocsin/0.1 (ops@ngo.example)"));
  }

  @Test
  void errorsNameTheEntryAndTheKey() {
    assertThatThrownBy(
            () -> SourcesConfig.fromJson(new JsonArray().add(telegram().put("chanel", "x")), null))
        .hasMessageStartingWith("sources[0] (telegram 'tg'): ")
        .hasMessageContaining("chanel is not a key")
        .hasMessageContaining("[got \"chanel\"]");
    assertThatThrownBy(
            () ->
                SourcesConfig.fromJson(
                    new JsonArray().add(telegram().put("maxBackfillPages", "ten")), null))
        .hasMessageContaining("maxBackfillPages must be a whole number [got \"ten\"]");
    assertThatThrownBy(
            () ->
                SourcesConfig.fromJson(
                    new JsonArray()
                        .add(telegram())
                        .add(
                            telegram()
                                .put("name", "x")
                                .put("fetch", new JsonObject().put("userAgent", "curl/8"))),
                    null))
        .hasMessageStartingWith("sources[1] (telegram 'x'): fetch: ")
        .hasMessageContaining("[got 'curl/8']");
    assertThatThrownBy(
            () ->
                SourcesConfig.fromJson(
                    new JsonArray().add(telegram().put("type", "myspace")), null))
        .hasMessageContaining("type must be one of")
        .hasMessageContaining("[got myspace]");
    assertThatThrownBy(
            () -> SourcesConfig.fromJson(new JsonArray().add(telegram()).add(telegram()), null))
        .hasMessageContaining("same name [got tg]");
    assertThatThrownBy(
            () ->
                SourcesConfig.fromJson(
                    new JsonArray()
                        .add(
                            new JsonObject()
                                .put("type", "mastodon")
                                .put("name", "m")
                                .put("baseUrl", "https://m.example")
                                .put("limt", 3)),
                    null))
        .hasMessageStartingWith("sources[0] (mastodon 'm'): limt is not a key");
    assertThatThrownBy(
            () ->
                SourcesConfig.fromJson(
                    new JsonArray().add(new JsonObject().put("type", "reddit").put("name", "r")),
                    null))
        .hasMessageContaining("subreddit is required");
  }
}
