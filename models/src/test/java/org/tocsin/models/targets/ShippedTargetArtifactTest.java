package org.tocsin.models.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tocsin.core.score.TargetScore;
import org.tocsin.nlp.classifier.TargetClassifier;

/**
 * The target-group artifact that ships loads, from its directory and the jar, and scores as
 * recorded.
 */
class ShippedTargetArtifactTest {
  static final Path DIR = Path.of("artifacts", "targets-v1");
  static TargetClassifier classifier;

  @BeforeAll
  static void load() throws IOException {
    classifier = TargetClassifier.load(DIR);
  }

  record Recorded(String text, double[] p) {}

  static List<Recorded> recorded() throws IOException {
    List<Recorded> out = new ArrayList<>();
    try (InputStream in =
        ShippedTargetArtifactTest.class.getResourceAsStream("targets-v1-reference-scores.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        double[] p = new double[f.length - 1];
        for (int i = 1; i < f.length; i++) {
          p[i - 1] = Double.parseDouble(f[i]);
        }
        out.add(new Recorded(f[0], p));
      }
    }
    return out;
  }

  @Test
  void manifestDescribesTheModel() {
    assertThat(classifier.manifest().name()).isEqualTo("targets");
    assertThat(classifier.groups())
        .containsExactlyElementsOf(
            TargetGroups.GROUPS.stream().map(TargetGroups.Group::group).toList());
    assertThat(classifier.manifest().metrics().path("test").path("microF1").asDouble())
        .isBetween(0.5, 1.0);
    assertThat(Files.exists(DIR.resolve("MODEL_CARD.md"))).isTrue();
  }

  @Test
  void givesTheRecordedScores() throws IOException {
    List<Recorded> expected = recorded();
    assertThat(expected).hasSizeGreaterThanOrEqualTo(5);
    for (Recorded r : expected) {
      double[] p = classifier.probabilities(r.text());
      assertThat(p).hasSize(r.p().length);
      for (int k = 0; k < p.length; k++) {
        assertThat(p[k])
            .as(r.text() + " " + classifier.groups().get(k))
            .isCloseTo(r.p()[k], offset(1e-4));
      }
    }
  }

  @Test
  void namesTheGroupOfClearCases() {
    assertThat(classifier.targets("muslims are invading europe and raping our women"))
        .extracting(TargetScore::group)
        .contains("muslim");
    assertThat(classifier.targets("had a great time with my family at the beach today")).isEmpty();
  }

  @Test
  void loadsFromTheJarClasspathToo() throws IOException {
    TargetClassifier fromJar =
        TargetClassifier.loadResource(
            ShippedTargetArtifactTest.class.getClassLoader(), "tocsin/models/targets-v1");
    String text = recorded().get(0).text();
    assertThat(fromJar.probabilities(text)).containsExactly(classifier.probabilities(text));
  }
}
