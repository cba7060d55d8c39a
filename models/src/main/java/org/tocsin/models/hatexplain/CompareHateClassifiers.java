package org.tocsin.models.hatexplain;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tocsin.core.SuppressForbidden;
import org.tocsin.nlp.classifier.CnnEnsembleClassifier;
import org.tocsin.nlp.classifier.HateClassifier;
import org.tocsin.nlp.classifier.Prediction;

/**
 * Is the shipped hate-3way v2 better than the plain linear baseline and than v1 by more than the
 * noise of one test split? Scores the three on HateXplain's official test split, post by post, and
 * compares them paired ({@link PairedComparison}): bootstrap intervals of the differences in
 * accuracy, macro-F1 and macro AUROC, and McNemar's exact test on per-post correctness.
 *
 * <pre>{@code
 * java -cp ... org.tocsin.models.hatexplain.CompareHateClassifiers \
 *     ../shared/data/hatexplain/hatexplain_official_split.jsonl \
 *     [--v2 models/artifacts/hate-3way-v2] [--v1 models/artifacts/hate-3way-v1] \
 *     [--rounds 5000] [--seed 20261202] [--predictions FILE.tsv]
 * }</pre>
 *
 * <p>v2 and v1 are loaded as the node loads them; the baseline is trained exactly as {@link
 * Baseline} does (train split, L2 and epoch chosen on validation, seed 42), so the test split is
 * read only to be scored. Before comparing, it says whether each model reproduces the test numbers
 * recorded for it (the artifacts' manifests; for the baseline, the figure issue 5 states and the
 * one {@link TrainHateClassifier}'s {@code --baseline} measured); it exits 1 if v2 or v1 does not.
 * {@code --predictions} writes every test post's three probabilities from each model.
 */
public final class CompareHateClassifiers {
  private CompareHateClassifiers() {}

  /** What issue 5 states the baseline reached on test: accuracy, macro-F1 (no AUROC given). */
  static final double[] ISSUE_BASELINE = {0.669, 0.650};

  /**
   * What {@link Baseline} itself measured on test in TrainHateClassifier's final run
   * (bench/results/hate-3way-experiments-2026-12-02.md): accuracy, macro-F1, macro AUROC.
   */
  static final double[] JAVA_BASELINE = {0.6642, 0.6445, 0.8186};

  /**
   * The three models' probabilities on the test posts.
   *
   * @param test the test posts, in file order
   * @param gold their majority labels
   * @param v2 the shipped ensemble's probabilities
   * @param v1 hate-3way v1's
   * @param baseline the linear baseline's
   * @param baselineL2 the penalty the baseline chose on validation
   * @param baselineEpoch the epoch it kept
   */
  public record Scored(
      List<HateXplainData.Post> test,
      int[] gold,
      double[][] v2,
      double[][] v1,
      double[][] baseline,
      double baselineL2,
      int baselineEpoch) {}

  /**
   * Scores the test split with the two artifacts and the baseline trained here.
   *
   * @param split {@code hatexplain_official_split.jsonl}
   * @param v2Dir the hate-3way v2 artifact
   * @param v1Dir the hate-3way v1 artifact
   * @param log where the baseline's training progress goes
   * @throws IOException if a file cannot be read or the split has no train, val or test posts
   */
  public static Scored score(Path split, Path v2Dir, Path v1Dir, PrintStream log)
      throws IOException {
    HateXplainData data = HateXplainData.read(split);
    List<HateXplainData.Post> train = data.split("train");
    List<HateXplainData.Post> val = data.split("val");
    List<HateXplainData.Post> test = data.split("test");
    if (train.isEmpty() || val.isEmpty() || test.isEmpty()) {
      throw new IOException(
          split
              + ": needs train, val and test posts [got "
              + train.size()
              + ", "
              + val.size()
              + ", "
              + test.size()
              + "]");
    }
    List<List<String>> tokens = test.stream().map(HateXplainData.Post::tokens).toList();
    double[][] v2 = probabilities(CnnEnsembleClassifier.load(v2Dir).predictTokens(tokens));
    double[][] v1 = probabilities(HateClassifier.load(v1Dir).predictTokens(tokens));
    Baseline b = Baseline.train(train, val, log);
    double[][] base = b.model().predict(TrainHateClassifier.vectorize(b.vectorizer(), test));
    return new Scored(
        test, TrainHateClassifier.labels(test), v2, v1, base, b.l2(), b.model().bestEpoch());
  }

  static double[][] probabilities(List<Prediction> predictions) {
    double[][] p = new double[predictions.size()][];
    for (int i = 0; i < p.length; i++) {
      Prediction x = predictions.get(i);
      p[i] = new double[] {x.hate(), x.offensive(), x.normal()};
    }
    return p;
  }

