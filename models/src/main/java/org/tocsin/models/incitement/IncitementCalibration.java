package org.tocsin.models.incitement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.tocsin.nlp.bands.IncitementBands;

/**
 * Calibrates the incitement bands on the hand-labelled incitement set: each band's threshold is the
 * <em>lowest</em> incitement score whose precision on the <b>dev</b> half reaches the band's target
 * (the threshold that flags the most posts while its flags are still that often right), among
 * thresholds that flag at least {@link Targets#minTruePositives()} dev positives, so that one lucky
 * post cannot define a band. Test is read only afterwards, to report each band's precision and
 * recall with 95 % bootstrap intervals ({@link Bootstrap}, fixed seed).
 *
 * <p>Choosing the lowest qualifying threshold (rather than the highest precision) maximises recall
 * at the promised precision; since a threshold that reaches 0.8 also reaches 0.5, "elevated" never
 * starts above "high".
 */
public final class IncitementCalibration {
  /** How many bootstrap resamples of test each band's intervals come from. */
  public static final int ROUNDS = 2000;

  private IncitementCalibration() {}

  /**
   * What to calibrate for.
   *
   * @param elevated the dev precision the "elevated" band must reach, in (0, 1]
   * @param high the dev precision the "high" band must reach, in [elevated, 1]
   * @param minTruePositives least dev positives a band's threshold must flag
   */
  public record Targets(double elevated, double high, int minTruePositives) {
    /** The defaults: elevated 0.5 (one flag in two right), high 0.8, at least 5 dev positives. */
    public static final Targets DEFAULT = new Targets(0.5, 0.8, 5);

    /** The same precision targets with another least number of dev positives. */
    public Targets withMin(int minTruePositives) {
      return new Targets(elevated, high, minTruePositives);
    }

    /** Checks the ranges. */
    public Targets {
      if (!(elevated > 0 && elevated <= 1 && high >= elevated && high <= 1)) {
        throw new IllegalArgumentException(
            "precision targets must satisfy 0 < elevated <= high <= 1 [got elevated "
                + elevated
                + ", high "
                + high
                + "]");
      }
      if (minTruePositives < 1) {
        throw new IllegalArgumentException(
            "minTruePositives must be at least 1 [got " + minTruePositives + "]");
      }
    }
  }

  /**
   * Builds the band table from an evaluation's scored dev and test halves.
   *
   * @param r the scored set ({@link IncitementEvaluation#run})
   * @param setName the set's name, written to the table
   * @param date the calibration date, written to the table
   * @throws IllegalStateException if no dev threshold reaches a band's target; the message names
   *     the band and the best dev precision there is
   */
  public static IncitementBands calibrate(
      IncitementEvaluation.Report r, String setName, LocalDate date, Targets targets) {
    Objects.requireNonNull(targets, "targets");
    RankingMetrics dev = IncitementEvaluation.metrics(r.dev());
    List<IncitementBands.Band> bands = new ArrayList<>();
    bands.add(new IncitementBands.Band("low", 0, null, null, null));
    bands.add(band("elevated", targets.elevated(), dev, r, targets.minTruePositives()));
    bands.add(band("high", targets.high(), dev, r, targets.minTruePositives()));
    return new IncitementBands(
        IncitementBands.FORMAT,
        r.scorer(),
        date.toString(),
        setName,
        String.format(
            Locale.ROOT,
            "each band starts at the lowest incitement score whose precision on the dev half is at"
                + " least its target (elevated %.2f, high %.2f) while flagging at least %d dev"
                + " positives; precision and recall are then measured on the test half, with 95%%"
                + " bootstrap intervals (%d resamples, seed %d)",
            targets.elevated(),
            targets.high(),
            targets.minTruePositives(),
            ROUNDS,
            Bootstrap.SEED),
        bands);
  }

