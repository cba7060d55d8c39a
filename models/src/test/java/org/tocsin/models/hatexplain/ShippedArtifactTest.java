package org.tocsin.models.hatexplain;

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
import org.tocsin.nlp.classifier.Explained;
import org.tocsin.nlp.classifier.HateClassifier;
import org.tocsin.nlp.classifier.Prediction;

/** The artifact that ships loads, from its directory and from the jar, and scores as recorded. */
class ShippedArtifactTest {
  static final Path DIR = Path.of("artifacts", "hate-3way-v1");
  static HateClassifier classifier;

  @BeforeAll
  static void load() throws IOException {
    classifier = HateClassifier.load(DIR);
  }

  record Recorded(String text, double hate, double offensive, double normal) {}

  static List<Recorded> recorded() throws IOException {
    List<Recorded> out = new ArrayList<>();
    try (InputStream in =
        ShippedArtifactTest.class.getResourceAsStream("hate-3way-v1-reference-scores.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        out.add(
            new Recorded(
                f[0],
                Double.parseDouble(f[1]),
                Double.parseDouble(f[2]),
                Double.parseDouble(f[3])));
      }
    }
    return out;
  }

  @Test
  void manifestDescribesTheModel() {
    assertThat(classifier.manifest().name()).isEqualTo("hate-3way");
    assertThat(classifier.manifest().labels()).containsExactly("hate", "offensive", "normal");
    assertThat(classifier.manifest().metrics().path("test").path("macroF1").asDouble())
        .isBetween(0.6, 1.0);
    assertThat(Files.exists(DIR.resolve("MODEL_CARD.md"))).isTrue();
  }

  @Test
  void givesTheRecordedScores() throws IOException {
    List<Recorded> expected = recorded();
    assertThat(expected).hasSizeGreaterThanOrEqualTo(5);
    List<Prediction> actual =
        classifier.predictBatch(expected.stream().map(Recorded::text).toList());
    for (int i = 0; i < expected.size(); i++) {
      Recorded r = expected.get(i);
      Prediction p = actual.get(i);
      assertThat(p.hate()).as(r.text()).isCloseTo(r.hate(), offset(1e-4));
      assertThat(p.offensive()).as(r.text()).isCloseTo(r.offensive(), offset(1e-4));
      assertThat(p.normal()).as(r.text()).isCloseTo(r.normal(), offset(1e-4));
    }
  }

  @Test
  void loadsFromTheJarClasspathToo() throws IOException {
    HateClassifier fromJar =
        HateClassifier.loadResource(
            ShippedArtifactTest.class.getClassLoader(), "tocsin/models/hate-3way-v1");
    String text = recorded().get(0).text();
    assertThat(fromJar.predict(text)).isEqualTo(classifier.predict(text));
  }

  @Test
  void occlusionFindsTheDecisiveSlur() {
    Explained e = classifier.explain(HATEFUL, 5);
    assertThat(e.prediction().label()).isEqualTo("hate");
    assertThat(e.tokens()).as(e.toString()).isNotEmpty();
    assertThat(e.tokens().get(0).token()).as(e.toString()).isEqualTo(DECISIVE);
  }

  /** A clearly hateful post (written for this test, not from HateXplain) and its decisive slur. */
  static final String HATEFUL = "All these KIKES should be thrown out of our country";

  static final String DECISIVE = "KIKES";
}
