package org.tocsin.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tocsin.core.json.Json;
import org.tocsin.core.score.PostScorer;
import org.tocsin.models.functional.FunctionalCase;
import org.tocsin.models.functional.FunctionalEvaluation;
import org.tocsin.models.functional.FunctionalReport;
import org.tocsin.models.functional.FunctionalSuite;
import org.tocsin.models.functional.Part;
import org.tocsin.models.functional.ReportTable;
import org.tocsin.models.functional.SuiteReader;
import org.tocsin.models.functional.SuiteSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tocsin eval-functional}: measures the configured scorer on Tocsin's own functional suite
 * (models/functional, shipped in the models jar): accuracy per function, group and language, false
 * positives on identity statements, incitement recall and ROC-AUC.
 */
@Command(
    name = "eval-functional",
    mixinStandardHelpOptions = true,
    description = {
      "Scores Tocsin's functional suite for hate speech and incitement (models/functional: one"
          + " function x one target group x one language per case) with the configured scorer,"
          + " with language tags and again without them for de, fr, es and ar, and prints"
          + " accuracy per language, function and group, recall on hateful cases, false-positive"
          + " rates on neutral and positive identity statements, and incitement recall at 0.5"
          + " and ROC-AUC. Report on the test part; the train part is for training."
    })
final class EvalFunctionalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ScorerOptions scoring = new ScorerOptions();

  @Option(
      names = "--part",
      paramLabel = "PART",
      defaultValue = "test",
      description = "test (default) or train.")
  String part;

  @Option(
      names = "--lang",
      paramLabel = "LANGS",
      split = ",",
      description = "Languages to score, comma-separated (default: en,de,fr,es,ar).")
  List<String> langs;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON.")
  Path json;

  @Option(
      names = "--suite",
      paramLabel = "DIR",
      description = "A suite directory laid out like models/functional (default: the shipped one).")
  Path suite;

  @Override
  public Integer call() throws Exception {
    Part p;
    try {
      p = Part.parse(part);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    List<String> chosen = new ArrayList<>();
    for (String l : langs == null ? SuiteReader.LANGUAGES : langs) {
      String lang = l.strip().toLowerCase(Locale.ROOT);
      if (!SuiteReader.LANGUAGES.contains(lang)) {
        throw new ParameterException(
            spec.commandLine(),
            "--lang: the suite has "
                + String.join(",", SuiteReader.LANGUAGES)
                + " [got "
                + l
                + "]");
      }
      if (!chosen.contains(lang)) {
        chosen.add(lang);
      }
    }
    if (suite != null && !Files.isDirectory(suite)) {
      throw new ParameterException(spec.commandLine(), "not a directory: " + suite);
    }
    if (json != null && json.getParent() != null && !Files.isDirectory(json.getParent())) {
      throw new ParameterException(spec.commandLine(), "no such directory for --json: " + json);
    }
    SuiteSource source = suite == null ? SuiteSource.classpath() : SuiteSource.directory(suite);
    List<FunctionalCase> cases = FunctionalSuite.load(source, p, chosen);
    PostScorer scorer = scoring.scorer();
    long start = System.nanoTime();
    FunctionalReport report = FunctionalEvaluation.report(scorer, p, cases);
    double seconds = (System.nanoTime() - start) / 1e9;
    PrintWriter out = spec.commandLine().getOut();
    out.print(ReportTable.describe(report));
    out.printf(
        Locale.ROOT,
        "%nScored %d posts (%d tagged, %d untagged) in %.1f s.%n",
        report.tagged().size() + report.untagged().size(),
        report.tagged().size(),
        report.untagged().size(),
        seconds);
    if (json != null) {
      try (Writer w = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
        w.write(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report.json()));
        w.write('\n');
      }
      out.println("JSON report: " + json);
    }
    out.flush();
    return 0;
  }
}
