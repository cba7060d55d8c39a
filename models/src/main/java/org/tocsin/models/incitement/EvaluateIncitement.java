package org.tocsin.models.incitement;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tocsin.core.SuppressForbidden;
import org.tocsin.core.score.PostScorer;
import org.tocsin.nlp.ModelScorer;
import org.tocsin.nlp.baseline.LexiconScorer;
import org.tocsin.nlp.classifier.HateClassifier;

/**
 * Measures the shipped scorer's {@code incitement} score on the hand-labelled incitement set:
 * threshold chosen on dev, precision / recall / F1 at it and PR-AUC on test.
 *
 * <pre>{@code
 * ./tocsin eval-incitement [--config FILE] [--set FILE] [--dev-errors]
 * java -cp ... org.tocsin.models.incitement.EvaluateIncitement [--set FILE] [--scorer model|lexicon]
 *     [--model-dir DIR] [--dev-errors]
 * }</pre>
 *
 * <p>Defaults: the set shipped in the jar ({@link IncitementSet#RESOURCE}) and the scorer the node
 * uses ({@link ModelScorer} over the bundled hate-3way-v1 classifier and the default lexicon).
 * {@code --dev-errors} lists the dev posts the threshold gets wrong, for improving the scorer
 * without looking at test. Bad arguments print one line and exit with status 2.
 */
public final class EvaluateIncitement {
  /** Where the bundled classifier sits on the classpath (the models jar). */
  public static final String BUNDLED_MODEL = "tocsin/models/hate-3way-v1";

  private EvaluateIncitement() {}

  /** Runs the evaluation; see the class comment for the arguments. */
  @SuppressForbidden(reason = "a command-line main reports its measurements on standard output")
  public static void main(String[] args) throws IOException {
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    Options o;
    try {
      o = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("evaluate-incitement: " + e.getMessage());
      System.exit(2);
      return;
    }
    IncitementSet set;
    PostScorer scorer;
    try {
      set = o.set == null ? IncitementSet.loadDefault() : IncitementSet.read(o.set);
      scorer = scorer(o);
    } catch (IOException | IllegalArgumentException e) {
      err.println("evaluate-incitement: " + e.getMessage());
      System.exit(1);
      return;
    }
    IncitementEvaluation.Report r = IncitementEvaluation.run(scorer, set);
    out.print(describe(set, r));
    out.print(Bootstrap.run(r.test(), r.devBest().threshold(), 2000).describe());
    if (o.devErrors) {
      out.print(devErrors(r));
    }
  }

  private static PostScorer scorer(Options o) throws IOException {
    LexiconScorer lexicon = LexiconScorer.loadDefault();
    if (o.scorer.equals("lexicon")) {
      return lexicon;
    }
    HateClassifier c =
        o.modelDir == null
            ? HateClassifier.loadResource(EvaluateIncitement.class.getClassLoader(), BUNDLED_MODEL)
            : HateClassifier.load(o.modelDir);
    // Explanations do not change incitement; an explain threshold above 1 skips the occlusion.
    return new ModelScorer(c, lexicon, 2.0);
  }

