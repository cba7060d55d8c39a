package org.tocsin.models.incitement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second annotation of the incitement set (models/incitement/second-annotation): every id is a
 * post of the shipped set, each file covers one split exactly, and the kappas that agreement.py
 * recorded in agreement.json equal the ones computed here, independently, from the two files.
 */
class AnnotatorAgreementTest {

  static final Path DIR = Path.of("incitement", "second-annotation");

  /** agreement.json rounds to 4 decimals. */
  static final double ROUNDING = 0.5e-4 + 1e-12;

  @Test
  void kappaMatchesCohensDefinitionOnHandWorkedCases() {
    // 50 items: both yes 20, A yes B no 5, A no B yes 10, both no 15. po = 0.7; A says yes 25/50
    // and B 30/50, so pe = 0.5 * 0.6 + 0.5 * 0.4 = 0.5 and kappa = (0.7 - 0.5) / 0.5 = 0.4.
    List<String> a = new ArrayList<>();
    List<String> b = new ArrayList<>();
    add(a, b, "yes", "yes", 20);
    add(a, b, "yes", "no", 5);
    add(a, b, "no", "yes", 10);
    add(a, b, "no", "no", 15);
    Agreement k = Agreement.of(a, b);
    assertThat(k.agreement()).isCloseTo(0.7, within(1e-12));
    assertThat(k.kappa()).isCloseTo(0.4, within(1e-12));
    assertThat(k.items()).isEqualTo(50);
    // Agreement at chance level is 0, systematic disagreement is negative, identity is 1.
    assertThat(Agreement.of(List.of(1, 1, 0, 0), List.of(1, 0, 1, 0)).kappa())
        .isCloseTo(0, within(1e-12));
    assertThat(Agreement.of(List.of(1, 0), List.of(0, 1)).kappa()).isCloseTo(-1, within(1e-12));
    assertThat(Agreement.of(List.of("a", "b", "c"), List.of("a", "b", "c")).kappa()).isEqualTo(1);
    // One label everywhere on both sides: chance agreement is 1 and kappa is undefined.
    assertThat(Agreement.of(List.of("x", "x"), List.of("x", "x")).kappa()).isNaN();
  }

