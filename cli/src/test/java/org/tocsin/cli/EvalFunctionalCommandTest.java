package org.tocsin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.json.Json;

class EvalFunctionalCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void scoresTheShippedSuiteWithTheConfiguredScorer() throws Exception {
    // The lexicon scorer keeps the test fast; the report's arithmetic is tested in models.
    Path config = dir.resolve("lexicon.json");
    Files.writeString(config, "{\"nlp\": {\"scorer\": \"lexicon\"}}", StandardCharsets.UTF_8);
    Path json = dir.resolve("report.json");
    assertThat(
            run(
                "eval-functional",
                "--config",
                config.toString(),
                "--lang",
                "de,ar",
                "--json",
                json.toString()))
        .as(err.toString())
        .isZero();
    assertThat(out.toString())
        .contains("Tocsin functional suite, test part: 3038 cases, scorer tocsin-lexicon-baseline")
        .contains("== posts tagged with their language ==")
        .contains("== the same posts without a language tag ==")
        .contains("threat_direct")
        .contains("Per group x language: false-positive rate on neutral identity statements")
        .contains("Scored 6076 posts (3038 tagged, 3038 untagged)");
    JsonNode j = Json.mapper().readTree(json.toFile());
    assertThat(j.get("part").asText()).isEqualTo("test");
    assertThat(j.get("runs").get("tagged").get("by_language").has("de")).isTrue();
    assertThat(j.get("runs").get("untagged").get("overall").get("n").asInt()).isEqualTo(3038);
  }

  @Test
  void badOptionsAreOneLineErrors() {
    assertThat(run("eval-functional", "--part", "dev")).isEqualTo(2);
    assertThat(err.toString()).contains("part must be train or test");
    assertThat(run("eval-functional", "--lang", "en,xx")).isEqualTo(2);
    assertThat(err.toString()).contains("--lang: the suite has en,de,fr,es,ar [got xx]");
    assertThat(run("eval-functional", "--suite", dir.resolve("none").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("not a directory");
  }

  @Test
  void aBrokenSuiteDirectoryIsAnErrorNotACrash() throws Exception {
    Files.createDirectories(dir.resolve("suite"));
    Path config = dir.resolve("lexicon.json");
    Files.writeString(config, "{\"nlp\": {\"scorer\": \"lexicon\"}}", StandardCharsets.UTF_8);
    assertThat(
            run(
                "eval-functional",
                "--config",
                config.toString(),
                "--suite",
                dir.resolve("suite").toString(),
                "--lang",
                "en"))
        .isEqualTo(1);
    assertThat(err.toString()).contains("tocsin: error: ").contains("groups/en.tsv: missing");
  }
}
