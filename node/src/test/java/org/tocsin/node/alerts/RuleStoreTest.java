package org.tocsin.node.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.json.Json;

/**
 * The rules file holds webhook secrets: only its owner may read it. Pausing and editing a rule
 * survive a reopen; a paused rule is not matched.
 */
class RuleStoreTest {
  @TempDir Path dir;

  @Test
  void theRulesFileIsOwnerOnly() throws Exception {
    Assumptions.assumeTrue(
        FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    RuleStore store = RuleStore.open(dir);
    store.add(
        AlertJson.ruleFromNode(
            Json.mapper()
                .readTree(
                    "{\"name\": \"r\", \"minHate\": 0.5, \"webhook\": {\"url\":"
                        + " \"https://hooks.example/x\", \"secret\": \"0123456789abcdef\"}}"),
            "rule-1",
            Instant.parse("2026-01-01T00:00:00Z"),
            "k"));
    Path file = dir.resolve("rules.json");
    assertThat(Files.readString(file)).contains("0123456789abcdef");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    // a file left readable by an older version is narrowed when opened
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(RuleStore.open(dir).list()).hasSize(1);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  private static AlertRule rule(String id, String json) throws Exception {
    return AlertJson.ruleFromNode(
        Json.mapper().readTree(json), id, Instant.parse("2026-01-01T00:00:00Z"), "k");
  }

  @Test
  void pauseAndEditSurviveAReopenAndAPausedRuleIsNotMatched() throws Exception {
    RuleStore store = RuleStore.open(dir);
    store.add(rule("rule-1", "{\"name\": \"one\", \"minHate\": 0.5}"));
    store.add(rule("rule-2", "{\"name\": \"two\", \"query\": \"x\"}"));
    assertThat(store.setPaused("rule-1", true)).isTrue();
    assertThat(store.setPaused("rule-none", true)).isFalse();
    assertThat(store.replace(rule("rule-2", "{\"name\": \"two b\", \"query\": \"y\"}"))).isTrue();
    assertThat(store.replace(rule("rule-3", "{\"name\": \"three\", \"query\": \"y\"}"))).isFalse();
    RuleStore again = RuleStore.open(dir);
    assertThat(again.isPaused("rule-1")).isTrue();
    assertThat(again.isPaused("rule-2")).isFalse();
    assertThat(again.list()).extracting(AlertRule::name).containsExactly("one", "two b");
    assertThat(again.matchers()).extracting(m -> m.rule().id()).containsExactly("rule-2");
    again.setPaused("rule-1", false);
    assertThat(RuleStore.open(dir).matchers()).hasSize(2);
  }
}
