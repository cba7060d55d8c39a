package org.tocsin.models.hatexplain;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tocsin.core.SuppressForbidden;
import org.tocsin.nlp.classifier.HateClassifier;
import org.tocsin.nlp.classifier.Prediction;

/**
 * Measures the shipped classifier: load time, batch and single-post throughput, and occlusion
 * explanations per second, on HateXplain's validation posts (one thread). With {@code --record IN
 * OUT} it instead writes the reference scores of the texts in {@code IN} (one a line) to {@code
 * OUT} as {@code text<TAB>hate<TAB>offensive<TAB>normal}, for the artifact's regression test.
 *
 * <pre>{@code
 * java -cp ... org.tocsin.models.hatexplain.BenchmarkHateClassifier \
 *     models/artifacts/hate-3way-v1 ../shared/data/hatexplain/hatexplain_official_split.jsonl
 * }</pre>
 */
public final class BenchmarkHateClassifier {
  private BenchmarkHateClassifier() {}

  /** Runs the benchmark; see the class comment for the arguments. */
  @SuppressForbidden(reason = "a command-line main reports its measurements on standard output")
  public static void main(String[] args) throws IOException {
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    Path artifact = Path.of(args[0]);
    long t0 = System.nanoTime();
    HateClassifier classifier = HateClassifier.load(artifact);
    double loadSeconds = (System.nanoTime() - t0) / 1e9;
    out.printf(
        Locale.ROOT, "load %.2fs (first load in this JVM, ND4J start-up included)%n", loadSeconds);
    if (args.length == 4 && args[1].equals("--record")) {
      record(classifier, Path.of(args[2]), Path.of(args[3]));
      return;
    }
    List<String> texts =
        HateXplainData.read(Path.of(args[1])).split("val").stream()
            .map(HateXplainData.Post::text)
            .toList();
    classifier.predictBatch(texts.subList(0, 200)); // warm-up
    for (int round = 0; round < 2; round++) {
      long t1 = System.nanoTime();
      classifier.predictBatch(texts);
      double batch = texts.size() / ((System.nanoTime() - t1) / 1e9);
      long t2 = System.nanoTime();
      for (String t : texts.subList(0, 500)) {
        classifier.predict(t);
      }
      double single = 500 / ((System.nanoTime() - t2) / 1e9);
      long t3 = System.nanoTime();
      for (String t : texts.subList(0, 100)) {
        classifier.explain(t, 8);
      }
      double explain = 100 / ((System.nanoTime() - t3) / 1e9);
      out.printf(
          Locale.ROOT,
          "round %d: batch %.0f posts/s, one at a time %.0f posts/s, explain %.1f posts/s (%d posts)%n",
          round,
          batch,
          single,
          explain,
          texts.size());
    }
  }

  private static void record(HateClassifier classifier, Path in, Path out) throws IOException {
    List<String> texts = new ArrayList<>();
    for (String line : Files.readAllLines(in, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        texts.add(line.strip());
      }
    }
    List<Prediction> p = classifier.predictBatch(texts);
    StringBuilder b =
        new StringBuilder(
            "# text\thate\toffensive\tnormal (recorded by BenchmarkHateClassifier --record)\n");
    for (int i = 0; i < texts.size(); i++) {
      b.append(
          String.format(
              Locale.ROOT,
              "%s\t%.6f\t%.6f\t%.6f\n",
              texts.get(i),
              p.get(i).hate(),
              p.get(i).offensive(),
              p.get(i).normal()));
    }
    Files.writeString(out, b.toString(), StandardCharsets.UTF_8);
  }
}