  /** Whether an evaluation gives the recorded accuracy and macro-F1 (and AUROC if given). */
  static boolean matches(Evaluation e, double[] recorded, double tolerance) {
    boolean same =
        Math.abs(e.accuracy() - recorded[0]) <= tolerance
            && Math.abs(e.macroF1() - recorded[1]) <= tolerance;
    return recorded.length < 3 ? same : same && Math.abs(e.macroAuroc() - recorded[2]) <= tolerance;
  }

  /** The recorded test accuracy, macro-F1 and macro AUROC of an artifact's {@code metrics}. */
  static double[] recorded(JsonNode metrics) {
    JsonNode t = metrics.path("test");
    return new double[] {
      t.path("accuracy").asDouble(Double.NaN),
      t.path("macroF1").asDouble(Double.NaN),
      t.path("macroAurocOneVsRest").asDouble(Double.NaN)
    };
  }

  /** Runs the comparison; see the class comment for the arguments. */
  @SuppressForbidden(reason = "a command-line main reports on standard output")
  public static void main(String[] args) throws IOException {
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    Map<String, String> a;
    try {
      a = parse(args);
    } catch (IllegalArgumentException e) {
      out.println(e.getMessage());
      out.println(
          "usage: CompareHateClassifiers SPLIT_JSONL [--v2 DIR] [--v1 DIR] [--rounds N]"
              + " [--seed S] [--predictions FILE]");
      System.exit(2);
      return;
    }
    Path split = Path.of(a.get("split"));
    Path v2Dir = Path.of(a.getOrDefault("v2", "models/artifacts/hate-3way-v2"));
    Path v1Dir = Path.of(a.getOrDefault("v1", "models/artifacts/hate-3way-v1"));
    int rounds = Integer.parseInt(a.getOrDefault("rounds", "5000"));
    long seed = Long.parseLong(a.getOrDefault("seed", Long.toString(PairedComparison.SEED)));
    if (!Files.isRegularFile(split)) {
      out.println(split + ": no such file (the HateXplain official split JSONL)");
      System.exit(2);
    }
    long cpu0 = cpuNanos();
    Scored s = score(split, v2Dir, v1Dir, out);
    long cpuScored = cpuNanos();
    JsonNode v2Manifest = CnnEnsembleClassifier.load(v2Dir).manifest();
    String sha = HateXplainData.read(split).sha256();
    String trained = v2Manifest.path("training").path("dataSha256").asText();
    out.println(
        "split "
            + split
            + " sha256 "
            + sha
            + (sha.equals(trained)
                ? " (the one v2 was trained on)"
                : " DIFFERS from v2's " + trained));

    Evaluation e2 = Evaluation.of(s.v2(), s.gold());
    Evaluation e1 = Evaluation.of(s.v1(), s.gold());
    Evaluation eb = Evaluation.of(s.baseline(), s.gold());
    double[] r2 = recorded(v2Manifest.path("metrics"));
    double[] r1 = recorded(HateClassifier.load(v1Dir).manifest().metrics());
    boolean v2Same = e2.n() == 1924 && matches(e2, r2, 1e-4);
    boolean v1Same = e1.n() == 1924 && matches(e1, r1, 1e-4);
    out.printf(Locale.ROOT, "v2       test %s%n", e2.summary());
    out.printf(
        Locale.ROOT,
        "  recorded %.4f / %.4f / %.4f: %s%n",
        r2[0],
        r2[1],
        r2[2],
        v2Same ? "reproduced" : "DIFFERS");
    out.printf(Locale.ROOT, "v1       test %s%n", e1.summary());
    out.printf(
        Locale.ROOT,
        "  recorded %.4f / %.4f / %.4f: %s%n",
        r1[0],
        r1[1],
        r1[2],
        v1Same ? "reproduced" : "DIFFERS");
    out.printf(
        Locale.ROOT,
        "baseline test %s (l2 %s, epoch %d)%n",
        eb.summary(),
        s.baselineL2(),
        s.baselineEpoch());
    out.printf(
        Locale.ROOT,
        "  issue 5 states %.3f / %.3f: %s%n",
        ISSUE_BASELINE[0],
        ISSUE_BASELINE[1],
        matches(eb, ISSUE_BASELINE, 5e-4) ? "reproduced" : "DIFFERS");
    out.printf(
        Locale.ROOT,
        "  Baseline.java measured %.4f / %.4f / %.4f before: %s%n",
        JAVA_BASELINE[0],
        JAVA_BASELINE[1],
        JAVA_BASELINE[2],
        matches(eb, JAVA_BASELINE, 1e-4) ? "reproduced" : "DIFFERS");

    long cpuBoot = cpuNanos();
    out.printf(
        Locale.ROOT,
        "%npaired bootstrap: %d resamples of the %d test posts, seed %d%n",
        rounds,
        s.gold().length,
        seed);
    out.println("| comparison | metric | A | B | A − B | 95 % CI | P(diff ≤ 0) |");
    out.println("| --- | --- | --- | --- | --- | --- | --- |");
    table(
        out,
        "v2 − baseline",
        PairedComparison.bootstrap(s.v2(), s.baseline(), s.gold(), rounds, seed));
    table(out, "v2 − v1", PairedComparison.bootstrap(s.v2(), s.v1(), s.gold(), rounds, seed));
    table(
        out,
        "v1 − baseline",
        PairedComparison.bootstrap(s.v1(), s.baseline(), s.gold(), rounds, seed));
    out.println();
    out.println(
        "v2 vs baseline " + PairedComparison.mcnemar(s.v2(), s.baseline(), s.gold()).describe());
    out.println("v2 vs v1 " + PairedComparison.mcnemar(s.v2(), s.v1(), s.gold()).describe());
    out.println(
        "v1 vs baseline " + PairedComparison.mcnemar(s.v1(), s.baseline(), s.gold()).describe());
    long cpuEnd = cpuNanos();
    out.printf(
        Locale.ROOT,
        "%nprocess CPU: scoring + baseline training %.1f s, bootstrap %.1f s%n",
        (cpuScored - cpu0) / 1e9,
        (cpuEnd - cpuBoot) / 1e9);
    if (a.containsKey("predictions")) {
      writePredictions(Path.of(a.get("predictions")), s);
      out.println("per-post probabilities written to " + a.get("predictions"));
    }
    if (!v2Same || !v1Same) {
      System.exit(1);
    }
  }

