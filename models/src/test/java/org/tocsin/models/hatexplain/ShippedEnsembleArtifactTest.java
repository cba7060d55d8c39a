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
import org.tocsin.core.score.TokenWeight;
import org.tocsin.nlp.classifier.CnnEnsembleClassifier;
import org.tocsin.nlp.classifier.Explained;
import org.tocsin.nlp.classifier.Prediction;

/**
 * The hate-3way-v2 artifact (v1's n-gram MLPs and word CNNs) loads from its directory and from the
 * jar, gives the recorded scores, and its gradient x input explanations name the decisive words.
 */
class ShippedEnsembleArtifactTest {
  static final Path DIR = Path.of("artifacts", "hate-3way-v2");
  static CnnEnsembleClassifier classifier;

  @BeforeAll
  static void load() throws IOException {
    classifier = CnnEnsembleClassifier.load(DIR);
  }

  record Recorded(String text, double hate, double offensive, double normal) {}

  static List<Recorded> recorded() throws IOException {
    List<Recorded> out = new ArrayList<>();
    try (InputStream in =
        ShippedEnsembleArtifactTest.class.getResourceAsStream(
            "hate-3way-v2-reference-scores.tsv")) {
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
    assertThat(classifier.name()).isEqualTo("hate-3way");
    assertThat(classifier.version()).isEqualTo("2");
    assertThat(classifier.ngram().manifest().version()).isEqualTo("1");
    assertThat(classifier.cnnWeight()).isBetween(0.0, 1.0);
    assertThat(classifier.manifest().path("metrics").path("test").path("macroF1").asDouble())
        .isBetween(0.665, 1.0);
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
    CnnEnsembleClassifier fromJar =
        CnnEnsembleClassifier.loadResource(
            ShippedEnsembleArtifactTest.class.getClassLoader(), "tocsin/models/hate-3way-v2");
    String text = recorded().get(0).text();
    assertThat(fromJar.predict(text)).isEqualTo(classifier.predict(text));
  }

  @Test
  void explanationsNameTheDecisiveWords() {
    Explained hate = classifier.explain(ShippedArtifactTest.HATEFUL, 3);
    assertThat(hate.prediction().label()).isEqualTo("hate");
    assertThat(hate.tokens().stream().map(TokenWeight::token))
        .as(hate.toString())
        .contains(ShippedArtifactTest.DECISIVE);
    Explained offensive = classifier.explain(OFFENSIVE, 3);
    assertThat(offensive.prediction().label()).isEqualTo("offensive");
    assertThat(offensive.tokens().stream().map(TokenWeight::token))
        .as(offensive.toString())
        .containsAnyOf("retarded", "bitch");
    Explained normal = classifier.explain(NORMAL, 3);
    assertThat(normal.prediction().label()).isEqualTo("normal");
  }

  /** Clear cases written for this test (not from HateXplain). */
  static final String OFFENSIVE = "you are such a retarded bitch lol";

  static final String NORMAL = "had a great time with my family at the beach today";
}
