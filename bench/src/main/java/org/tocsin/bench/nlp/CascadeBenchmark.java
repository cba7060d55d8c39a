package org.tocsin.bench.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.tocsin.core.SuppressForbidden;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.json.PostJson;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.Explanation;
import org.tocsin.core.score.Factors;
import org.tocsin.core.score.PostScorer;
import org.tocsin.core.score.Score;
import org.tocsin.nlp.LanguageRoutedScorer;
import org.tocsin.nlp.assembly.ScorerSettings;
import org.tocsin.nlp.assembly.ShippedScorer;
import org.tocsin.nlp.baseline.LexiconScorer;
import org.tocsin.nlp.batch.ParallelScorer;
import org.tocsin.nlp.cascade.CascadeScorer;
import org.tocsin.nlp.cascade.CascadeSettings;
import org.tocsin.nlp.corenlp.DeepAnalyzer;
import org.tocsin.nlp.encoder.EncoderStage;
import org.tocsin.nlp.encoder.SentenceEncoder;
import org.tocsin.nlp.harm.HarmStage;
import org.tocsin.nlp.lang.LanguageIdentifier;
import org.tocsin.testkit.RealPosts;

/**
 * Measures the NLP cascade stage by stage on real posts: the screen (the shipped scorer, {@link
 * ShippedScorer#build()}, with the cascade off: classifiers, explanations, lexicon; with the
 * platforms' tags and without them, when the router guesses the language; and batched by {@link
 * ParallelScorer}), Lingua (high and low accuracy, over the node's 18 default languages), the
 * CoreNLP deep stage on the posts the gate picks, and the whole cascade as the node's ingest calls
 * it ({@link PostScorer#scoreAll} on batches of 1,000), on 1 and 2 threads. Corpora: the demo
 * corpus (18,364 posts) and the testkit's RealPosts sample (300 posts, skewed to hate) repeated 5
 * times.
 *
 * <p>Run: {@code bench/run-cascade.sh} (prints a Markdown table to stdout). Posts/s are wall-clock;
 * CPU seconds are the process's, so a run on a busy machine can be read by CPU time too.
 */
@SuppressForbidden(reason = "a command-line benchmark prints its table to stdout")
public final class CascadeBenchmark {

  private static final PrintStream OUT = System.out;

  /** The gate's thresholds in the timed runs: the node's defaults. */
  private static final double GATE_T = CascadeSettings.DEFAULTS.targetThreshold();

  private static final double GATE_I = CascadeSettings.DEFAULTS.incitementThreshold();
  private static final int BATCH = 1000;

  private CascadeBenchmark() {}

