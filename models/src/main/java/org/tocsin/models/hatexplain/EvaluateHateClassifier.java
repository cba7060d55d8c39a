package org.tocsin.models.hatexplain;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.tocsin.core.post.Author;
import org.tocsin.core.score.Explanation;
import org.tocsin.core.score.Factors;
import org.tocsin.core.score.Score;
import org.tocsin.nlp.baseline.LexiconScorer;
import org.tocsin.nlp.classifier.CnnEnsembleClassifier;
import org.tocsin.nlp.classifier.HateClassifier;
import org.tocsin.nlp.classifier.Prediction;
import org.tocsin.nlp.harm.HarmStage;

/**
 * Measures a shipped hate / offensive / normal artifact on the test split of the corpus it was
 * trained on (named in its manifest, {@code training.dataset}), without training anything, and says
 * whether the numbers are the ones its manifest records.
 *
 * <pre>{@code
 * java -cp ... org.tocsin.models.hatexplain.EvaluateHateClassifier models/artifacts/hate-de-v1 \
 *     [../shared/data/germeval2018] [--harm] [--split val]
 * }</pre>
 *
 * <p>Prints accuracy, macro-F1, macro AUROC and the abusive-vs-normal macro-F1 (GermEval 2018's
 * coarse metric) and exits 1 if they differ from the manifest's {@code metrics.test}. The artifact
 * may be an n-gram classifier ({@link HateClassifier}) or a CNN ensemble ({@link
 * CnnEnsembleClassifier}, hate-3way v2, the one the node ships).
 *
 * <p>{@code --harm} measures the default scorer's hate / offensive / normal instead of the
 * classifier's alone: each prediction then goes through the bundled harm grammar ({@link
 * HarmStage}) of the corpus' language, as {@code LanguageRoutedScorer} applies it; the manifest
 * check is then skipped and the number of posts the grammar changed is printed by gold label.
 * {@code --split} reads another split (val, train) for development; the test split is the default.
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
    return evaluate(artifact, data, null, "test", null);
  }

  /**
   * Evaluates an artifact on one split of its corpus, optionally through the harm grammar.
   *
   * @param harm applied to every prediction as the default scorer applies it; null for none
   * @param changed if not null, receives per gold label how many posts the grammar changed
   */
  public static Result evaluate(
      Path artifact, Path data, HarmStage harm, String split, int[] changed) throws IOException {
    boolean ensemble = CnnEnsembleClassifier.isEnsemble(artifact);
    CnnEnsembleClassifier e = ensemble ? CnnEnsembleClassifier.load(artifact) : null;
    HateClassifier c = ensemble ? null : HateClassifier.load(artifact);
    String dataset =
        ensemble ? "hatexplain" : c.manifest().training().path("dataset").asText("hatexplain");
    Path file = data != null ? data : Path.of(TrainHateClassifier.defaultData(dataset));
    List<HateXplainData.Post> test = TrainHateClassifier.read(dataset, file).split(split);
    if (test.isEmpty()) {
      throw new IOException(file + ": no " + split + " split");
    }
    List<List<String>> tokens = new ArrayList<>(test.size());
    for (HateXplainData.Post p : test) {
      tokens.add(p.tokens());
    }
    List<Prediction> predictions = ensemble ? e.predictTokens(tokens) : c.predictTokens(tokens);
    String lang = LANGUAGES.getOrDefault(dataset, null);
    Author author = new Author("eval", "eval", "eval", null, null);
    int[] labels = TrainHateClassifier.labels(test);
    double[][] probs = new double[test.size()][];
    for (int i = 0; i < probs.length; i++) {
      Prediction p = predictions.get(i);
      probs[i] = new double[] {p.hate(), p.offensive(), p.normal()};
      if (harm != null) {
        Score base =
            new Score(
                "eval",
                "0",
                p.hate(),
                p.offensive(),
                0,
                0,
                List.of(),
                Factors.NONE,
                Explanation.NONE);
        org.tocsin.core.post.Post post =
            org.tocsin.core.post.Post.ofText(
                "eval",
                test.get(i).id(),
                author,
                java.time.Instant.EPOCH,
                test.get(i).text(),
                lang);
        Score s = harm.apply(post, base);
        if (s != base) {
          probs[i] = new double[] {s.hate(), s.offensive(), s.normal()};
          if (changed != null && !s.label().equals(base.label())) {
            changed[labels[i]]++;
          }
        }
      }
    }
    Evaluation ev = Evaluation.of(probs, labels);
    return new Result(dataset, ev, TrainHateClassifier.abusiveVsNormalMacroF1(ev));
  }

  /** The language of each corpus' posts, as the harm grammar reads them. */
  private static final java.util.Map<String, String> LANGUAGES =
      java.util.Map.of("hatexplain", "en", "germeval2018", "de", "lhsab", "ar");

  /** Runs the evaluation; see the class comment for the arguments. */
  @SuppressForbidden(reason = "a command-line main reports on standard output")
  public static void main(String[] args) throws IOException {
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    List<String> rest = new ArrayList<>();
    boolean harm = false;
    String split = "test";
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--harm")) {
        harm = true;
      } else if (args[i].equals("--split") && i + 1 < args.length) {
        split = args[++i];
      } else {
        rest.add(args[i]);
      }
    }
    if (rest.isEmpty() || rest.size() > 2) {
      out.println("usage: EvaluateHateClassifier ARTIFACT_DIR [DATA] [--harm] [--split NAME]");
      System.exit(2);
    }
    Path artifact = Path.of(rest.get(0));
    int[] changed = new int[3];
    Result r =
        evaluate(
            artifact,
            rest.size() > 1 ? Path.of(rest.get(1)) : null,
            harm ? HarmStage.loadDefault(LexiconScorer.loadDefault()) : null,
            split,
            changed);
    out.printf(
        Locale.ROOT,
        "%s%s on %s %s: %s abusiveVsNormalMacroF1=%.4f%n",
        artifact.getFileName(),
        harm ? " + harm grammar" : "",
        r.dataset(),
        split,
        r.test().summary(),
        r.abusiveVsNormalMacroF1());
    if (harm) {
      out.printf(
          Locale.ROOT,
          "harm grammar changed the label of %d posts: gold hate %d, offensive %d, normal %d%n",
          changed[0] + changed[1] + changed[2],
          changed[0],
          changed[1],
          changed[2]);
      return;
    }
    if (!split.equals("test")) {
      return;
    }
    JsonNode recorded =
        CnnEnsembleClassifier.isEnsemble(artifact)
            ? CnnEnsembleClassifier.load(artifact).manifest().path("metrics").path("test")
            : HateClassifier.load(artifact).manifest().metrics().path("test");
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
