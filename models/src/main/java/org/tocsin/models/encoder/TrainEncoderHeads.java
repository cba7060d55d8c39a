package org.tocsin.models.encoder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.tocsin.core.SuppressForbidden;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.PostScorer;
import org.tocsin.core.score.Score;
import org.tocsin.models.functional.FunctionalCase;
import org.tocsin.models.functional.FunctionalEvaluation;
import org.tocsin.models.functional.Outcome;
import org.tocsin.models.hatexplain.Evaluation;
import org.tocsin.models.hatexplain.HateXplainData;
import org.tocsin.models.incitement.IncitementSet;
import org.tocsin.models.incitement.RankingMetrics;
import org.tocsin.nlp.LanguageRoutedScorer;
import org.tocsin.nlp.assembly.ScorerSettings;
import org.tocsin.nlp.assembly.ShippedScorer;
import org.tocsin.nlp.encoder.EncoderHead;
import org.tocsin.nlp.encoder.EncoderHeads;
import org.tocsin.nlp.encoder.EncoderStage;
import org.tocsin.nlp.encoder.SentenceEncoder;

/**
 * Trains the encoder heads ({@link EncoderHeads}) and measures them on development data only; with
 * {@code --out} writes the artifact the nlp encoder stage ships.
 *
 * <pre>{@code
 * java -cp ... org.tocsin.models.encoder.TrainEncoderHeads [--data ../shared/data]
 *     [--cache models/target/encoder-cache.bin] [--grid] [--hidden 0] [--epochs 8]
 *     [--functional-weight 3] [--incitement-set] [--hate-threshold 0.7]
 *     [--incitement-threshold 0.5] [--out nlp/src/main/resources/org/tocsin/nlp/encoder/...]
 * }</pre>
 *
 * <p>Development data: the held-out quarter of the functional train templates (English), HateXplain
 * val and the incitement set's dev half (out-of-fold, 5 folds, when {@code --incitement-set} lets
 * the incitement head learn from it). The functional test part, HateXplain test and the incitement
 * test half are never read here: they are measured with the shipped stage by {@code tocsin
 * eval-functional}, {@link MeasureEncoderStage} and {@code tocsin eval-incitement}.
 */
public final class TrainEncoderHeads {

  /** One configuration of the heads. */
  record Config(
      int hidden,
      int epochs,
      double learningRate,
      double l2,
      double functionalWeight,
      boolean incitementSet,
      double hateThreshold,
      double incitementThreshold) {
    String describe() {
      return String.format(
          Locale.ROOT,
          "hidden %d, epochs %d, lr %.4f, l2 %.0e, functional weight %.1f, incitement set %s,"
              + " thresholds hate %.2f incitement %.2f",
          hidden,
          epochs,
          learningRate,
          l2,
          functionalWeight,
          incitementSet,
          hateThreshold,
          incitementThreshold);
    }
  }

  private static final long SEED = 20261207L;
  private static final int FOLDS = 5;
  private static final Author AUTHOR = new Author("encoder-dev", null, null, null, null);

  private final EncoderData data;
  private final Function<String, float[]> vectors;
  private final LanguageRoutedScorer router;
  private final PrintStream out;

  TrainEncoderHeads(
      EncoderData data,
      Function<String, float[]> vectors,
      LanguageRoutedScorer router,
      PrintStream out) {
    this.data = data;
    this.vectors = vectors;
    this.router = router;
    this.out = out;
  }