  /**
   * Runs the benchmark. Args: [rounds=2] [gate: only the gate's shares, no timings] [target
   * threshold for the gate-share count, default 0.5].
   */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    boolean gateOnly = args.length > 1 && args[1].equals("gate");
    // the gate's share may be read at another target threshold (the timed runs use the default,
    // GATE_T)
    double targetThreshold = args.length > 2 ? Double.parseDouble(args[2]) : GATE_T;
    List<Post> demo = demo();
    List<Post> skewed = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      skewed.addAll(RealPosts.sample());
    }
    OUT.printf(
        Locale.ROOT,
        "# cascade benchmark: %d cores, load average %s, JVM max heap %d MB%n",
        Runtime.getRuntime().availableProcessors(),
        load(),
        Runtime.getRuntime().maxMemory() >> 20);
    OUT.printf(Locale.ROOT, "heap at start %d MB%n", heap());
    long t = System.nanoTime();
    PostScorer screen = ShippedScorer.build(); // the shipped defaults, cascade off: the screen
    OUT.printf(Locale.ROOT, "screen load %.1f s, heap %d MB%n", secs(t), heap());

    t = System.nanoTime();
    for (Post p : demo.subList(0, 3000)) {
      screen.score(p);
    }
    OUT.printf(Locale.ROOT, "screen warm-up on 3,000 posts %.1f s%n", secs(t));
    if (args.length > 1 && args[1].equals("harm")) {
      harm(rounds, demo, skewed, screen);
      return;
    }
    if (args.length > 1 && args[1].equals("encoder")) {
      encoder(rounds, demo, skewed, screen);
      return;
    }
    for (String name : List.of("demo", "skewed")) {
      List<Post> posts = name.equals("demo") ? demo : skewed;
      OUT.printf(Locale.ROOT, "%n## corpus %s: %d posts%n", name, posts.size());
      // gate share and language
      CascadeScorer probe =
          new CascadeScorer(
              screen,
              () -> {
                throw new IllegalStateException("not loaded here");
              },
              (DeepAnalyzer) null,
              new CascadeSettings(false, targetThreshold, 0.3, 1));
      int gated = 0;
      int gatedEn = 0;
      int tagged = 0;
      int abusive = 0;
      for (Post p : posts) {
        Score s = screen.score(p);
        String tag = LanguageIdentifier.reliableTag(p.lang());
        tagged += tag != null ? 1 : 0;
        abusive += s.hate() + s.offensive() >= 0.5 ? 1 : 0;
        if (probe.flags(s)) {
          gated++;
          gatedEn += "en".equals(tag) ? 1 : 0;
        }
      }
      OUT.printf(
          Locale.ROOT,
          "tagged %d (%.1f%%); abusive (p(hate)+p(off) >= 0.5, the old gate's main arm) %d"
              + " (%.1f%%); gate picks %d (%.1f%%), of them English by tag %d (%.1f%% of all)%n",
          tagged,
          pct(tagged, posts.size()),
          abusive,
          pct(abusive, posts.size()),
          gated,
          pct(gated, posts.size()),
          gatedEn,
          pct(gatedEn, posts.size()));
      if (name.equals("demo")) {
        for (boolean ira : new boolean[] {true, false}) {
          int n = 0;
          int ab = 0;
          int g = 0;
          for (Post p : posts) {
            if (p.id().startsWith("ira-") != ira) {
              continue;
            }
            n++;
            Score s = screen.score(p);
            ab += s.hate() + s.offensive() >= 0.5 ? 1 : 0;
            g += probe.flags(s) && "en".equals(LanguageIdentifier.reliableTag(p.lang())) ? 1 : 0;
          }
          OUT.printf(
              Locale.ROOT,
              "demo part %s: %d posts, abusive %d (%.1f%%), gated English %d (%.1f%%)%n",
              ira ? "IRA tweets" : "HateXplain",
              n,
              ab,
              pct(ab, n),
              g,
              pct(g, n));
        }
      }
      if (gateOnly) {
        continue;
      }
      List<Post> untagged = new ArrayList<>();
      for (Post p : posts) {
        untagged.add(p.withLang(null));
      }
      ParallelScorer batches = new ParallelScorer(screen, 2);
      for (int r = 0; r < rounds; r++) {
        for (int threads : new int[] {1, 2}) {
          measure("screen round " + r, threads, posts, p -> screen.score(p));
        }
        for (int threads : new int[] {1, 2}) {
          measure("screen, tags removed, round " + r, threads, untagged, p -> screen.score(p));
        }
        long cpu0 = cpu();
        long t0 = System.nanoTime();
        for (int i = 0; i < posts.size(); i += BATCH) {
          batches.scoreAll(posts.subList(i, Math.min(posts.size(), i + BATCH)));
        }
        double sec = secs(t0);
        OUT.printf(
            Locale.ROOT,
            "| screen, ParallelScorer.scoreAll (batches of %d), round %d | 2 threads | %d posts |"
                + " %.2f s | %.0f posts/s | CPU %.2f s | heap %d MB |%n",
            BATCH,
            r,
            posts.size(),
            sec,
            posts.size() / sec,
            (cpu() - cpu0) / 1e9,
            heap());
      }
    }
    if (gateOnly) {
      return;
    }

    // Lingua, both modes, on every post of both corpora (the cascade runs it far less often)
    for (boolean low : new boolean[] {false, true}) {
      System.gc();
      t = System.nanoTime();
      LanguageIdentifier lang =
          LanguageIdentifier.of(
              LanguageIdentifier.DEFAULT_LANGUAGES, LanguageIdentifier.DEFAULT_MIN_MARGIN, low);
      String mode = low ? "low accuracy" : "high accuracy";
      OUT.printf(
          Locale.ROOT,
          "%nLingua %s, 18 languages, load %.1f s, heap %d MB%n",
          mode,
          secs(t),
          heap());
      for (String name : List.of("demo", "skewed")) {
        List<Post> posts = name.equals("demo") ? demo : skewed;
        int agree = 0;
        int known = 0;
        for (Post p : posts) {
          String tag = LanguageIdentifier.reliableTag(p.lang());
          String got = lang.identify(p.text(), null).lang();
          if (tag != null && lang.languages().contains(tag)) {
            known++;
            agree += tag.equals(got) ? 1 : 0;
          }
        }
        OUT.printf(
            Locale.ROOT,
            "Lingua %s on %s: agrees with the platform tag on %d of %d (%.1f%%) posts tagged in"
                + " its languages%n",
            mode,
            name,
            agree,
            known,
            pct(agree, known));
        for (int r = 0; r < rounds; r++) {
          for (int threads : new int[] {1, 2}) {
            measure(
                "Lingua " + mode + " " + name + " round " + r,
                threads,
                posts,
                p -> lang.identify(p.text(), null));
          }
        }
      }
    }

    // CoreNLP on the gated English posts; the whole cascade
    DeepAnalyzer deep = new DeepAnalyzer();
    DeepAnalyzer deepNerAlways = new DeepAnalyzer(DeepAnalyzer.NER_MODEL, true);
    System.gc();
    long before = heap();
    t = System.nanoTime();
    deep.analyze("Kill them all in London.");
    deepNerAlways.analyze("Kill them all in London.");
    for (Post p : skewed.subList(0, 300)) {
      deep.analyze(p.text()); // warm-up
    }
    OUT.printf(
        Locale.ROOT, "%nCoreNLP load %.1f s, heap %d MB (was %d MB)%n", secs(t), heap(), before);
    LanguageIdentifier lingua =
        LanguageIdentifier.of(
            LanguageIdentifier.DEFAULT_LANGUAGES, LanguageIdentifier.DEFAULT_MIN_MARGIN, false);
    for (String name : List.of("demo", "skewed")) {
      List<Post> posts = name.equals("demo") ? demo : skewed;
      CascadeScorer probe =
          new CascadeScorer(screen, lingua, deep, new CascadeSettings(true, GATE_T, GATE_I, 1));
      List<Post> deepPosts = new ArrayList<>();
      for (Post p : posts) {
        if (probe.flags(screen.score(p)) && "en".equals(LanguageIdentifier.reliableTag(p.lang()))) {
          deepPosts.add(p);
        }
      }
      measure(
          "deep (CoreNLP, NER on every post) on the " + deepPosts.size() + " gated English " + name,
          1,
          deepPosts,
          p -> deepNerAlways.analyze(p.text()));
      for (int r = 0; r < rounds; r++) {
        for (int threads : new int[] {1, 2}) {
          measure(
              "deep (CoreNLP, NER where a call to violence was found) on the "
                  + deepPosts.size()
                  + " gated English "
                  + name
                  + " posts, round "
                  + r,
              threads,
              deepPosts,
              p -> deep.analyze(p.text()));
        }
      }
      List<Post> untagged = new ArrayList<>();
      for (Post p : posts) {
        untagged.add(p.withLang(null));
      }
      for (int r = 0; r < rounds; r++) {
        for (int threads : new int[] {1, 2}) {
          for (boolean tags : threads == 1 ? new boolean[] {true} : new boolean[] {true, false}) {
            CascadeScorer c =
                new CascadeScorer(
                    screen, lingua, deep, new CascadeSettings(true, GATE_T, GATE_I, threads));
            List<Post> in = tags ? posts : untagged;
            long cpu0 = cpu();
            long t0 = System.nanoTime();
            for (int i = 0; i < in.size(); i += BATCH) {
              c.scoreAll(in.subList(i, Math.min(in.size(), i + BATCH)));
            }
            double sec = secs(t0);
            long[] n = c.counts();
            OUT.printf(
                Locale.ROOT,
                "| whole cascade (scoreAll, batches of %d), %s, tags %s, round %d | %d threads | %d"
                    + " posts | %.2f s | %.0f posts/s | CPU %.2f s | gated %d, deep %d, Lingua %d |"
                    + " heap %d MB |%n",
                BATCH,
                name,
                tags ? "kept" : "removed",
                r,
                threads,
                in.size(),
                sec,
                in.size() / sec,
                (cpu() - cpu0) / 1e9,
                n[1],
                n[2],
                n[3],
                heap());
          }
        }
      }
    }
  }

  /**
   * The harm grammar's cost ({@code bench/run-cascade.sh ROUNDS harm}): the stage alone on every
   * post (applied to a fixed score, as the router applies it to the classifier's), then the screen,
   * which includes it, on 1 and 2 threads.
   */
  private static void harm(int rounds, List<Post> demo, List<Post> skewed, PostScorer screen)
      throws Exception {
    long t = System.nanoTime();
    HarmStage stage = HarmStage.loadDefault(LexiconScorer.loadDefault());
    OUT.printf(Locale.ROOT, "harm stage load %.2f s, heap %d MB%n", secs(t), heap());
    Score base = new Score("bench", "0", 0.1, 0.1, 0, 0, List.of(), Factors.NONE, Explanation.NONE);
    int fired = 0;
    for (Post p : demo) {
      fired += stage.apply(p, base) != base ? 1 : 0;
    }
    OUT.printf(Locale.ROOT, "demo posts the harm stage changes: %d of %d%n", fired, demo.size());
    for (String name : List.of("demo", "skewed")) {
      List<Post> posts = name.equals("demo") ? demo : skewed;
      OUT.printf(Locale.ROOT, "%n## corpus %s: %d posts%n", name, posts.size());
      for (int r = 0; r < rounds; r++) {
        for (int threads : new int[] {1, 2}) {
          measure("harm stage alone, round " + r, threads, posts, p -> stage.apply(p, base));
        }
      }
      for (int r = 0; r < rounds; r++) {
        for (int threads : new int[] {1, 2}) {
          measure("screen with the harm stage, round " + r, threads, posts, p -> screen.score(p));
        }
      }
    }
  }

  /**
   * The encoder stage's cost ({@code bench/run-cascade.sh ROUNDS encoder}): the sentence encoder
   * alone on 1,000 demo posts, the gate's pass rate, then the default scorer with the stage on, on
   * 1 and 2 threads.
   */
  private static void encoder(int rounds, List<Post> demo, List<Post> skewed, PostScorer screen)
      throws Exception {
    long t = System.nanoTime();
    SentenceEncoder encoder = SentenceEncoder.load();
    OUT.printf(Locale.ROOT, "encoder load %.2f s, heap %d MB%n", secs(t), heap());
    t = System.nanoTime();
    EncoderStage stage = EncoderStage.loadDefault();
    LanguageRoutedScorer withEncoder =
        ShippedScorer.router(ScorerSettings.DEFAULTS).withEncoder(stage);
    OUT.printf(
        Locale.ROOT, "scorer with the encoder stage load %.1f s, heap %d MB%n", secs(t), heap());
    List<Post> sample = demo.subList(0, 1000);
    for (Post p : sample.subList(0, 100)) {
      encoder.embed(p.text());
    }
    for (int r = 0; r < rounds; r++) {
      for (int threads : new int[] {1, 2}) {
        measure("encoder alone (embed), round " + r, threads, sample, p -> encoder.embed(p.text()));
      }
    }
    // the gate's pass rate, without embedding: the same stage over a vector of zeros
    LanguageRoutedScorer counting =
        ShippedScorer.router(ScorerSettings.DEFAULTS)
            .withEncoder(
                new EncoderStage(stage.heads(), text -> new float[SentenceEncoder.DIMENSION]));
    for (String name : List.of("demo", "skewed")) {
      List<Post> posts = name.equals("demo") ? demo : skewed;
      long[] before = counting.encoder().counts();
      for (Post p : posts) {
        counting.score(p);
      }
      long[] after = counting.encoder().counts();
      long gated = after[1] - before[1];
      OUT.printf(
          Locale.ROOT,
          "%s: %d posts; the gate (English, a target named) passes %d (%.1f%%)%n",
          name,
          posts.size(),
          gated,
          100.0 * gated / posts.size());
    }
    // timed on a slice: every gated post is embedded
    List<Post> slice = demo.subList(3000, 5000);
    List<Post> hateful = skewed.subList(0, 300);
    for (String name : List.of("demo[3000:5000]", "skewed[0:300]")) {
      List<Post> posts = name.startsWith("demo") ? slice : hateful;
      OUT.printf(Locale.ROOT, "%n## %s: %d posts%n", name, posts.size());
      for (int r = 0; r < rounds; r++) {
        for (int threads : new int[] {1, 2}) {
          measure("screen without the encoder, round " + r, threads, posts, p -> screen.score(p));
          measure(
              "screen with the encoder stage, round " + r,
              threads,
              posts,
              p -> withEncoder.score(p));
        }
      }
    }
  }

  private static void measure(String what, int threads, List<Post> posts, Consumer<Post> work)
      throws Exception {
    long cpu0 = cpu();
    long t0 = System.nanoTime();
    if (threads == 1) {
      for (Post p : posts) {
        work.accept(p);
      }
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> fs = new ArrayList<>();
        int per = (posts.size() + threads - 1) / threads;
        for (int w = 0; w < threads; w++) {
          List<Post> slice =
              posts.subList(Math.min(posts.size(), w * per), Math.min(posts.size(), (w + 1) * per));
          fs.add(
              pool.submit(
                  () -> {
                    for (Post p : slice) {
                      work.accept(p);
                    }
                  }));
        }
        for (Future<?> f : fs) {
          f.get();
        }
      } finally {
        pool.shutdown();
      }
    }
    double sec = secs(t0);
    OUT.printf(
        Locale.ROOT,
        "| %s | %d threads | %d posts | %.2f s | %.0f posts/s | CPU %.2f s | heap %d MB |%n",
        what,
        threads,
        posts.size(),
        sec,
        posts.size() / Math.max(sec, 1e-9),
        (cpu() - cpu0) / 1e9,
        heap());
  }

  private static List<Post> demo() throws IOException {
    List<Post> out = new ArrayList<>();
    try (InputStream raw =
            CascadeBenchmark.class.getResourceAsStream("/org/tocsin/node/demo/posts.jsonl.gz");
        BufferedReader r =
            new BufferedReader(
                new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        out.add(PostJson.read(line));
      }
    } catch (PostFormatException e) {
      throw new IOException("demo corpus line is invalid: " + e.getMessage(), e);
    }
    return out;
  }

  private static double pct(int a, int b) {
    return b == 0 ? 0 : 100.0 * a / b;
  }

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static long heap() {
    Runtime r = Runtime.getRuntime();
    System.gc();
    return (r.totalMemory() - r.freeMemory()) >> 20;
  }

  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static String load() {
    return String.format(
        Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
