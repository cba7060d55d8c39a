package org.tocsin.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import org.tocsin.core.score.PostScorer;
import org.tocsin.models.incitement.IncitementCalibration;
import org.tocsin.models.incitement.IncitementEvaluation;
import org.tocsin.models.incitement.IncitementSet;
import org.tocsin.nlp.bands.IncitementBands;
import org.tocsin.node.TocsinNode;
import org.tocsin.node.config.TocsinConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tocsin calibrate-incitement}: chooses the incitement band thresholds on the incitement
 * set's dev half with the configured scorer, measures each band on the test half and writes the
 * band table ({@link IncitementBands}). Shipping the result means writing it over {@code
 * nlp/src/main/resources/org/tocsin/nlp/bands/incitement-bands-v1.json}.
 */
@Command(
    name = "calibrate-incitement",
    mixinStandardHelpOptions = true,
    description = {
      "Calibrates the incitement bands (elevated, high) for the configured scorer: each band"
          + " starts at the lowest incitement score whose precision on the incitement set's dev"
          + " half reaches its target; precision and recall on the test half, with 95%% bootstrap"
          + " intervals, are written with it to the band table (docs/scoring.md, Bands)."
    })
final class CalibrateIncitementCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--encoder",
      negatable = true,
      description =
          "Calibrate with the English sentence-encoder stage on (--encoder) or off"
              + " (--no-encoder); by default as the configuration says (nlp.encoder.enabled: the"
              + " node's scorer, which the shipped bands describe).")
  Boolean encoder;

  @Option(names = "--config", paramLabel = "FILE", description = "Configuration (nlp.scorer).")
  Path config;

  @Option(names = "--set", paramLabel = "FILE", description = "An incitement set JSONL file.")
  Path set;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "Where to write the band table (JSON).")
  Path out;

  @Option(
      names = "--elevated",
      paramLabel = "P",
      description = "Dev precision the elevated band must reach (default ${DEFAULT-VALUE}).")
  double elevated = IncitementCalibration.Targets.DEFAULT.elevated();

  @Option(
      names = "--high",
      paramLabel = "P",
      description = "Dev precision the high band must reach (default ${DEFAULT-VALUE}).")
  double high = IncitementCalibration.Targets.DEFAULT.high();

  @Option(
      names = "--min-true-positives",
      paramLabel = "N",
      description = "Least dev positives a band must flag (default ${DEFAULT-VALUE}).")
  int minTruePositives = IncitementCalibration.Targets.DEFAULT.minTruePositives();

  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      description = "The calibration date written to the table (default: today, UTC).")
  LocalDate date;

  @Override
  public Integer call() throws Exception {
    if (set != null && !Files.isRegularFile(set)) {
      throw new ParameterException(spec.commandLine(), "not a readable file: " + set);
    }
    IncitementCalibration.Targets targets;
    try {
      targets = new IncitementCalibration.Targets(elevated, high, minTruePositives);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    TocsinConfig cfg = config == null ? TocsinConfig.defaults() : TocsinConfig.load(config);
    IncitementSet s = set == null ? IncitementSet.loadDefault() : IncitementSet.read(set);
    PostScorer scorer = encoder == null ? TocsinNode.scorer(cfg) : TocsinNode.scorer(cfg, encoder);
    IncitementEvaluation.Report r = IncitementEvaluation.run(scorer, s);
    IncitementBands bands;
    try {
      bands =
          IncitementCalibration.calibrate(
              r, s.name(), date == null ? LocalDate.now(ZoneOffset.UTC) : date, targets);
    } catch (IllegalStateException e) {
      spec.commandLine().getErr().println("calibrate-incitement: " + e.getMessage());
      return 1;
    }
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(out, bands.toJson(), StandardCharsets.UTF_8);
    PrintWriter w = spec.commandLine().getOut();
    w.print(IncitementCalibration.describe(bands));
    w.println("wrote " + out);
    w.flush();
    return 0;
  }
}