  /** Runs; see the class comment for the arguments. */
  @SuppressForbidden(reason = "a command-line main reports its measurements on standard output")
  public static void main(String[] args) throws IOException {
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    Map<String, String> a = new TreeMap<>();
    for (int i = 0; i < args.length; i++) {
      String k = args[i];
      if (k.equals("--grid") || k.equals("--incitement-set")) {
        a.put(k, "true");
      } else if (i + 1 < args.length) {
        a.put(k, args[++i]);
      } else {
        throw new IllegalArgumentException(k + " needs a value");
      }
    }
    Path dataDir = Path.of(a.getOrDefault("--data", "../shared/data"));
    Path cachePath = Path.of(a.getOrDefault("--cache", "models/target/encoder-cache.bin"));
    long t0 = System.nanoTime();
    EncoderData data = new EncoderData(dataDir);
    SentenceEncoder encoder = SentenceEncoder.load();
    EmbeddingCache cache = new EmbeddingCache(cachePath);
    List<String> texts = data.allTexts();
    Map<String, float[]> v =
        cache.vectors(
            texts,
            encoder,
            n -> {
              if (n % 2560 == 0) {
                out.printf(Locale.ROOT, "embedded %d new texts%n", n);
              }
            });
    out.printf(
        Locale.ROOT,
        "data: functional fit %d dev %d, hatexplain train %d val %d, stormfront %d,"
            + " incitement dev %d; %d texts embedded in %.0f s%n",
        data.functionalFit.size(),
        data.functionalDev.size(),
        data.hatexplainTrain.size(),
        data.hatexplainVal.size(),
        data.stormfront.size(),
        data.incitementDev.size(),
        texts.size(),
        (System.nanoTime() - t0) / 1e9);
    Function<String, float[]> vectors =
        t -> {
          float[] x = v.get(t);
          return x != null ? x : encoder.embed(t);
        };
    TrainEncoderHeads run =
        new TrainEncoderHeads(data, vectors, ShippedScorer.router(ScorerSettings.DEFAULTS), out);
    Config base =
        new Config(
            Integer.parseInt(a.getOrDefault("--hidden", "0")),
            Integer.parseInt(a.getOrDefault("--epochs", "8")),
            Double.parseDouble(a.getOrDefault("--lr", "0.003")),
            Double.parseDouble(a.getOrDefault("--l2", "1e-5")),
            Double.parseDouble(a.getOrDefault("--functional-weight", "3")),
            a.containsKey("--incitement-set"),
            Double.parseDouble(a.getOrDefault("--hate-threshold", "0.7")),
            Double.parseDouble(a.getOrDefault("--incitement-threshold", "0.5")));
    if (!a.containsKey("--grid2")) {
      run.baseline();
    }
    if (a.containsKey("--grid2")) {
      for (String spec : a.get("--grid2").split(";")) {
        String[] f = spec.split(",");
        Config c =
            new Config(
                Integer.parseInt(f[0]),
                Integer.parseInt(f[1]),
                base.learningRate(),
                Double.parseDouble(f[3]),
                Double.parseDouble(f[2]),
                false,
                base.hateThreshold(),
                base.incitementThreshold());
        run.evaluate(c, false);
      }
    } else if (a.containsKey("--grid")) {
      for (int hidden : new int[] {0, 64}) {
        for (boolean inc : new boolean[] {false, true}) {
          Config c =
              new Config(
                  hidden,
                  base.epochs(),
                  base.learningRate(),
                  base.l2(),
                  base.functionalWeight(),
                  inc,
                  base.hateThreshold(),
                  base.incitementThreshold());
          run.evaluate(c, true);
        }
      }
    } else {
      run.evaluate(base, true);
    }
    if (a.containsKey("--out")) {
      EncoderHeads heads = run.train(base, List.of());
      Path file = Path.of(a.get("--out"));
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, heads.toJson(), StandardCharsets.UTF_8);
      out.println("wrote " + file + " (" + Files.size(file) + " bytes)");
    }
  }

  /** The base scorer's dev numbers (no encoder stage). */
  void baseline() {
    out.println("## baseline: the shipped scorer without the encoder stage");
    report(router, null);
  }

  /** Trains the heads of {@code c} on the fit rows and reports them on dev. */
  void evaluate(Config c, boolean thresholds) {
    out.println("## " + c.describe());
    EncoderHeads heads = train(c, List.of());
    headAlone(heads);
    if (thresholds) {
      for (double t :
          c.incitementSet() ? new double[] {} : new double[] {0.5, 0.6, 0.7, 0.8, 0.9}) {
        out.printf(Locale.ROOT, "### hate threshold %.2f, incitement off%n", t);
        report(router.withEncoder(stage(heads, t, 1.0)), null);
      }
      for (double t :
          c.incitementSet() ? new double[] {0.5, 0.9} : new double[] {0.3, 0.5, 0.7, 0.9}) {
        out.printf(Locale.ROOT, "### hate off, incitement threshold %.2f%n", t);
        report(router.withEncoder(stage(heads, 1.0, t)), c.incitementSet() ? c : null);
      }
    }
  }

  private EncoderStage stage(EncoderHeads h, double hate, double incitement) {
    return new EncoderStage(
        new EncoderHeads(
            h.name(), h.version(), h.training(), h.hate(), h.incitement(), hate, incitement),
        vectors);
  }

  /** The heads of {@code c}, trained without the incitement dev posts in {@code exclude}. */
  EncoderHeads train(Config c, List<IncitementSet.Post> exclude) {
    return train(c, exclude, null);
  }

  /** As {@link #train(Config, List)}, reusing {@code hateHead} when not null. */
  EncoderHeads train(Config c, List<IncitementSet.Post> exclude, EncoderHead hateHead) {
    List<HeadTrainer.Row> hate = new ArrayList<>();
    List<HeadTrainer.Row> inc = new ArrayList<>();
    int[] counts = new int[4];
    for (EncoderData.Example e : data.hateFit()) {
      double w = e.source().equals("functional") ? c.functionalWeight() : 1;
      float[] x = vectors.apply(e.text());
      hate.add(new HeadTrainer.Row(x, e.hate(), w));
      counts[e.hate() ? 1 : 0]++;
      if (e.source().equals("functional") || !e.hate()) {
        // real posts carry no incitement label: only the non-hateful ones are sure negatives
        inc.add(new HeadTrainer.Row(x, e.incitement(), w));
        counts[e.incitement() ? 3 : 2]++;
      }
    }
    if (c.incitementSet()) {
      java.util.Set<String> skip = new java.util.HashSet<>();
      for (IncitementSet.Post p : exclude) {
        skip.add(p.id());
      }
      for (IncitementSet.Post p : data.incitementDev) {
        if (!skip.contains(p.id())) {
          inc.add(new HeadTrainer.Row(vectors.apply(p.text()), p.incitement(), 3.0));
        }
      }
    }
    HeadTrainer t = new HeadTrainer(c.hidden(), c.epochs(), c.learningRate(), c.l2(), SEED);
    EncoderHead h = hateHead != null ? hateHead : t.train("hate", hate);
    EncoderHead i = t.train("incitement", inc);
    ObjectNode training = new ObjectMapper().createObjectNode();
    training.put("config", c.describe());
    training.put(
        "data",
        "hate head: functional suite train part (en, 3 of 4 templates), HateXplain train"
            + " (hatespeech vs rest), Stormfront outside its test sample; incitement head: the"
            + " functional incitement labels, the non-hateful real posts as negatives"
            + (c.incitementSet() ? ", the incitement set's dev half" : ""));
    training.put("hateRows", hate.size());
    training.put("hatePositives", counts[1]);
    training.put("incitementRows", inc.size());
    training.put("seed", SEED);
    training.put("trainedAt", Instant.now().toString().substring(0, 10));
    return new EncoderHeads(
        "encoder-heads-en", "1", training, h, i, c.hateThreshold(), c.incitementThreshold());
  }

  /** The heads alone on the functional dev templates (p >= 0.5 is hateful). */
  void headAlone(EncoderHeads heads) {
    Map<String, int[]> byFunction = new TreeMap<>();
    int ok = 0;
    for (FunctionalCase c : data.functionalDev) {
      boolean hateful = heads.hate().probability(vectors.apply(c.text())) >= 0.5;
      int[] n = byFunction.computeIfAbsent(c.function().name(), k -> new int[2]);
      n[1]++;
      if (hateful == c.hateful()) {
        n[0]++;
        ok++;
      }
    }
    out.printf(
        Locale.ROOT,
        "head alone, functional dev: accuracy %.3f (%d cases) %s%n",
        ok / (double) data.functionalDev.size(),
        data.functionalDev.size(),
        table(byFunction));
    for (double t : new double[] {0.5, 0.7, 0.8, 0.9}) {
      int hateful = 0;
      int found = 0;
      int contrasts = 0;
      int kept = 0;
      for (FunctionalCase c : data.functionalDev) {
        boolean flagged = heads.hate().probability(vectors.apply(c.text())) >= t;
        if (c.hateful()) {
          hateful++;
          found += flagged ? 1 : 0;
        } else {
          contrasts++;
          kept += flagged ? 0 : 1;
        }
      }
      out.printf(
          Locale.ROOT,
          "  head alone at %.1f: accuracy %.3f, hateful recall %.3f, contrasts %.3f%n",
          t,
          (found + kept) / (double) (hateful + contrasts),
          found / (double) hateful,
          kept / (double) contrasts);
    }
    double[] s = new double[data.incitementDev.size()];
    boolean[] g = new boolean[s.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = heads.incitement().probability(vectors.apply(data.incitementDev.get(i).text()));
      g[i] = data.incitementDev.get(i).incitement();
    }
    RankingMetrics m = new RankingMetrics(s, g);
    out.printf(
        Locale.ROOT,
        "incitement head alone, incitement dev (in-sample if trained on it): AP %.3f, best %s%n",
        m.averagePrecision(),
        m.bestF1().describe());
  }

  private static String table(Map<String, int[]> byFunction) {
    StringBuilder sb = new StringBuilder();
    byFunction.forEach(
        (f, n) ->
            sb.append(String.format(Locale.ROOT, "%s %.2f/%d ", f, n[0] / (double) n[1], n[1])));
    return sb.toString();
  }

  /**
   * A scorer's dev numbers: functional dev accuracy (overall, per function), HateXplain val
   * macro-F1, incitement dev AP and best F1 (out of fold when {@code oof} trained on that set), and
   * the encoder gate's pass rate.
   */
  void report(LanguageRoutedScorer scorer, Config oof) {
    List<Outcome> outcomes = FunctionalEvaluation.run(scorer, data.functionalDev, true);
    Map<String, int[]> byFunction = new TreeMap<>();
    int ok = 0;
    for (Outcome o : outcomes) {
      int[] n = byFunction.computeIfAbsent(o.fcase().function().name(), k -> new int[2]);
      n[1]++;
      if (o.correct()) {
        n[0]++;
        ok++;
      }
    }
    out.printf(
        Locale.ROOT,
        "functional dev accuracy %.3f %s%n",
        ok / (double) outcomes.size(),
        table(byFunction));
    List<HateXplainData.Post> val = data.hatexplainVal;
    List<Post> posts = new ArrayList<>();
    for (HateXplainData.Post p : val) {
      posts.add(Post.ofText("hatexplain", p.id(), AUTHOR, Instant.EPOCH, p.text(), "en"));
    }
    List<Score> scores = scorer.scoreAll(posts);
    double[][] probs = new double[val.size()][];
    int[] gold = new int[val.size()];
    for (int i = 0; i < probs.length; i++) {
      Score s = scores.get(i);
      probs[i] = new double[] {s.hate(), s.offensive(), s.normal()};
      gold[i] = val.get(i).label();
    }
    Evaluation ev = Evaluation.of(probs, gold);
    double[] inc = incitementScores(scorer, oof);
    boolean[] g = new boolean[inc.length];
    for (int i = 0; i < g.length; i++) {
      g[i] = data.incitementDev.get(i).incitement();
    }
    RankingMetrics m = new RankingMetrics(inc, g);
    EncoderStage st = scorer.encoder();
    String gate = "";
    if (st != null) {
      long[] n = st.counts();
      gate = String.format(Locale.ROOT, "; gate passed %d of %d", n[1], n[0]);
    }
    out.printf(
        Locale.ROOT,
        "hatexplain val macro-F1 %.4f acc %.4f; incitement dev AP %.3f best %s%s%n",
        ev.macroF1(),
        ev.accuracy(),
        m.averagePrecision(),
        m.bestF1().describe(),
        gate);
  }

  /** Incitement of each incitement dev post; out of fold when the heads learnt from that set. */
  private double[] incitementScores(LanguageRoutedScorer scorer, Config oof) {
    List<IncitementSet.Post> dev = data.incitementDev;
    double[] out = new double[dev.size()];
    if (oof == null) {
      List<Score> s = scorer.scoreAll(posts(dev));
      for (int i = 0; i < out.length; i++) {
        out[i] = s.get(i).incitement();
      }
      return out;
    }
    EncoderHeads thresholds = scorer.encoder().heads();
    for (int k = 0; k < FOLDS; k++) {
      List<IncitementSet.Post> fold = new ArrayList<>();
      List<Integer> idx = new ArrayList<>();
      for (int i = 0; i < dev.size(); i++) {
        if (Math.floorMod(dev.get(i).id().hashCode(), FOLDS) == k) {
          fold.add(dev.get(i));
          idx.add(i);
        }
      }
      EncoderHeads h = train(oof, fold, thresholds.hate());
      PostScorer foldScorer =
          router.withEncoder(
              stage(h, thresholds.hateThreshold(), thresholds.incitementThreshold()));
      List<Score> s = foldScorer.scoreAll(posts(fold));
      for (int j = 0; j < idx.size(); j++) {
        out[idx.get(j)] = s.get(j).incitement();
      }
    }
    return out;
  }

  private static List<Post> posts(List<IncitementSet.Post> set) {
    List<Post> posts = new ArrayList<>(set.size());
    for (IncitementSet.Post p : set) {
      posts.add(Post.ofText("incitement", p.id(), AUTHOR, Instant.EPOCH, p.text(), "en"));
    }
    return posts;
  }
}