  @Test
  void kappaRejectsListsThatCannotBeCompared() {
    assertThatThrownBy(() -> Agreement.of(List.of(1, 2), List.of(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[got 2, 1]");
    assertThatThrownBy(() -> Agreement.of(List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Agreement.of(Collections.singletonList(null), List.of(1)))
        .hasMessageContaining("null label");
  }

  @Test
  void secondAnnotationCoversEachSplitOfTheShippedSetExactly() throws IOException {
    IncitementSet set = IncitementSet.loadDefault();
    for (String split : IncitementSet.SPLITS) {
      SecondAnnotation b = SecondAnnotation.read(DIR.resolve("annotator-b-" + split + ".jsonl"));
      List<SecondAnnotation.Pair> pairs = b.pair(set);
      assertThat(pairs).allMatch(p -> p.first().split().equals(split));
      assertThat(pairs.stream().map(p -> p.first().id()).collect(Collectors.toSet()))
          .isEqualTo(
              set.split(split).stream().map(IncitementSet.Post::id).collect(Collectors.toSet()));
      for (SecondAnnotation.Label l : b.labels()) {
        // The scheme of the guideline (section 3): content_form on every hostile post, intent on
        // every incitement post, no factor on a none.
        assertThat(l.factors().contains("content_form"))
            .as(l.id())
            .isEqualTo(!l.label().equals("none"));
        if (l.incitement()) {
          assertThat(l.factors()).as(l.id()).contains("intent");
        }
      }
    }
  }

  @Test
  void recordedKappasEqualTheOnesComputedFromTheTwoFiles() throws IOException {
    IncitementSet set = IncitementSet.loadDefault();
    Map<String, List<SecondAnnotation.Pair>> groups = new LinkedHashMap<>();
    List<SecondAnnotation.Pair> all = new ArrayList<>();
    for (String split : List.of("test", "dev")) {
      List<SecondAnnotation.Pair> pairs =
          SecondAnnotation.read(DIR.resolve("annotator-b-" + split + ".jsonl")).pair(set);
      groups.put(split, pairs);
      all.addAll(pairs);
    }
    groups.put("all", all);
    Set<String> quoted = guidelineExamples(set);
    for (String g : List.of("test", "dev", "all")) {
      groups.put(
          g + "-unquoted",
          groups.get(g).stream().filter(p -> !quoted.contains(p.first().id())).toList());
    }
    JsonNode recorded =
        new ObjectMapper().readTree(Files.readString(DIR.resolve("agreement.json"))).get("groups");
    assertThat(recorded).isNotNull();
    assertThat(names(recorded.fieldNames())).containsExactlyInAnyOrderElementsOf(groups.keySet());
    for (var e : groups.entrySet()) {
      List<SecondAnnotation.Pair> pairs = e.getValue();
      JsonNode r = recorded.get(e.getKey());
      assertThat(r.get("posts").asInt()).as(e.getKey()).isEqualTo(pairs.size());
      check(
          r,
          "incitement",
          e.getKey(),
          SecondAnnotation.agreement(
              pairs, IncitementSet.Post::incitement, SecondAnnotation.Label::incitement));
      check(
          r,
          "label",
          e.getKey(),
          SecondAnnotation.agreement(
              pairs, IncitementSet.Post::label, SecondAnnotation.Label::label));
      check(
          r,
          "hostile",
          e.getKey(),
          SecondAnnotation.agreement(
              pairs, p -> !p.label().equals("none"), l -> !l.label().equals("none")));
      for (String f : SecondAnnotation.FACTORS) {
        check(
            r,
            "factor_" + f,
            e.getKey(),
            SecondAnnotation.agreement(
                pairs, p -> p.factors().contains(f), l -> l.factors().contains(f)));
      }
      assertThat(r.get("incitement").get("a_positive").asLong())
          .isEqualTo(pairs.stream().filter(p -> p.first().incitement()).count());
      assertThat(r.get("incitement").get("b_positive").asLong())
          .isEqualTo(pairs.stream().filter(p -> p.second().incitement()).count());
    }
  }

  @Test
  void aBadAnnotationLineIsRejectedWithFileAndLine(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("b.jsonl");
    String ok = "{\"id\":\"inc-0001\",\"label\":\"none\",\"factors\":[],\"reason\":\"news\"}";
    Files.writeString(f, ok + "\n" + ok.replace("none", "violent") + "\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> SecondAnnotation.read(f))
        .isInstanceOf(IncitementSetFormatException.class)
        .hasMessageContaining("b.jsonl:2")
        .hasMessageContaining("[got violent]");
    Files.writeString(f, ok.replace("[]", "[\"speaker\"]") + "\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> SecondAnnotation.read(f))
        .hasMessageContaining("factors must be among");
    Files.writeString(f, ok.replace("\"news\"", "\" \"") + "\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> SecondAnnotation.read(f))
        .hasMessageContaining("missing or empty string field reason");
    Files.writeString(f, ok + "\n" + ok + "\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> SecondAnnotation.read(f)).hasMessageContaining("duplicate id");
    Files.writeString(f, ok.replace("inc-0001", "inc-9999") + "\n", StandardCharsets.UTF_8);
    IncitementSet set = IncitementSet.loadDefault();
    SecondAnnotation stray = SecondAnnotation.read(f);
    assertThatThrownBy(() -> stray.pair(set))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ids not in")
        .hasMessageContaining("inc-9999");
  }

  private static void check(JsonNode group, String field, String name, Agreement computed) {
    JsonNode k = group.get(field).get("kappa");
    if (k.isNull()) {
      assertThat(computed.kappa()).as(name + " " + field).isNaN();
    } else {
      assertThat(computed.kappa())
          .as(name + " " + field + " kappa")
          .isCloseTo(k.asDouble(), within(ROUNDING));
    }
    assertThat(computed.agreement())
        .as(name + " " + field + " agreement")
        .isCloseTo(group.get(field).get("agreement").asDouble(), within(ROUNDING));
  }

  private static Set<String> guidelineExamples(IncitementSet set) throws IOException {
    Set<String> ids = new HashSet<>();
    for (String line : Files.readAllLines(DIR.resolve("guideline-examples.txt"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        ids.add(line.split("\t", 2)[0].strip());
      }
    }
    Set<String> known =
        set.posts().stream().map(IncitementSet.Post::id).collect(Collectors.toSet());
    assertThat(known).containsAll(ids);
    assertThat(ids).hasSizeGreaterThan(30);
    return ids;
  }

  private static void add(List<String> a, List<String> b, String x, String y, int times) {
    for (int i = 0; i < times; i++) {
      a.add(x);
      b.add(y);
    }
  }

  private static List<String> names(java.util.Iterator<String> it) {
    List<String> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
