package org.tocsin.models.incitement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncitementSetTest {

  @Test
  void shippedSetHasAtLeast600PostsAndBothSplitsWithPositives() throws IOException {
    IncitementSet set = IncitementSet.loadDefault();
    assertThat(set.posts()).hasSizeGreaterThanOrEqualTo(600);
    for (String split : IncitementSet.SPLITS) {
      assertThat(set.split(split)).hasSizeGreaterThan(250);
      assertThat(set.split(split).stream().filter(IncitementSet.Post::incitement).count())
          .isGreaterThanOrEqualTo(30);
      for (String label : IncitementSet.LABELS) {
        assertThat(set.split(split).stream().filter(p -> p.label().equals(label)))
            .as(label + " in " + split)
            .isNotEmpty();
      }
    }
    set.posts().stream()
        .filter(IncitementSet.Post::incitement)
        .forEach(p -> assertThat(p.rationale()).as(p.id()).isNotBlank());
  }

  @Test
  void shippedSetNeverHoldsHateXplainTestPostsOrDuplicateTexts() throws IOException {
    IncitementSet set = IncitementSet.loadDefault();
    Set<String> texts = new HashSet<>();
    for (IncitementSet.Post p : set.posts()) {
      assertThat(texts.add(p.text())).as("duplicate text " + p.id()).isTrue();
      assertThat(p.source()).isIn("hatexplain", "stormfront", "davidson", "mlma_en", "ira");
    }
    Set<String> hatexplainTest = new HashSet<>();
    try (var in = IncitementSetTest.class.getResourceAsStream("hatexplain-test-ids.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          hatexplainTest.add(line.strip());
        }
      }
    }
    assertThat(hatexplainTest).hasSize(1924);
    assertThat(set.posts())
        .filteredOn(p -> p.source().equals("hatexplain"))
        .isNotEmpty()
        .noneMatch(p -> hatexplainTest.contains(p.sourceId()));
  }

  @Test
  void aBadLineIsRejectedWithFileAndLine(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("bad.jsonl");
    String ok =
        "{\"id\":\"a\",\"source\":\"s\",\"source_id\":\"1\",\"text\":\"t\",\"label\":\"none\","
            + "\"factors\":[],\"split\":\"dev\"}";
    Files.writeString(
        f,
        ok + "\n" + ok.replace("\"a\"", "\"b\"").replace("none", "violent") + "\n",
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> IncitementSet.read(f))
        .isInstanceOf(IncitementSetFormatException.class)
        .hasMessageContaining("bad.jsonl:2")
        .hasMessageContaining("[got violent]");
    Files.writeString(f, ok + "\n" + ok + "\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> IncitementSet.read(f)).hasMessageContaining("duplicate id [got a]");
    Files.writeString(f, "{not json\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> IncitementSet.read(f)).hasMessageContaining("bad.jsonl:1: not JSON");
    Files.writeString(f, ok.replace("\"dev\"", "\"train\"") + "\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> IncitementSet.read(f)).hasMessageContaining("split must be one of");
  }
}
