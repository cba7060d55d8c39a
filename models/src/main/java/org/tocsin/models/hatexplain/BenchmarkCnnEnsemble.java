package org.tocsin.models.hatexplain;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tocsin.core.SuppressForbidden;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Metrics;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.PostScorer;
import org.tocsin.nlp.ModelScorer;
import org.tocsin.nlp.baseline.LexiconScorer;
import org.tocsin.nlp.classifier.CnnEnsembleClassifier;
import org.tocsin.nlp.classifier.Prediction;
import org.tocsin.nlp.classifier.TargetClassifier;

/**
 * Measures a {@link CnnEnsembleClassifier} artifact on HateXplain's validation texts: posts per
 * second of the classifier, of its explanation, and of the whole screen ({@link ModelScorer} over
 * the ensemble, lexicon and target classifier included) next to the n-gram member's {@link
 * ModelScorer}; one thread. With {@code --record IN OUT} it writes reference scores of the texts in
 * {@code IN} (one a line) as {@code text<TAB>hate<TAB>offensive<TAB>normal}, for the artifact's
 * regression test.
 *
 * <pre>{@code
 * java -cp ... org.tocsin.models.hatexplain.BenchmarkCnnEnsemble models/artifacts/hate-3way-v2 \
 *     models/artifacts/targets-v1 ../shared/data/hatexplain/hatexplain_official_split.jsonl
 * }</pre>
 */
public final class BenchmarkCnnEnsemble {
  private BenchmarkCnnEnsemble() {}

  /** Runs the benchmark; see the class comment for the arguments. */
  @SuppressForbidden(reason = "a command-line main reports its measurements on standard output")
  public static void main(String[] args) throws IOException {
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    long t0 = System.nanoTime();
    CnnEnsembleClassifier c = CnnEnsembleClassifier.load(Path.of(args[0]));
    out.printf(Locale.ROOT, "load %.2fs%n", (System.nanoTime() - t0) / 1e9);
    if (args.length == 4 && args[1].equals("--record")) {
      record(c, Path.of(args[2]), Path.of(args[3]));
      return;
    }
    TargetClassifier targets = TargetClassifier.load(Path.of(args[1]));
    LexiconScorer lexicon = LexiconScorer.loadDefault();
    List<String> texts =
        HateXplainData.read(Path.of(args[2])).split("val").stream()
            .map(HateXplainData.Post::text)
            .toList();
    List<Post> posts = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      posts.add(post(i, texts.get(i)));
    }
    PostScorer ensemble =
        new ModelScorer(c, targets, lexicon, ModelScorer.DEFAULT_EXPLAIN_THRESHOLD);
    PostScorer ngram =
        new ModelScorer(c.ngram(), targets, lexicon, ModelScorer.DEFAULT_EXPLAIN_THRESHOLD);
    PostScorer ngramNoExplain = new ModelScorer(c.ngram(), targets, lexicon, 2.0);
    for (int round = 0; round < 3; round++) {
      double cls = rate(() -> c.predictBatch(texts), texts.size());
      double ngramCls = rate(() -> c.ngram().predictBatch(texts), texts.size());
      double explain = rate(() -> texts.forEach(t -> c.explain(t, 8)), texts.size());
      double screen = rate(() -> posts.forEach(ensemble::score), posts.size());
      double ngramScreen = rate(() -> posts.forEach(ngram::score), posts.size());
      double ngramScreenNoExplain = rate(() -> posts.forEach(ngramNoExplain::score), posts.size());
      out.printf(
          Locale.ROOT,
          "round %d (%d posts, one thread): ensemble classify %.0f/s, n-gram member alone %.0f/s,"
              + " ensemble classify+explain %.0f/s; screen (lexicon + targets + classifier):"
              + " ModelScorer over the ensemble %.0f/s (every post explained), ModelScorer over the n-gram"
              + " member %.0f/s (occlusion above 0.5), without explanations %.0f/s%n",
          round,
          texts.size(),
          cls,
          ngramCls,
          explain,
          screen,
          ngramScreen,
          ngramScreenNoExplain);
    }
  }

  private static double rate(Runnable r, int n) {
    long t = System.nanoTime();
    r.run();
    return n / ((System.nanoTime() - t) / 1e9);
  }

  static Post post(int i, String text) {
    return new Post(
        "bench",
        String.valueOf(i),
        "https://example.org/" + i,
        new Author("a" + i, "a", null, null, null),
        Instant.parse("2024-05-01T12:00:00Z"),
        text,
        "en",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        Metrics.UNKNOWN,
        null,
        null);
  }

  private static void record(CnnEnsembleClassifier c, Path in, Path out) throws IOException {
    List<String> texts = new ArrayList<>();
    for (String line : Files.readAllLines(in, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        texts.add(line.strip());
      }
    }
    List<Prediction> p = c.predictBatch(texts);
    StringBuilder b =
        new StringBuilder(
            "# text\thate\toffensive\tnormal (recorded by BenchmarkCnnEnsemble --record)\n");
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
