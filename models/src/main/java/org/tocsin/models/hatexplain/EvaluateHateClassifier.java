package org.tocsin.models.hatexplain;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tocsin.core.SuppressForbidden;
import org.tocsin.nlp.classifier.HateClassifier;
import org.tocsin.nlp.classifier.Prediction;

/**
 * Measures a shipped hate / offensive / normal artifact on the test split of the corpus it was
 * trained on (named in its manifest, {@code training.dataset}), without training anything, and says
 * whether the numbers are the ones its manifest records.
 *
 * <pre>{@code
 * java -cp ... org.tocsin.models.hatexplain.EvaluateHateClassifier models/artifacts/hate-de-v1 \
 *     [../shared/data/germeval2018]
 * }</pre>
 *
 * <p>Prints accuracy, macro-F1, macro AUROC and the abusive-vs-normal macro-F1 (GermEval 2018's
 * coarse metric) and exits 1 if they differ from the manifest's {@code metrics.test}.
 */
public final class EvaluateHateClassifier {
  private EvaluateHateClassifier() {}

  /** The test metrics of an artifact, as the classifier computes them at inference. */
  public record Result(String dataset, Evaluation test, double abusiveVsNormalMacroF1) {}

  /**
   * Evaluates an artifact on its corpus' test split.
   *
   * @param artifact the artifact directory
   * @param data the corpus (file or folder); null for the default path of the manifest's dataset
   * @throws IOException if the artifact or the corpus cannot be read
   */
  public static Result evaluate(Path artifact, Path data) throws IOException {
    HateClassifier c = HateClassifier.load(artifact);
    String dataset = c.manifest().training().path("dataset").asText("hatexplain");
    Path file = data != null ? data : Path.of(TrainHateClassifier.defaultData(dataset));
    List<HateXplainData.Post> test = TrainHateClassifier.read(dataset, file).split("test");
    if (test.isEmpty()) {
      throw new IOException(file + ": no test split");
    }
    List<List<String>> tokens = new ArrayList<>(test.size());
    for (HateXplainData.Post p : test) {
      tokens.add(p.tokens());
    }
    List<Prediction> predictions = c.predictTokens(tokens);
    double[][] probs = new double[test.size()][];
    for (int i = 0; i < probs.length; i++) {
      Prediction p = predictions.get(i);
      probs[i] = new double[] {p.hate(), p.offensive(), p.normal()};
    }
    Evaluation e = Evaluation.of(probs, TrainHateClassifier.labels(test));
    return new Result(dataset, e, TrainHateClassifier.abusiveVsNormalMacroF1(e));
  }

  /** Runs the evaluation; see the class comment for the arguments. */
  @SuppressForbidden(reason = "a command-line main reports on standard output")
  public static void main(String[] args) throws IOException {
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    if (args.length < 1 || args.length > 2) {
      out.println("usage: EvaluateHateClassifier ARTIFACT_DIR [DATA]");
      System.exit(2);
    }
    Path artifact = Path.of(args[0]);
    Result r = evaluate(artifact, args.length > 1 ? Path.of(args[1]) : null);
    out.printf(
        Locale.ROOT,
        "%s on %s test: %s abusiveVsNormalMacroF1=%.4f%n",
        artifact.getFileName(),
        r.dataset(),
        r.test().summary(),
        r.abusiveVsNormalMacroF1());
    var recorded = HateClassifier.load(artifact).manifest().metrics().path("test");
    boolean same =
        recorded.path("n").asInt() == r.test().n()
            && Math.abs(recorded.path("macroF1").asDouble() - r.test().macroF1()) < 1e-4
            && Math.abs(recorded.path("accuracy").asDouble() - r.test().accuracy()) < 1e-4;
    out.println(
        same ? "matches the manifest's test metrics" : "DIFFERS from the manifest: " + recorded);
    if (!same) {
      System.exit(1);
    }
  }
}
