package org.tocsin.nlp.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.score.Ground;
import org.tocsin.core.score.TargetScore;

class TargetClassifierTest {
  @TempDir Path tmp;
  @TempDir static Path shared;
  static Path artifact;

  @BeforeAll
  static void write() throws IOException {
    artifact = shared.resolve("targets");
    TinyArtifacts.writeTargets(artifact, List.of("muslim/religious", "women/gender"));
  }

  @Test
  void namesTheGroupsItLearntWithTheirGround() throws IOException {
    TargetClassifier c = TargetClassifier.load(artifact);
    assertThat(c.groups()).containsExactly("muslim", "women");
    List<TargetScore> t = c.targets("the muslims are here");
    assertThat(t).extracting(TargetScore::group).containsExactly("muslim");
    assertThat(t.get(0).ground()).isEqualTo(Ground.RELIGIOUS);
    assertThat(t.get(0).confidence()).isBetween(TargetClassifier.THRESHOLD, 0.99);
    assertThat(c.targets("women again")).extracting(TargetScore::group).containsExactly("women");
    assertThat(c.targets("nice day")).isEmpty();
    assertThat(c.targets("")).isEmpty();
  }

  @Test
  void aGroupWithLowValidationF1IsNeverNamed() throws IOException {
    var metrics = ArtifactManifest.newObject();
    var per = metrics.putObject("validation").putObject("perGroup");
    per.putObject("muslim/religious").put("f1", 0.2);
    per.putObject("women/gender").put("f1", 0.8);
    TinyArtifacts.writeTargets(tmp, List.of("muslim/religious", "women/gender"), metrics);
    TargetClassifier c = TargetClassifier.load(tmp);
    assertThat(c.namedGroups()).containsExactly("women");
    assertThat(c.probabilities("the muslims are here")[0])
        .isGreaterThan(TargetClassifier.THRESHOLD);
    assertThat(c.targets("the muslims are here")).isEmpty();
    assertThat(c.targets("women again")).extracting(TargetScore::group).containsExactly("women");
  }

  @Test
  void aLabelWithoutAKnownGroundIsAFormatError() throws IOException {
    for (Path f : List.of(Path.of("manifest.json"), Path.of("idf.f32"), Path.of("model-0.zip"))) {
      java.nio.file.Files.copy(artifact.resolve(f), tmp.resolve(f));
    }
    Path m = tmp.resolve("manifest.json");
    java.nio.file.Files.writeString(
        m, java.nio.file.Files.readString(m).replace("\"women/gender\"", "\"women\""));
    assertThatThrownBy(() -> TargetClassifier.load(tmp))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("group/ground")
        .hasMessageContaining("manifest.json");
  }

  @Test
  void aHateArtifactIsNotATargetArtifact() throws IOException {
    TinyArtifacts.write(tmp);
    assertThatThrownBy(() -> TargetClassifier.load(tmp))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("group/ground");
  }
}
