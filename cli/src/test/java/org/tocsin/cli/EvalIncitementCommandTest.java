package org.tocsin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalIncitementCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void measuresTheConfiguredScorerOnTheShippedSet() throws Exception {
    // The lexicon scorer gives the node's incitement without loading the classifier (models'
    // EvaluateIncitementTest checks that the ModelScorer passes it through unchanged).
    Path config = dir.resolve("lexicon.json");
    Files.writeString(config, "{\"nlp\": {\"scorer\": \"lexicon\"}}", StandardCharsets.UTF_8);
    assertThat(run("eval-incitement", "--config", config.toString(), "--dev-errors"))
        .as(err.toString())
        .isZero();
    assertThat(out.toString())
        .contains("923 posts (dev 465 with 44 incitement, test 458 with 41 incitement)")
        .contains("scorer tocsin-lexicon-baseline v2")
        .contains("dev errors:")
        .contains("test at the dev threshold, threshold 0.0539")
        .contains("95% bootstrap intervals (2000 resamples of test)");
  }

  @Test
  void devOnlyReportsTheDevHalfAndNoTestNumber() throws Exception {
    Path config = dir.resolve("lexicon.json");
    Files.writeString(config, "{\"nlp\": {\"scorer\": \"lexicon\"}}", StandardCharsets.UTF_8);
    assertThat(run("eval-incitement", "--config", config.toString(), "--dev-only", "--dev-errors"))
        .as(err.toString())
        .isZero();
    assertThat(out.toString())
        .contains("dev 465 posts with 44 incitement (test half not scored)")
        .contains("dev  best F1 at threshold 0.0539")
        .contains("dev  PR-AUC")
        .contains("dev errors:")
        .doesNotContain("test at the dev threshold")
        .doesNotContain("test PR-AUC")
        .doesNotContain("bootstrap");
  }

  @Test
  void aMissingOrMalformedSetIsAOneLineError() throws Exception {
    assertThat(run("eval-incitement", "--set", dir.resolve("none.jsonl").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("not a readable file");
    Path bad = dir.resolve("bad.jsonl");
    Files.writeString(bad, "{\"id\": 1}\n", StandardCharsets.UTF_8);
    assertThat(run("eval-incitement", "--set", bad.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("tocsin: error: ").contains("bad.jsonl:1:");
  }
}
