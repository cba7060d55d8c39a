package org.tocsin.models.multiling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tocsin.models.SharedData;
import org.tocsin.models.hatexplain.EvaluateHateClassifier;
import org.tocsin.nlp.classifier.HateClassifier;

/**
 * The shipped classifier, run as the node runs it, gives the test metrics its manifest and model
 * card state (skipped where the corpus is not on this machine).
 */
class EvaluateShippedLanguageModelsTest {

  @ParameterizedTest
  @CsvSource({
    "hate-de-v1,germeval2018",
    "hate-ar-v1,arabic_lhsab/Dataset/L-HSAB",
    "hate-am-v1,amharic_uhh/Data/RANLP2023",
    "hate-my-v1,myanmar_myhatespeech/corpus/version1.0"
  })
  void theShippedModelScoresItsTestSplitAsRecorded(String artifact, String data) throws Exception {
    assumeTrue(Files.exists(SharedData.resolve(data)), "the corpus is not at " + data);
    Path dir = Path.of("artifacts", artifact);
    EvaluateHateClassifier.Result r =
        EvaluateHateClassifier.evaluate(dir, SharedData.resolve(data));
    var recorded = HateClassifier.load(dir).manifest().metrics();
    assertThat(r.test().n()).isEqualTo(recorded.path("test").path("n").asInt());
    assertThat(r.test().accuracy())
        .isCloseTo(recorded.path("test").path("accuracy").asDouble(), offset(1e-4));
    assertThat(r.test().macroF1())
        .isCloseTo(recorded.path("test").path("macroF1").asDouble(), offset(1e-4));
    assertThat(r.abusiveVsNormalMacroF1())
        .isCloseTo(recorded.path("testAbusiveVsNormalMacroF1").asDouble(), offset(1e-4));
  }
}
