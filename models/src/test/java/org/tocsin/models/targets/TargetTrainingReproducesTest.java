package org.tocsin.models.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.models.SharedData;

/**
 * Re-trains the shipped target model with the command in its manifest and checks that validation
 * and test metrics come out the same (slow: about a minute of fitting plus feature extraction).
 */
@Tag("slow")
class TargetTrainingReproducesTest {
  static final Path DATA = SharedData.resolve("hatexplain/hatexplain_official_split.jsonl");

  @TempDir Path out;

  @Test
  void theShippedCommandGivesTheShippedMetrics() throws Exception {
    assumeTrue(Files.exists(DATA), "HateXplain is not at " + DATA);
    TrainTargetClassifier.main(
        new String[] {
          "--data",
          DATA.toString(),
          "--l2",
          "1e-3",
          "--lr",
          "0.05",
          "--epochs",
          "6",
          "--seed",
          "42",
          "--test",
          "--out",
          out.toString()
        });
    ObjectMapper m = new ObjectMapper();
    JsonNode shipped =
        m.readTree(Files.readAllBytes(Path.of("artifacts", "targets-v1", "manifest.json")));
    JsonNode again = m.readTree(Files.readAllBytes(out.resolve("manifest.json")));
    assertThat(again.path("metrics")).isEqualTo(shipped.path("metrics"));
    assertThat(again.path("files").path("idf")).isEqualTo(shipped.path("files").path("idf"));
  }
}
