package org.tocsin.nlp.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CnnEnsembleClassifier}: the mix, the explanation, and malformed artifacts. */
public class CnnEnsembleClassifierTest {
  @TempDir Path root;
  Path dir;
  TokenCnn cnn;

  @BeforeEach
  void write() throws IOException {
    dir = writeEnsemble(root);
    cnn = TokenCnnTest.random(5);
  }

  /**
   * Writes a tiny n-gram artifact {@code tiny-v1} and an ensemble {@code tiny-v2} next to it (CNN
   * weight 0.4, the CNN {@link TokenCnnTest#random random(5)}); returns the ensemble's folder.
   */
  public static Path writeEnsemble(Path root) throws IOException {
    Path ngram = root.resolve("tiny-v1");
    Files.createDirectories(ngram);
    TinyArtifacts.write(ngram);
    Path dir = root.resolve("tiny-v2");
    Files.createDirectories(dir);
    byte[] bytes = TokenCnnTest.random(5).toBytes();
    Files.write(dir.resolve("cnn-0.bin"), bytes);
    String manifest =
        String.format(
            java.util.Locale.ROOT,
            """
        {"format": "tocsin-hate-cnn-ensemble", "formatVersion": 1, "name": "hate-3way",
         "version": "9", "labels": ["hate", "offensive", "normal"],
         "ngram": {"artifact": "tiny-v1", "manifestSha256": "%s", "weight": 0.6},
         "cnn": {"weight": 0.4, "files": [{"name": "cnn-0.bin", "sha256": "%s"}]}}
        """,
            ArtifactFiles.sha256(Files.readAllBytes(ngram.resolve("manifest.json"))),
            ArtifactFiles.sha256(bytes));
    Files.writeString(dir.resolve("manifest.json"), manifest, StandardCharsets.UTF_8);
    return dir;
  }

  @Test
  void mixesTheTwoFamiliesWithTheManifestWeight() throws IOException {
    CnnEnsembleClassifier c = CnnEnsembleClassifier.load(dir);
    HateClassifier ngram = HateClassifier.load(root.resolve("tiny-v1"));
    assertThat(c.version()).isEqualTo("9");
    assertThat(c.cnnWeight()).isEqualTo(0.4);
    String text = "they are vermin";
    Prediction p = c.predict(text);
    Prediction b = ngram.predict(text);
    double[] q = cnn.probabilities(TfidfVectorizer.tokens(text));
    assertThat(p.hate()).isCloseTo(0.6 * b.hate() + 0.4 * q[0], within(1e-9));
    assertThat(p.offensive()).isCloseTo(0.6 * b.offensive() + 0.4 * q[1], within(1e-9));
    assertThat(p.hate() + p.offensive() + p.normal()).isCloseTo(1, within(1e-9));
    assertThat(c.predictBatch(List.of(text, "nice")).get(0)).isEqualTo(p);
    Explained e = c.explain(text, 2);
    assertThat(e.prediction()).isEqualTo(p);
    assertThat(e.tokens().size()).isLessThanOrEqualTo(2);
    assertThat(e.tokens()).allSatisfy(t -> assertThat(t.weight()).isPositive());
    assertThatThrownBy(() -> c.explain(text, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void classLogOffsetsReweighTheMixAndRenormalise() throws IOException {
    String text = "they are vermin";
    Prediction plain = CnnEnsembleClassifier.load(dir).predict(text);
    Path m = dir.resolve("manifest.json");
    Files.writeString(
        m,
        Files.readString(m)
            .replace("\"labels\"", "\"classLogOffsets\": [0.5, -0.2, 0],\"labels\""));
    Prediction p = CnnEnsembleClassifier.load(dir).predict(text);
    double h = plain.hate() * Math.exp(0.5);
    double o = plain.offensive() * Math.exp(-0.2);
    double sum = h + o + plain.normal();
    assertThat(p.hate()).isCloseTo(h / sum, within(1e-9));
    assertThat(p.offensive()).isCloseTo(o / sum, within(1e-9));
    Files.writeString(m, Files.readString(m).replace("[0.5, -0.2, 0]", "[0.5, 0]"));
    assertThatThrownBy(() -> CnnEnsembleClassifier.load(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("classLogOffsets");
  }

  @Test
  void anAlteredCnnFileOrNgramArtifactFailsNamingIt() throws IOException {
    byte[] b = Files.readAllBytes(dir.resolve("cnn-0.bin"));
    b[b.length - 1] ^= 1;
    Files.write(dir.resolve("cnn-0.bin"), b);
    assertThatThrownBy(() -> CnnEnsembleClassifier.load(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("cnn-0.bin")
        .hasMessageContaining("SHA-256");
    write();
    Path m = root.resolve("tiny-v1").resolve("manifest.json");
    Files.writeString(m, Files.readString(m) + " ");
    assertThatThrownBy(() -> CnnEnsembleClassifier.load(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("tiny-v1");
  }

  @Test
  void badManifestFieldsFail() throws IOException {
    Path m = dir.resolve("manifest.json");
    String good = Files.readString(m);
    Files.writeString(m, good.replace("\"weight\": 0.4", "\"weight\": 1.5"));
    assertThatThrownBy(() -> CnnEnsembleClassifier.load(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("cnn.weight");
    Files.writeString(m, good.replace("tiny-v1", "../tiny-v1"));
    assertThatThrownBy(() -> CnnEnsembleClassifier.load(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("sibling");
    Files.writeString(m, good.replace("tocsin-hate-cnn-ensemble", "other"));
    assertThatThrownBy(() -> CnnEnsembleClassifier.load(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("format");
    Files.writeString(m, "{");
    assertThatThrownBy(() -> CnnEnsembleClassifier.load(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("JSON");
  }
}
