package org.tocsin.models.multiling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tocsin.nlp.classifier.Explained;
import org.tocsin.nlp.classifier.HateClassifier;
import org.tocsin.nlp.classifier.Prediction;

/**
 * The German, Arabic, Amharic and Burmese artifacts that ship load, from their directories and from
 * the jar, give the recorded scores on fixed examples, and explain an insult by its insulting word.
 */
class ShippedLanguageArtifactsTest {

  record Recorded(String text, double hate, double offensive, double normal) {}

  static List<Recorded> recorded(String artifact) throws IOException {
    List<Recorded> out = new ArrayList<>();
    try (InputStream in =
        ShippedLanguageArtifactsTest.class.getResourceAsStream(
            artifact + "-reference-scores.tsv")) {
      assertThat(in).as(artifact + " reference scores").isNotNull();
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

  @ParameterizedTest
  @CsvSource({
    "hate-de-v1,hate-de,de",
    "hate-ar-v1,hate-ar,ar",
    "hate-am-v1,hate-am,am",
    "hate-my-v1,hate-my,my"
  })
  void manifestNamesTheModelItsLanguageAndTestMetrics(String dir, String name, String lang)
      throws IOException {
    Path d = Path.of("artifacts", dir);
    HateClassifier c = HateClassifier.load(d);
    assertThat(c.manifest().name()).isEqualTo(name);
    assertThat(c.manifest().version()).isEqualTo("1");
    assertThat(c.manifest().training().path("language").asText()).isEqualTo(lang);
    assertThat(c.manifest().metrics().path("test").path("macroF1").asDouble()).isBetween(0.5, 1.0);
    assertThat(c.manifest().metrics().path("baseline").path("test").path("n").asInt())
        .isEqualTo(c.manifest().metrics().path("test").path("n").asInt());
    assertThat(Files.exists(d.resolve("MODEL_CARD.md"))).isTrue();
    long bytes = 0;
    try (var files = Files.list(d)) {
      for (Path f : files.toList()) {
        bytes += Files.size(f);
      }
    }
    assertThat(bytes).as("artifact size").isLessThan(5L << 20);
  }

  @ParameterizedTest
  @CsvSource({"hate-de-v1", "hate-ar-v1", "hate-am-v1", "hate-my-v1"})
  void givesTheRecordedScoresFromTheDirectoryAndTheJar(String dir) throws IOException {
    HateClassifier c = HateClassifier.load(Path.of("artifacts", dir));
    HateClassifier fromJar =
        HateClassifier.loadResource(
            ShippedLanguageArtifactsTest.class.getClassLoader(), "tocsin/models/" + dir);
    List<Recorded> expected = recorded(dir);
    assertThat(expected).hasSizeGreaterThanOrEqualTo(5);
    List<Prediction> actual = c.predictBatch(expected.stream().map(Recorded::text).toList());
    for (int i = 0; i < expected.size(); i++) {
      Recorded r = expected.get(i);
      Prediction p = actual.get(i);
      assertThat(p.hate()).as(r.text()).isCloseTo(r.hate(), offset(1e-4));
      assertThat(p.offensive()).as(r.text()).isCloseTo(r.offensive(), offset(1e-4));
      assertThat(p.normal()).as(r.text()).isCloseTo(r.normal(), offset(1e-4));
      assertThat(fromJar.predict(r.text())).isEqualTo(p);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "hate-de-v1|Du bist so ein dummer Idiot, halt endlich die Fresse|dummer",
        "hate-ar-v1|انت واحد كلب وحقير|كلب",
        "hate-am-v1|ደደብ ፋሽስት ነህ|ደደብ",
        "hate-my-v1|မင်းကခွေးကောင်ပဲ|ခွေး"
      })
  void occlusionNamesTheInsult(String dir, String text, String decisive) throws IOException {
    HateClassifier c = HateClassifier.load(Path.of("artifacts", dir));
    Explained e = c.explain(text, 3);
    assertThat(e.prediction().label()).isEqualTo("offensive");
    assertThat(e.tokens()).as(e.toString()).isNotEmpty();
    assertThat(e.tokens().get(0).token()).as(e.toString()).isEqualTo(decisive);
  }
}
