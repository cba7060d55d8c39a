package org.tocsin.models.hatexplain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tocsin.models.SharedData;
import org.tocsin.nlp.baseline.LexiconCategory;
import org.tocsin.nlp.baseline.LexiconScorer;
import org.tocsin.nlp.classifier.CnnEnsembleClassifier;
import org.tocsin.nlp.classifier.Prediction;
import org.tocsin.nlp.classifier.TargetClassifier;

/**
 * The stacking features read the shipped members as v2 combines them: v2's rule on the features
 * gives v2's own prediction, the MLP members average to v1's, and the lexicon counts its hits.
 */
class StackFeaturesTest {

  @Test
  void featuresReproduceTheShippedEnsemble() throws Exception {
    Path split = SharedData.resolve("hatexplain/hatexplain_official_split.jsonl");
    assumeTrue(Files.exists(split), "HateXplain is not at " + split);
    List<HateXplainData.Post> val = HateXplainData.read(split).split("val").subList(0, 64);
    Path v2Dir = Path.of("artifacts", "hate-3way-v2");
    TargetClassifier targets = TargetClassifier.load(Path.of("artifacts", "targets-v1"));
    List<StackFeatures> f =
        new StackFeatures.Extractor(v2Dir, targets, LexiconScorer.loadDefault()).features(val);
    CnnEnsembleClassifier v2 = CnnEnsembleClassifier.load(v2Dir);
    List<Prediction> expected =
        v2.predictTokens(val.stream().map(HateXplainData.Post::tokens).toList());
    for (int i = 0; i < val.size(); i++) {
      StackFeatures s = f.get(i);
      double[] p = s.v2Rule(0.25, new double[] {-0.2, -0.2, 0});
      assertThat(p[0]).isCloseTo(expected.get(i).hate(), offset(1e-9));
      assertThat(p[1]).isCloseTo(expected.get(i).offensive(), offset(1e-9));
      assertThat(s.mlp()).hasNumberOfRows(3);
      assertThat(s.cnn()).hasNumberOfRows(3);
      for (int k = 0; k < 3; k++) {
        double mean = (s.mlp()[0][k] + s.mlp()[1][k] + s.mlp()[2][k]) / 3;
        assertThat(mean).isCloseTo(s.v1()[k], offset(1e-5));
      }
      assertThat(s.targets()).hasSize(targets.groups().size());
    }
  }

  /**
   * hatexplain_official_split.jsonl, post 14811469_gab (validation, hatespeech): "destroy this kike
   * run organization and the jumping monkeys they own".
   */
  @Test
  void lexiconFeaturesCountTheHits() throws Exception {
    Path split = SharedData.resolve("hatexplain/hatexplain_official_split.jsonl");
    assumeTrue(Files.exists(split), "HateXplain is not at " + split);
    HateXplainData.Post post =
        HateXplainData.read(split).split("val").stream()
            .filter(p -> p.id().equals("14811469_gab"))
            .findFirst()
            .orElseThrow();
    StackFeatures f =
        new StackFeatures.Extractor(
                Path.of("artifacts", "hate-3way-v2"),
                TargetClassifier.load(Path.of("artifacts", "targets-v1")),
                LexiconScorer.loadDefault())
            .features(List.of(post))
            .get(0);
    assertThat(f.lexicon()[LexiconCategory.SLUR.ordinal()]).isGreaterThanOrEqualTo(1);
    assertThat(f.lexicon()[LexiconCategory.VIOLENCE.ordinal()]).isGreaterThanOrEqualTo(1);
    int cats = LexiconCategory.values().length;
    assertThat(f.lexicon()[cats]).as("lexicon hate score").isGreaterThan(0.5);
    assertThat(f.v1()[0]).as("v1 p(hate)").isGreaterThan(0.5);
  }
}
