package org.tocsin.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tocsin.core.score.PostScorer;
import org.tocsin.models.incitement.Bootstrap;
import org.tocsin.models.incitement.EvaluateIncitement;
import org.tocsin.models.incitement.IncitementEvaluation;
import org.tocsin.models.incitement.IncitementSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tocsin eval-incitement}: measures the configured scorer's incitement score on the
 * hand-labelled incitement set (threshold on dev, precision / recall / F1 and PR-AUC on test).
 */
@Command(
    name = "eval-incitement",
    mixinStandardHelpOptions = true,
    description = {
      "Scores the hand-labelled incitement set (shipped, or --set FILE) with the configured"
          + " scorer and reports precision, recall and F1 of incitement >= t on its test half,"
          + " t chosen on its dev half, PR-AUC and 95%% bootstrap intervals"
          + " (docs/incitement-guideline.md, bench/results/incitement-2026-12-02.md)."
    })
final class EvalIncitementCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ScorerOptions scoring = new ScorerOptions();

  @Option(names = "--set", paramLabel = "FILE", description = "An incitement set JSONL file.")
  Path set;

  @Option(
      names = "--dev-errors",
      description = "Also list the dev posts the threshold gets wrong (never test posts).")
  boolean devErrors;

  @Option(
      names = "--dev-only",
      description =
          "Score and report the dev half only (the test posts are not scored): for improving the"
              + " scorer without reading test.")
  boolean devOnly;

  @Override
  public Integer call() throws Exception {
    if (set != null && !Files.isRegularFile(set)) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "not a readable file: " + set);
    }
    IncitementSet s = set == null ? IncitementSet.loadDefault() : IncitementSet.read(set);
    PostScorer scorer = scoring.scorer();
    PrintWriter out = spec.commandLine().getOut();
    if (devOnly) {
      List<IncitementEvaluation.Scored> dev = IncitementEvaluation.scoreDev(scorer, s);
      out.print(EvaluateIncitement.describeDev(s, scorer.model() + " v" + scorer.version(), dev));
      if (devErrors) {
        double t = IncitementEvaluation.metrics(dev).bestF1().threshold();
        out.print(EvaluateIncitement.devErrors(dev, t));
      }
      out.flush();
      return 0;
    }
    IncitementEvaluation.Report r = IncitementEvaluation.run(scorer, s);
    out.print(EvaluateIncitement.describe(s, r));
    out.print(Bootstrap.run(r.test(), r.devBest().threshold(), 2000).describe());
    if (devErrors) {
      out.print(EvaluateIncitement.devErrors(r));
    }
    out.flush();
    return 0;
  }
}
