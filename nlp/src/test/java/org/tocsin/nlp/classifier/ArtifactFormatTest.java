package org.tocsin.nlp.classifier;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed artifacts fail to load with a {@link ModelFormatException} naming the file. */
class ArtifactFormatTest {
  @TempDir static Path template;
  @TempDir Path dir;

  @BeforeAll
  static void writeTemplate() throws IOException {
    TinyArtifacts.write(template);
  }

  @BeforeEach
  void copyTemplate() throws IOException {
    for (String name :
        new String[] {
          ArtifactManifest.FILE_NAME, ArtifactWriter.MODEL_FILE, ArtifactWriter.IDF_FILE
        }) {
      Files.copy(template.resolve(name), dir.resolve(name));
    }
  }

  private void editManifest(String from, String to) throws IOException {
    Path m = dir.resolve(ArtifactManifest.FILE_NAME);
    String json = Files.readString(m, StandardCharsets.UTF_8);
    if (!json.contains(from)) {
      throw new IllegalStateException("manifest lacks " + from);
    }
    Files.writeString(m, json.replace(from, to), StandardCharsets.UTF_8);
  }

  @Test
  void wrongFormatVersion() throws IOException {
    editManifest("\"formatVersion\" : 1", "\"formatVersion\" : 2");
    assertThatThrownBy(() -> HateClassifier.load(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining(dir.resolve("manifest.json").toString())
        .hasMessageContaining("unsupported formatVersion")
        .hasMessageContaining("[got 2]");
  }

  @Test
  void networkWeightsMustSumToOne() throws IOException {
    editManifest("\"modelWeights\" : [ 1.0 ]", "\"modelWeights\" : [ 0.5 ]");
    assertThatThrownBy(() -> HateClassifier.load(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining(dir.resolve("manifest.json").toString())
        .hasMessageContaining("must sum to 1");
  }

  @Test
  void classLogOffsetsMustBeOnePerLabelAndNumbers() throws IOException {
    editManifest("\"classLogOffsets\" : [ 0.0, 0.0, 0.0 ]", "\"classLogOffsets\" : [ 0.0, 0.0 ]");
    assertThatThrownBy(() -> HateClassifier.load(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("one class log offset per label");
    editManifest("\"classLogOffsets\" : [ 0.0, 0.0 ]", "\"classLogOffsets\" : [ 0.0, \"x\", 0.0 ]");
    assertThatThrownBy(() -> HateClassifier.load(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("must be numbers");
  }

  @Test
  void truncatedModelZip() throws IOException {
    Path zip = dir.resolve(ArtifactWriter.MODEL_FILE);
    byte[] bytes = Files.readAllBytes(zip);
    Files.write(zip, Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> HateClassifier.load(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining(zip.toString())
        .hasMessageContaining("truncated or altered");
  }

  @Test
  void truncatedZipWithMatchingChecksumIsStillRefused() throws IOException {
    Path zip = dir.resolve(ArtifactWriter.MODEL_FILE);
    byte[] cut = Arrays.copyOf(Files.readAllBytes(zip), 100);
    Files.write(zip, cut);
    Path m = dir.resolve(ArtifactManifest.FILE_NAME);
    String old = ArtifactManifest.read(Files.readAllBytes(m), "test").modelFiles().get(0).sha256();
    editManifest(old, ArtifactFiles.sha256(cut));
    assertThatThrownBy(() -> HateClassifier.load(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining(zip.toString())
        .hasMessageContaining("not a DL4J network");
  }

  @Test
  void missingIdfFile() throws IOException {
    Files.delete(dir.resolve(ArtifactWriter.IDF_FILE));
    assertThatThrownBy(() -> HateClassifier.load(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining(dir.resolve(ArtifactWriter.IDF_FILE).toString())
        .hasMessageContaining("missing");
  }

  @Test
  void wrongLabels() throws IOException {
    editManifest("\"offensive\"", "\"toxic\"");
    assertThatThrownBy(() -> HateClassifier.load(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("labels must be");
  }

  @Test
  void notJson() throws IOException {
    Files.writeString(
        dir.resolve(ArtifactManifest.FILE_NAME), "{\"format\": ", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> HateClassifier.load(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("manifest.json")
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void otherFormat() throws IOException {
    editManifest("tocsin-text-classifier", "something-else");
    assertThatThrownBy(() -> HateClassifier.load(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("format must be tocsin-text-classifier");
  }
}
