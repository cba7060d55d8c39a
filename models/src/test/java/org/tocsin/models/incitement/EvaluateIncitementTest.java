package org.tocsin.models.incitement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tocsin.nlp.ModelScorer;
import org.tocsin.nlp.baseline.LexiconScorer;
import org.tocsin.nlp.classifier.HateClassifier;

/** Runs the evaluation on the shipped artifact and the shipped set (a few seconds). */
class EvaluateIncitementTest {
  private static IncitementSet set;
  private static IncitementEvaluation.Report report;

  @BeforeAll
  static void evaluate() throws IOException {
    set = IncitementSet.loadDefault();
    HateClassifier classifier =
        HateClassifier.loadResource(
            EvaluateIncitementTest.class.getClassLoader(), EvaluateIncitement.BUNDLED_MODEL);
    report =
        IncitementEvaluation.run(
            new ModelScorer(classifier, LexiconScorer.loadDefault(), 2.0), set);
  }

  @Test
  void scoresEveryPostOfBothSplits() {
    assertThat(report.dev()).hasSize(set.split("dev").size());
    assertThat(report.test()).hasSize(set.split("test").size());
    assertThat(report.dev().size() + report.test().size()).isEqualTo(set.posts().size());
    assertThat(report.scorer()).isEqualTo("tocsin-hate-3way v1");
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
    assertThat(report.devBest().threshold()).isCloseTo(RECORDED_THRESHOLD, within(1e-4));
    assertThat(report.testAtDevThreshold().precision()).isCloseTo(RECORDED_P, within(5e-4));
    assertThat(report.testAtDevThreshold().recall()).isCloseTo(RECORDED_R, within(5e-4));
    assertThat(report.testAveragePrecision()).isCloseTo(RECORDED_AP, within(5e-4));
    // Far better than flagging at random: PR-AUC well above the test base rate.
    double base =
        report.testAtDevThreshold().truePositives() + report.testAtDevThreshold().falseNegatives();
    assertThat(report.testAveragePrecision()).isGreaterThan(2 * base / report.test().size());
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

  private static final double RECORDED_THRESHOLD = 0.0244;
  private static final double RECORDED_P = 0.250;
  private static final double RECORDED_R = 0.439;
  private static final double RECORDED_AP = 0.269;
}
