package org.tocsin.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tocsin.core.score.PostScorer;
import org.tocsin.models.incitement.Bootstrap;
import org.tocsin.models.incitement.EvaluateIncitement;
import org.tocsin.models.incitement.IncitementEvaluation;
import org.tocsin.models.incitement.IncitementSet;
import org.tocsin.node.TocsinNode;
import org.tocsin.node.config.TocsinConfig;
import picocli.CommandLine.Command;
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

  @Option(
      names = "--encoder",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "The English sentence-encoder stage (nlp.encoder; default on for this command,"
              + " off in the node's default configuration): --no-encoder scores without it.")
  boolean encoder = true;

  @Option(names = "--config", paramLabel = "FILE", description = "Configuration (nlp.scorer).")
  Path config;

  @Option(names = "--set", paramLabel = "FILE", description = "An incitement set JSONL file.")
  Path set;

  @Option(
      names = "--dev-errors",
      description = "Also list the dev posts the threshold gets wrong (never test posts).")
  boolean devErrors;

  @Override
  public Integer call() throws Exception {
    if (set != null && !Files.isRegularFile(set)) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "not a readable file: " + set);
    }
    TocsinConfig cfg = config == null ? TocsinConfig.defaults() : TocsinConfig.load(config);
    IncitementSet s = set == null ? IncitementSet.loadDefault() : IncitementSet.read(set);
    PostScorer scorer = TocsinNode.scorer(cfg, encoder);
    IncitementEvaluation.Report r = IncitementEvaluation.run(scorer, s);
    PrintWriter out = spec.commandLine().getOut();
    out.print(EvaluateIncitement.describe(s, r));
    out.print(Bootstrap.run(r.test(), r.devBest().threshold(), 2000).describe());
    if (devErrors) {
      out.print(EvaluateIncitement.devErrors(r));
    }
    out.flush();
    return 0;
  }
}
