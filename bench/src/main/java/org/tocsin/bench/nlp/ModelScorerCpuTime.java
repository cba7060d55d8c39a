package org.tocsin.bench.nlp;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.tocsin.core.SuppressForbidden;
import org.tocsin.core.post.Post;
import org.tocsin.nlp.ModelScorer;
import org.tocsin.nlp.assembly.ShippedScorer;
import org.tocsin.nlp.baseline.LexiconScorer;
import org.tocsin.nlp.classifier.HateClassifier;
import org.tocsin.nlp.classifier.TargetClassifier;
import org.tocsin.nlp.classifier.TextFeatures;

/**
 * {@link ModelScorer} on the demo corpus, one thread, timed by the thread's CPU time as well as by
 * the wall clock, so that a figure taken on a shared machine still says what a post costs: one
 * warm-up pass over the 18,364 posts, then {@code passes} timed passes (default 3), for the whole
 * score and for its parts. Run: {@code java -cp
 * "bench/target/tocsin-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*"
 * org.tocsin.bench.nlp.ModelScorerCpuTime [passes]}.
 */
@SuppressForbidden(reason = "a command-line benchmark prints its lines to stdout")
public final class ModelScorerCpuTime {
  private ModelScorerCpuTime() {}

  /** Runs the measurement and prints one line per part. */
  public static void main(String[] args) throws IOException {
    int passes = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    if (passes < 1 || passes > 100) {
      throw new IllegalArgumentException("passes must lie in [1, 100] [got " + passes + "]");
    }
    ClassLoader loader = ShippedScorer.class.getClassLoader();
    HateClassifier hate = HateClassifier.loadResource(loader, ShippedScorer.BUNDLED_MODEL);
    TargetClassifier targets =
        TargetClassifier.loadResource(loader, ShippedScorer.BUNDLED_TARGET_MODEL);
    LexiconScorer lexicon = LexiconScorer.loadDefault();
    ModelScorer scorer =
        new ModelScorer(hate, targets, lexicon, ModelScorer.DEFAULT_EXPLAIN_THRESHOLD);
    List<Post> posts = ModelScorerBenchmark.demoPosts();
    int explained = 0;
    for (Post p : posts) {
      if (!scorer.score(p).explanation().tokens().isEmpty()) {
        explained++;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%,d demo posts, %,d with explanation tokens; %d timed passes, one thread%n",
        posts.size(),
        explained,
        passes);
    time("ModelScorer.score (whole)", posts, passes, p -> scorer.score(p));
    time("lexicon alone", posts, passes, p -> lexicon.score(p));
    time("hate-3way classify", posts, passes, p -> hate.predict(TextFeatures.of(p.text())));
    time(
        "occlusion of every post",
        posts,
        passes,
        p -> hate.explain(TextFeatures.of(p.text()), ModelScorer.TOP_TOKENS));
    time("targets-v1", posts, passes, p -> targets.targets(TextFeatures.of(p.text())));
  }

  private static void time(String name, List<Post> posts, int passes, Consumer<Post> work) {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    for (Post p : posts) {
      work.accept(p); // warm-up pass
    }
    long cpu0 = bean.getCurrentThreadCpuTime();
    long wall0 = System.nanoTime();
    for (int i = 0; i < passes; i++) {
      for (Post p : posts) {
        work.accept(p);
      }
    }
    double cpu = (bean.getCurrentThreadCpuTime() - cpu0) / 1e9;
    double wall = (System.nanoTime() - wall0) / 1e9;
    long n = (long) passes * posts.size();
    System.out.printf(
        Locale.ROOT,
        "%-28s %,10.0f posts per CPU-second  %,10.0f posts/s wall  (%.2f s CPU, %.2f s wall)%n",
        name,
        n / cpu,
        n / wall,
        cpu,
        wall);
  }
}
