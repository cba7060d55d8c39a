package org.tocsin.models.multiling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tocsin.models.SharedData;
import org.tocsin.models.hatexplain.EvaluateHateClassifier;
import org.tocsin.models.hatexplain.Evaluation;
import org.tocsin.models.hatexplain.HateXplainData;
import org.tocsin.models.myanmar.MyHateSpeechData;
import org.tocsin.nlp.classifier.HateClassifier;
import org.tocsin.nlp.classifier.Prediction;

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

  /**
   * hate-my on its test sentences written as Burmese usually is, without the spaces between words:
   * the raw text goes through {@link HateClassifier#predictBatch} (the node's path, ICU's word
   * segmentation included) and gives the recorded {@code testUnspaced} metrics.
   */
  @Test
  void hateMyScoresTheUnspacedTestTextsAsRecorded() throws Exception {
    Path data = SharedData.resolve("myanmar_myhatespeech/corpus/version1.0");
    assumeTrue(Files.exists(data), "the corpus is not at " + data);
    Path dir = Path.of("artifacts", "hate-my-v1");
    HateClassifier c = HateClassifier.load(dir);
    List<HateXplainData.Post> test = MyHateSpeechData.read(data).split("test");
    // raw text, as the node gets a post written without spaces: the classifier tokenises it
    List<String> texts = test.stream().map(p -> MyHateSpeechData.unspaced(p.text())).toList();
    assertThat(texts).noneMatch(t -> t.matches(".*[\\u1000-\\u109F] +[\\u1000-\\u109F].*"));
    List<Prediction> predictions = c.predictBatch(texts);
    double[][] probs = new double[test.size()][];
    int[] gold = new int[test.size()];
    for (int i = 0; i < probs.length; i++) {
      Prediction p = predictions.get(i);
      probs[i] = new double[] {p.hate(), p.offensive(), p.normal()};
      gold[i] = test.get(i).label();
    }
    Evaluation e = Evaluation.of(probs, gold);
    var recorded = c.manifest().metrics().path("testUnspaced");
    assertThat(e.n()).isEqualTo(recorded.path("n").asInt()).isEqualTo(1013);
    assertThat(e.accuracy()).isCloseTo(recorded.path("accuracy").asDouble(), offset(1e-4));
    assertThat(e.macroF1()).isCloseTo(recorded.path("macroF1").asDouble(), offset(1e-4));
  }
}
