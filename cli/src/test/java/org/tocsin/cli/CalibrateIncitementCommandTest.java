package org.tocsin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.nlp.bands.IncitementBands;

class CalibrateIncitementCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  /**
   * The shipped band table is what this command gives for the shipped scorer with the table's own
   * precision targets: when the scorer's incitement changes, this fails until the table is
   * re-calibrated (docs/scoring.md, Bands).
   */
  @Test
  void theShippedTableIsTheCalibrationOfTheShippedScorer() throws Exception {
    IncitementBands shipped = IncitementBands.loadDefault();
    Path file = dir.resolve("bands.json");
    int code =
        run(
            "calibrate-incitement",
            "--date",
            shipped.calibratedOn(),
            "--elevated",
            String.valueOf(shipped.band("elevated").devPrecisionTarget()),
            "--high",
            String.valueOf(shipped.band("high").devPrecisionTarget()),
            "--out",
            file.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("elevated from")
        .contains("test precision")
        .contains("wrote");
    IncitementBands fresh = IncitementBands.read(file);
    assertThat(fresh.toJson()).isEqualTo(shipped.toJson());
  }

  @Test
  void anUnreachableTargetOrBadArgumentsAreOneLineErrors() throws Exception {
    Path config = dir.resolve("lexicon.json");
    Files.writeString(config, "{\"nlp\": {\"scorer\": \"lexicon\"}}", StandardCharsets.UTF_8);
    Path file = dir.resolve("bands.json");
    assertThat(
            run(
                "calibrate-incitement",
                "--config",
                config.toString(),
                "--high",
                "0.99",
                "--out",
                file.toString()))
        .isEqualTo(1);
    assertThat(err.toString()).contains("no dev threshold gives band high a precision of 0.99");
    assertThat(file).doesNotExist();
    assertThat(run("calibrate-incitement", "--high", "0.3", "--out", file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("elevated <= high");
    assertThat(run("calibrate-incitement")).isEqualTo(2);
    assertThat(err.toString()).contains("--out");
  }
}