  /** The report as plain text (markdown-friendly). */
  public static String describe(IncitementSet set, IncitementEvaluation.Report r) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "set %s: %d posts (dev %d with %d incitement, test %d with %d incitement)%n",
            set.name(),
            set.posts().size(),
            r.dev().size(),
            IncitementEvaluation.metrics(r.dev()).positives(),
            r.test().size(),
            IncitementEvaluation.metrics(r.test()).positives()));
    sb.append("scorer ").append(r.scorer()).append(" (incitement score; no reach data)\n");
    sb.append("dev  best F1 at ").append(r.devBest().describe()).append('\n');
    sb.append(
        String.format(
            Locale.ROOT, "dev  PR-AUC (average precision) %.3f%n", r.devAveragePrecision()));
    sb.append("test at the dev threshold, ").append(r.testAtDevThreshold().describe()).append('\n');
    sb.append(
        String.format(
            Locale.ROOT, "test PR-AUC (average precision) %.3f%n", r.testAveragePrecision()));
    appendMeans(sb, "dev ", r.meanByLabel(r.dev()));
    appendMeans(sb, "test", r.meanByLabel(r.test()));
    return sb.toString();
  }

  private static void appendMeans(StringBuilder sb, String split, Map<String, double[]> means) {
    sb.append(split).append(" mean incitement by label:");
    means.forEach(
        (label, a) ->
            sb.append(
                String.format(
                    Locale.ROOT,
                    " %s %.3f (n=%d)",
                    label,
                    a[1] == 0 ? 0 : a[0] / a[1],
                    (int) a[1])));
    sb.append('\n');
  }

  /**
   * The dev half's measures alone (no test line, the test posts unscored): set sizes, dev best F1
   * and its threshold, dev PR-AUC and mean incitement by label.
   */
  public static String describeDev(
      IncitementSet set, String scorer, List<IncitementEvaluation.Scored> dev) {
    RankingMetrics m = IncitementEvaluation.metrics(dev);
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "set %s: dev %d posts with %d incitement (test half not scored)%n",
            set.name(),
            dev.size(),
            m.positives()));
    sb.append("scorer ").append(scorer).append(" (incitement score; no reach data)\n");
    sb.append("dev  best F1 at ").append(m.bestF1().describe()).append('\n');
    sb.append(
        String.format(Locale.ROOT, "dev  PR-AUC (average precision) %.3f%n", m.averagePrecision()));
    appendMeans(sb, "dev ", IncitementEvaluation.sumAndCountByLabel(dev));
    return sb.toString();
  }

  /** The dev posts misjudged at the dev threshold, highest-scored false positives first. */
  public static String devErrors(IncitementEvaluation.Report r) {
    return devErrors(r.dev(), r.devBest().threshold());
  }

  /** The dev posts misjudged at threshold {@code t}, highest-scored false positives first. */
  public static String devErrors(List<IncitementEvaluation.Scored> dev, double t) {
    List<IncitementEvaluation.Scored> wrong = new ArrayList<>();
    for (IncitementEvaluation.Scored s : dev) {
      if ((s.incitement() >= t) != s.post().incitement()) {
        wrong.add(s);
      }
    }
    wrong.sort(Comparator.comparingDouble(IncitementEvaluation.Scored::incitement).reversed());
    StringBuilder sb = new StringBuilder("dev errors:\n");
    for (IncitementEvaluation.Scored s : wrong) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%s %s %.4f %s: %s%n",
              s.post().incitement() ? "FN" : "FP",
              s.post().id(),
              s.incitement(),
              s.post().label(),
              s.post().text().replace('\n', ' ')));
    }
    return sb.toString();
  }

  /** The parsed command line. */
  static final class Options {
    Path set;
    String scorer = "model";
    Path modelDir;
    boolean devErrors;

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--set" -> o.set = Path.of(value(args, ++i, "--set"));
          case "--model-dir" -> o.modelDir = Path.of(value(args, ++i, "--model-dir"));
          case "--scorer" -> {
            o.scorer = value(args, ++i, "--scorer");
            if (!o.scorer.equals("model") && !o.scorer.equals("lexicon")) {
              throw new IllegalArgumentException(
                  "--scorer must be model or lexicon [got " + o.scorer + "]");
            }
          }
          case "--dev-errors" -> o.devErrors = true;
          default ->
              throw new IllegalArgumentException(
                  "unknown argument [got "
                      + args[i]
                      + "]; usage: [--set FILE] [--scorer model|lexicon]"
                      + " [--model-dir DIR] [--dev-errors]");
        }
      }
      return o;
    }

    private static String value(String[] args, int i, String flag) {
      if (i >= args.length || args[i].startsWith("--")) {
        throw new IllegalArgumentException(flag + " needs a value");
      }
      return args[i];
    }
  }
}
