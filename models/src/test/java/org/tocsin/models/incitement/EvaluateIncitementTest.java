package org.tocsin.models.incitement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tocsin.nlp.ModelScorer;
import org.tocsin.nlp.baseline.LexiconScorer;
import org.tocsin.nlp.classifier.HateClassifier;

/**
 * Runs the evaluation on the shipped set: all of it with the lexicon scorer, whose incitement the
 * node's ModelScorer passes through unchanged, and a slice with the ModelScorer over the shipped
 * hate-3way-v1 artifact to check that it gives the same incitement (the full run of the artifact is
 * {@code EvaluateIncitement}, about 20 s).
 */
class EvaluateIncitementTest {
  private static IncitementSet set;
  private static IncitementEvaluation.Report report;

  @BeforeAll
  static void evaluate() throws IOException {
    set = IncitementSet.loadDefault();
    report = IncitementEvaluation.run(LexiconScorer.loadDefault(), set);
  }

  @Test
  void theShippedModelScorerGivesTheSameIncitement() throws IOException {
    HateClassifier classifier =
        HateClassifier.loadResource(
            EvaluateIncitementTest.class.getClassLoader(), EvaluateIncitement.BUNDLED_MODEL);
    ModelScorer model = new ModelScorer(classifier, LexiconScorer.loadDefault(), 2.0);
    List<IncitementEvaluation.Scored> slice = new ArrayList<>();
    report.dev().stream().filter(s -> s.incitement() > 0).limit(20).forEach(slice::add);
    report.test().stream().limit(20).forEach(slice::add);
    for (IncitementEvaluation.Scored s : slice) {
      assertThat(model.score(IncitementEvaluation.asPost(s.post())).incitement())
          .as(s.post().id())
          .isEqualTo(s.incitement());
    }
  }

  @Test
  void scoresEveryPostOfBothSplits() {
    assertThat(report.dev()).hasSize(set.split("dev").size());
    assertThat(report.test()).hasSize(set.split("test").size());
    assertThat(report.dev().size() + report.test().size()).isEqualTo(set.posts().size());
    assertThat(report.scorer()).isEqualTo("tocsin-lexicon-baseline v2");
  }

  @Test
  void thresholdComesFromDevAndTestIsMeasuredThere() {
    double t = report.devBest().threshold();
    assertThat(t).isGreaterThan(0);
    assertThat(report.devBest()).isEqualTo(IncitementEvaluation.metrics(report.dev()).bestF1());
    assertThat(report.testAtDevThreshold())
        .isEqualTo(IncitementEvaluation.metrics(report.test()).at(t));
    assertThat(
            report.testAtDevThreshold().truePositives()
                + report.testAtDevThreshold().falseNegatives())
        .isEqualTo(set.split("test").stream().filter(IncitementSet.Post::incitement).count());
  }

  @Test
  void givesTheRecordedNumbers() {
    // bench/results/incitement-2026-12-02.md and the model card; update them together.
    assertThat(report.devBest().threshold()).isEqualTo(0.0539);
    assertThat(report.devBest().truePositives()).isEqualTo(27);
    assertThat(report.devBest().falsePositives()).isEqualTo(42);
    RankingMetrics.AtThreshold t = report.testAtDevThreshold();
    assertThat(List.of(t.truePositives(), t.falsePositives(), t.falseNegatives()))
        .containsExactly(19, 35, 22);
    assertThat(t.f1()).isCloseTo(0.400, within(5e-4));
    assertThat(report.testAveragePrecision()).isCloseTo(0.444, within(1e-3));
    // Far better than flagging at random: PR-AUC well above the test base rate (41 / 458).
    assertThat(report.testAveragePrecision())
        .isGreaterThan(4.0 * (t.truePositives() + t.falseNegatives()) / report.test().size());
  }

  @Test
  void reportNamesSetScorerAndBothSplits() {
    String text = EvaluateIncitement.describe(set, report);
    assertThat(text)
        .contains("classpath:" + IncitementSet.RESOURCE)
        .contains("dev  best F1 at threshold")
        .contains("test at the dev threshold")
        .contains("test PR-AUC");
    assertThat(EvaluateIncitement.devErrors(report))
        .startsWith("dev errors:")
        .doesNotContain(report.test().get(0).post().id() + " ");
  }

  @Test
  void badArgumentsAreRejectedWithOneLine() {
    assertThatThrownBy(() -> EvaluateIncitement.Options.parse(new String[] {"--scorer", "bert"}))
        .hasMessage("--scorer must be model or lexicon [got bert]");
    assertThatThrownBy(() -> EvaluateIncitement.Options.parse(new String[] {"--set"}))
        .hasMessage("--set needs a value");
    assertThatThrownBy(() -> EvaluateIncitement.Options.parse(new String[] {"--test"}))
        .hasMessageStartingWith("unknown argument [got --test]");
  }
}
