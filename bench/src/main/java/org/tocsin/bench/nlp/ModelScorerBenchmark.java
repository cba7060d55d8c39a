package org.tocsin.bench.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.json.PostJson;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.Score;
import org.tocsin.core.score.TargetScore;
import org.tocsin.nlp.ModelScorer;
import org.tocsin.nlp.assembly.ShippedScorer;
import org.tocsin.nlp.baseline.LexiconScorer;
import org.tocsin.nlp.classifier.Explained;
import org.tocsin.nlp.classifier.HateClassifier;
import org.tocsin.nlp.classifier.Prediction;
import org.tocsin.nlp.classifier.TargetClassifier;
import org.tocsin.nlp.classifier.TextFeatures;

/**
 * {@link ModelScorer} alone, as the node builds it (bundled hate-3way-v1 and targets-v1, default
 * lexicon, default explanation threshold), on the 18,364 posts of the demo corpus taken in turn,
 * one thread: each operation is one post, so the score is posts per second. The other benchmarks
 * split the score into its parts. Run: {@code java -cp
 * "bench/target/tocsin-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" org.openjdk.jmh.Main
 * ModelScorerBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Threads(1)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx1g", "-XX:+UseParallelGC"})
public class ModelScorerBenchmark {
  private List<Post> posts;
  private ModelScorer scorer;
  private HateClassifier hate;
  private TargetClassifier targets;
  private LexiconScorer lexicon;
  private int next;

  /** Loads the models and the demo corpus. */
  @Setup
  public void setUp() throws IOException {
    ClassLoader loader = ShippedScorer.class.getClassLoader();
    hate = HateClassifier.loadResource(loader, ShippedScorer.BUNDLED_MODEL);
    targets = TargetClassifier.loadResource(loader, ShippedScorer.BUNDLED_TARGET_MODEL);
    lexicon = LexiconScorer.loadDefault();
    scorer = new ModelScorer(hate, targets, lexicon, ModelScorer.DEFAULT_EXPLAIN_THRESHOLD);
    posts = demoPosts();
  }

  static List<Post> demoPosts() throws IOException {
    List<Post> out = new ArrayList<>();
    try (InputStream raw =
            ModelScorerBenchmark.class.getResourceAsStream("/org/tocsin/node/demo/posts.jsonl.gz");
        BufferedReader r =
            new BufferedReader(
                new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        out.add(PostJson.read(line));
      }
    } catch (PostFormatException e) {
      throw new IOException("demo corpus line is invalid: " + e.getMessage(), e);
    }
    return out;
  }

  private Post nextPost() {
    Post p = posts.get(next);
    next = next + 1 == posts.size() ? 0 : next + 1;
    return p;
  }

  /** The whole score of one post: lexicon, classifier, explanation when due, targets. */
  @Benchmark
  public Score score() {
    return scorer.score(nextPost());
  }

  /** The lexicon baseline alone. */
  @Benchmark
  public Score lexicon() {
    return lexicon.score(nextPost());
  }

  /** Tokenising, vectorising and classifying with hate-3way alone. */
  @Benchmark
  public Prediction classify() {
    return hate.predict(TextFeatures.of(nextPost().text()));
  }

  /** The occlusion explanation of every post, whatever its score (the scorer explains few). */
  @Benchmark
  public Explained explainEvery() {
    return hate.explain(TextFeatures.of(nextPost().text()), ModelScorer.TOP_TOKENS);
  }

  /** The target classifier alone. */
  @Benchmark
  public List<TargetScore> targets() {
    return targets.targets(TextFeatures.of(nextPost().text()));
  }
}
