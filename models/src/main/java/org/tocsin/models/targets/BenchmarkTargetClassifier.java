package org.tocsin.models.targets;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.tocsin.core.SuppressForbidden;
import org.tocsin.models.hatexplain.HateXplainData;
import org.tocsin.nlp.classifier.TargetClassifier;

/**
 * Measures the target classifier's speed on HateXplain's validation posts (one thread), or with
 * {@code --record IN OUT} writes the outputs for the texts in {@code IN} (one a line) to {@code
 * OUT} as {@code text<TAB>p1<TAB>p2...}, for the artifact's regression test.
 *
 * <pre>{@code
 * java -cp ... org.tocsin.models.targets.BenchmarkTargetClassifier \
 *     models/artifacts/targets-v1 ../shared/data/hatexplain/hatexplain_official_split.jsonl
 * }</pre>
 */
public final class BenchmarkTargetClassifier {
  private BenchmarkTargetClassifier() {}

  /** Runs the benchmark; see the class comment for the arguments. */
  @SuppressForbidden(reason = "a command-line main reports its measurements on standard output")
  public static void main(String[] args) throws IOException {
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    TargetClassifier c = TargetClassifier.load(Path.of(args[0]));
    if (args.length == 4 && args[1].equals("--record")) {
      StringBuilder b =
          new StringBuilder(
              "# text\t"
                  + String.join("\t", c.groups())
                  + " (BenchmarkTargetClassifier --record)\n");
      for (String line : Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        b.append(line.strip());
        for (double p : c.probabilities(line.strip())) {
          b.append(String.format(Locale.ROOT, "\t%.6f", p));
        }
        b.append('\n');
      }
      Files.writeString(Path.of(args[3]), b.toString(), StandardCharsets.UTF_8);
      return;
    }
    List<String> texts =
        HateXplainData.read(Path.of(args[1])).split("val").stream()
            .map(HateXplainData.Post::text)
            .toList();
    for (String t : texts.subList(0, 200)) {
      c.targets(t); // warm-up
    }
    for (int round = 0; round < 2; round++) {
      long t0 = System.nanoTime();
      for (String t : texts) {
        c.targets(t);
      }
      out.printf(
          Locale.ROOT,
          "round %d: %.0f posts/s (%d posts, one thread)%n",
          round,
          texts.size() / ((System.nanoTime() - t0) / 1e9),
          texts.size());
    }
  }
}