  /**
   * The lowest threshold among the distinct positive dev scores whose dev precision is at least
   * {@code target} and which flags at least {@code minTruePositives} dev positives.
   *
   * @throws IllegalStateException if there is none
   */
  public static RankingMetrics.AtThreshold choose(
      RankingMetrics dev, double[] devScores, double target, int minTruePositives, String band) {
    double[] s = devScores.clone();
    Arrays.sort(s);
    RankingMetrics.AtThreshold chosen = null;
    double bestPrecision = 0;
    for (int i = 0; i < s.length; i++) {
      if (s[i] <= 0 || i > 0 && s[i] == s[i - 1]) {
        continue;
      }
      RankingMetrics.AtThreshold a = dev.at(s[i]);
      if (a.truePositives() >= minTruePositives) {
        bestPrecision = Math.max(bestPrecision, a.precision());
        if (a.precision() >= target) {
          chosen = a;
          break;
        }
      }
    }
    if (chosen == null) {
      throw new IllegalStateException(
          String.format(
              Locale.ROOT,
              "no dev threshold gives band %s a precision of %.2f with at least %d dev positives"
                  + " (best dev precision %.3f); lower the target or improve the scorer",
              band,
              target,
              minTruePositives,
              bestPrecision));
    }
    return chosen;
  }

  private static IncitementBands.Band band(
      String name,
      double target,
      RankingMetrics dev,
      IncitementEvaluation.Report r,
      int minTruePositives) {
    double[] devScores =
        r.dev().stream().mapToDouble(IncitementEvaluation.Scored::incitement).toArray();
    RankingMetrics.AtThreshold d = choose(dev, devScores, target, minTruePositives, name);
    double t = d.threshold();
    RankingMetrics.AtThreshold onTest = IncitementEvaluation.metrics(r.test()).at(t);
    Bootstrap.Intervals ci = Bootstrap.run(r.test(), t, ROUNDS);
    return new IncitementBands.Band(
        name, t, target, measured(d, null, null), measured(onTest, ci.precision(), ci.recall()));
  }

  private static IncitementBands.Measured measured(
      RankingMetrics.AtThreshold a, double[] precisionInterval, double[] recallInterval) {
    return new IncitementBands.Measured(
        round(a.precision()),
        precisionInterval == null ? null : round(precisionInterval),
        round(a.recall()),
        recallInterval == null ? null : round(recallInterval),
        a.truePositives(),
        a.falsePositives(),
        a.falseNegatives());
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }

  private static double[] round(double[] v) {
    return new double[] {round(v[0]), round(v[1])};
  }

  /** The table in a few lines of plain text, for the command's output. */
  public static String describe(IncitementBands b) {
    StringBuilder sb = new StringBuilder();
    sb.append("scorer ").append(b.scorer()).append(", set ").append(b.set()).append('\n');
    for (IncitementBands.Band band : b.bands()) {
      if (band.test() == null) {
        sb.append(String.format(Locale.ROOT, "%-8s from %.4f%n", band.name(), band.threshold()));
        continue;
      }
      IncitementBands.Measured d = band.dev();
      IncitementBands.Measured t = band.test();
      sb.append(
          String.format(
              Locale.ROOT,
              "%-8s from %.4f (dev target %.2f): dev precision %.3f recall %.3f (TP %d, FP %d);"
                  + " test precision %.3f [%.3f-%.3f] recall %.3f [%.3f-%.3f] (TP %d, FP %d, FN"
                  + " %d)%n",
              band.name(),
              band.threshold(),
              band.devPrecisionTarget(),
              d.precision(),
              d.recall(),
              d.truePositives(),
              d.falsePositives(),
              t.precision(),
              t.precisionInterval()[0],
              t.precisionInterval()[1],
              t.recall(),
              t.recallInterval()[0],
              t.recallInterval()[1],
              t.truePositives(),
              t.falsePositives(),
              t.falseNegatives()));
    }
    return sb.toString();
  }
}
