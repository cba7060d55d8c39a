package org.tocsin.models.multiling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tocsin.models.SharedData;
import org.tocsin.models.hatexplain.TrainHateClassifier;

/**
 * Re-trains each shipped language model with the arguments in its manifest (the data path made
 * relative to this module) and checks that validation, test and baseline metrics, the IDF and the
 * networks' predictions come out the same (slow: up to a minute each).
 */
@Tag("slow")
class LanguageTrainingReproducesTest {

  @ParameterizedTest
  @CsvSource({
    "hate-de-v1,germeval2018",
    "hate-ar-v1,arabic_lhsab/Dataset/L-HSAB",
    "hate-am-v1,amharic_uhh/Data/RANLP2023",
    "hate-my-v1,myanmar_myhatespeech/corpus/version1.0"
  })
  void theShippedCommandGivesTheShippedModel(
      String artifact, String data, @org.junit.jupiter.api.io.TempDir Path out) throws Exception {
    assumeTrue(Files.exists(SharedData.resolve(data)), "the corpus is not at " + data);
    ObjectMapper m = new ObjectMapper();
    JsonNode shipped =
        m.readTree(Files.readAllBytes(Path.of("artifacts", artifact, "manifest.json")));
    String[] recorded =
        shipped
            .path("training")
            .path("command")
            .asText()
            .replaceFirst("^TrainHateClassifier ", "")
            .split(" ");
    List<String> args = new ArrayList<>();
    for (int i = 0; i < recorded.length; i++) {
      if (recorded[i].equals("--out") || recorded[i].equals("--split-out")) {
        i++; // written elsewhere here
      } else if (recorded[i].equals("--data")) {
        args.add("--data");
        args.add(SharedData.resolve(data).toString());
        i++;
      } else {
        args.add(recorded[i]);
      }
    }
    args.add("--out");
    args.add(out.toString());
    TrainHateClassifier.main(args.toArray(String[]::new));
    JsonNode again = m.readTree(Files.readAllBytes(out.resolve("manifest.json")));
    assertThat(again.path("metrics")).isEqualTo(shipped.path("metrics"));
    assertThat(again.path("files").path("idf")).isEqualTo(shipped.path("files").path("idf"));
    // the zips carry timestamps, so the networks are compared by what they predict
    var a = org.tocsin.nlp.classifier.HateClassifier.load(Path.of("artifacts", artifact));
    var b = org.tocsin.nlp.classifier.HateClassifier.load(out);
    for (var r : ShippedLanguageArtifactsTest.recorded(artifact)) {
      assertThat(b.predict(r.text())).isEqualTo(a.predict(r.text()));
    }
  }
}