  private static void table(PrintStream out, String what, List<PairedComparison.Difference> ds) {
    for (PairedComparison.Difference d : ds) {
      out.printf(
          Locale.ROOT,
          "| %s | %s | %.4f | %.4f | %+.4f | [%+.4f, %+.4f] | %.4f |%n",
          what,
          d.metric(),
          d.a(),
          d.b(),
          d.observed(),
          d.low(),
          d.high(),
          d.pAtMostZero());
    }
  }

  private static void writePredictions(Path file, Scored s) throws IOException {
    try (OutputStream os = Files.newOutputStream(file);
        BufferedWriter w =
            new BufferedWriter(new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8))) {
      w.write(
          "post_id\tgold\tv2_hate\tv2_offensive\tv2_normal\tv1_hate\tv1_offensive\tv1_normal"
              + "\tbaseline_hate\tbaseline_offensive\tbaseline_normal\n");
      for (int i = 0; i < s.gold().length; i++) {
        StringBuilder line =
            new StringBuilder(s.test().get(i).id())
                .append('\t')
                .append(HateXplainData.LABELS.get(s.gold()[i]));
        for (double[][] m : List.of(s.v2(), s.v1(), s.baseline())) {
          for (double v : m[i]) {
            line.append('\t').append(String.format(Locale.ROOT, "%.6f", v));
          }
        }
        w.write(line.append('\n').toString());
      }
    }
  }

  @SuppressForbidden(reason = "process CPU time, read only when the JVM offers it")
  private static long cpuNanos() {
    var bean = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    if (bean instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  static Map<String, String> parse(String[] args) {
    Map<String, String> m = new HashMap<>();
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.startsWith("--")) {
        String key = arg.substring(2);
        if (!List.of("v2", "v1", "rounds", "seed", "predictions").contains(key)) {
          throw new IllegalArgumentException("unknown option " + arg);
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(arg + " needs a value");
        }
        m.put(key, args[++i]);
      } else {
        positional.add(arg);
      }
    }
    if (positional.size() != 1) {
      throw new IllegalArgumentException(
          "expected one split file [got " + positional.size() + " positional arguments]");
    }
    m.put("split", positional.get(0));
    for (String key : List.of("rounds", "seed")) {
      if (m.containsKey(key)) {
        try {
          long v = Long.parseLong(m.get(key));
          if (key.equals("rounds") && (v < 10 || v > 1_000_000)) {
            throw new IllegalArgumentException("--rounds must be 10..1000000 [got " + v + "]");
          }
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "--" + key + " must be an integer [got " + m.get(key) + "]");
        }
      }
    }
    return m;
  }
}
