package org.tocsin.models.hatexplain;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.tocsin.core.SuppressForbidden;
import org.tocsin.nlp.baseline.LexiconScorer;
import org.tocsin.nlp.classifier.TargetClassifier;

/**
 * Does a stacking meta-model beat hate-3way v2's fixed mix? Featurises HateXplain's
 * <em>validation</em> posts with v2's members (out-of-sample there: they were trained on train),
 * targets-v1 and the lexicon ({@link StackFeatures}), and compares, by nested 5-fold
 * cross-validation within validation, {@link StackedLogit} on several feature sets with v2's own
 * rule (CNN weight and class offsets searched on the training folds exactly as v2's were on all of
 * validation). In each outer fold the meta-model's L2 and class offsets are chosen by an inner
 * cross-validation over the other four folds, by (accuracy + macro-F1) / 2, then refitted on them.
 *
 * <pre>{@code
 * java -cp ... org.tocsin.models.hatexplain.StackHateClassifiers \
 *     ../shared/data/hatexplain/hatexplain_official_split.jsonl \
 *     [--v2 models/artifacts/hate-3way-v2] [--targets models/artifacts/targets-v1] \
 *     [--repeats 3] [--epochs 20] [--l2 0,0.001,...] [--rounds 5000] [--test]
 * }</pre>
 *
 * <p>The test split is read only with {@code --test}, and then only if the best stack's pooled CV
 * criterion beats v2's rule's and the paired bootstrap of the out-of-fold macro-F1 difference has a
 * 95 % interval above zero; otherwise it says so and stops.
 */
public final class StackHateClassifiers {
  private StackHateClassifiers() {}

  static final int FOLDS = 5;
  static final long SEED = 20261202L;

  /** The L2 penalties tried unless {@code --l2} lists others (comma-separated). */
  static final double[] DEFAULT_L2 = {0, 1e-3, 1e-2, 3e-2, 0.1, 0.3};

  static final double LEARNING_RATE = 0.1;
  static final int EPOCHS = 20;

  /** A meta-model's hyperparameters and the criterion they reached where they were chosen. */
  record Choice(double l2, double[] offsets, double criterion) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT, "l2 %s offsets %s", l2, Arrays.toString(offsets).replace(" ", ""));
    }
  }

  /** The feature sets tried, by name. */
  static Map<String, Function<StackFeatures, double[]>> variants() {
    Map<String, Function<StackFeatures, double[]>> v = new LinkedHashMap<>();
    v.put("means (log v1, log cnn)", f -> concat(log(f.v1()), log(f.cnnMean())));
    v.put("members (log 3 mlp, log 3 cnn)", f -> concat(log(flat(f.mlp())), log(flat(f.cnn()))));
    v.put("means + targets", f -> concat(log(f.v1()), log(f.cnnMean()), f.targets()));
    v.put(
        "means + targets + lexicon",
        f -> concat(log(f.v1()), log(f.cnnMean()), f.targets(), f.lexicon()));
    v.put(
        "members + targets + lexicon",
        f -> concat(log(flat(f.mlp())), log(flat(f.cnn())), f.targets(), f.lexicon()));
    v.put(
        "members raw p + targets + lexicon",
        f -> concat(flat(f.mlp()), flat(f.cnn()), f.targets(), f.lexicon()));
    v.put(
        "means + log targets + lexicon + means x targets",
        f -> {
          double[] lt = log(f.targets());
          double[] cross = new double[f.targets().length];
          double abusive = f.v1()[0] + f.v1()[1];
          for (int g = 0; g < cross.length; g++) {
            cross[g] = abusive * f.targets()[g];
          }
          return concat(log(f.v1()), log(f.cnnMean()), lt, f.lexicon(), cross);
        });
    return v;
  }

  /** Runs the experiment; see the class comment for the arguments. */
  @SuppressForbidden(reason = "a command-line main reports on standard output")
  public static void main(String[] args) throws IOException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Map<String, String> a = parse(args);
    Path v2Dir = Path.of(a.getOrDefault("v2", "models/artifacts/hate-3way-v2"));
    Path targetsDir = Path.of(a.getOrDefault("targets", "models/artifacts/targets-v1"));
    int rounds = Integer.parseInt(a.getOrDefault("rounds", "5000"));
    int repeats = Integer.parseInt(a.getOrDefault("repeats", "3"));
    int epochs = Integer.parseInt(a.getOrDefault("epochs", String.valueOf(EPOCHS)));
    double[] l2Grid =
        a.containsKey("l2")
            ? Arrays.stream(a.get("l2").split(",")).mapToDouble(Double::parseDouble).toArray()
            : DEFAULT_L2;
    out.println(
        "L2 grid " + Arrays.toString(l2Grid) + ", " + epochs + " epochs, " + repeats + " repeats");
    HateXplainData data = HateXplainData.read(Path.of(a.get("data")));
    List<HateXplainData.Post> val = data.split("val");
    int[] gold = TrainHateClassifier.labels(val);
    double[][] soft = soft(val);
    long t0 = System.nanoTime();
    StackFeatures.Extractor ex =
        new StackFeatures.Extractor(
            v2Dir, TargetClassifier.load(targetsDir), LexiconScorer.loadDefault());
    List<StackFeatures> feats = ex.features(val);
    out.printf(
        Locale.ROOT,
        "validation %d posts featurised in %.1fs (data sha256 %s)%n",
        val.size(),
        (System.nanoTime() - t0) / 1e9,
        data.sha256());
    // v2 as shipped: weight and offsets tuned on all of validation, so optimistic here.
    double[][] shipped = new double[val.size()][];
    for (int i = 0; i < val.size(); i++) {
      shipped[i] = feats.get(i).v2Rule(0.25, new double[] {-0.2, -0.2, 0});
    }
    Map<String, Function<StackFeatures, double[]>> variants = variants();
    Map<String, double[][]> x = new LinkedHashMap<>();
    variants.forEach((name, fn) -> x.put(name, feats.stream().map(fn).toArray(double[][]::new)));
    Map<String, double[]> byRepeat = new LinkedHashMap<>();
    List<double[][]> v2Oof = new ArrayList<>();
    List<Map<String, double[][]>> stackOof = new ArrayList<>();
    for (int r = 0; r < repeats; r++) {
      int[] fold = folds(gold, FOLDS, SEED + r);
      out.printf(
          Locale.ROOT, "%nrepeat %d: stratified %d-fold split, seed %d%n", r + 1, FOLDS, SEED + r);
      out.println(
          "| model | features | CV accuracy | CV macro-F1 | F1 hate / offensive / normal | CV"
              + " AUROC | CV (acc+F1)/2 | per-fold (acc+F1)/2 mean ± sd |");
      out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
      if (r == 0) {
        row(out, "v2 as shipped (tuned on all validation)", 0, Evaluation.of(shipped, gold), null);
      }
      List<String> chosen = new ArrayList<>();
      double[] perFold = new double[FOLDS];
      double[][] v2Cv = v2RuleCv(feats, gold, fold, perFold, chosen);
      v2Oof.add(v2Cv);
      record(byRepeat, "v2 rule, weight+offsets re-tuned per fold", r, repeats, v2Cv, gold);
      row(out, "v2 rule, weight+offsets re-tuned per fold", 2, Evaluation.of(v2Cv, gold), perFold);
      out.println("  chosen per fold: " + chosen);
      Map<String, double[][]> oofs = new LinkedHashMap<>();
      for (Map.Entry<String, double[][]> v : x.entrySet()) {
        chosen.clear();
        double[][] cv = stackCv(v.getValue(), soft, gold, fold, epochs, l2Grid, perFold, chosen);
        oofs.put(v.getKey(), cv);
        record(byRepeat, "stack: " + v.getKey(), r, repeats, cv, gold);
        row(out, "stack: " + v.getKey(), v.getValue()[0].length, Evaluation.of(cv, gold), perFold);
        out.println("  chosen per fold: " + chosen);
      }
      stackOof.add(oofs);
    }
    out.printf(Locale.ROOT, "%nsummary: pooled CV (acc+F1)/2 per repeat, and their mean%n");
    String bestName = null;
    double bestMean = -1;
    for (Map.Entry<String, double[]> e : byRepeat.entrySet()) {
      double m = Arrays.stream(e.getValue()).average().orElse(0);
      out.printf(Locale.ROOT, "| %s | %s | %.4f |%n", e.getKey(), fmt(e.getValue()), m);
      if (e.getKey().startsWith("stack: ") && m > bestMean) {
        bestMean = m;
        bestName = e.getKey().substring("stack: ".length());
      }
    }
    double v2Mean =
        Arrays.stream(byRepeat.get("v2 rule, weight+offsets re-tuned per fold"))
            .average()
            .orElse(0);
    out.println();
    out.println(
        "best stack by mean pooled CV: "
            + bestName
            + " (chosen among "
            + variants.size()
            + " variants on the same folds, so its CV is itself optimistic)");
    boolean clear = bestMean > v2Mean;
    for (int r = 0; r < repeats; r++) {
      out.printf(
          Locale.ROOT,
          "repeat %d, paired on the pooled out-of-fold validation predictions,"
              + " best stack minus v2 rule re-tuned per fold:%n",
          r + 1);
      double[][] s = stackOof.get(r).get(bestName);
      List<PairedComparison.Difference> d =
          PairedComparison.bootstrap(s, v2Oof.get(r), gold, rounds, PairedComparison.SEED);
      d.forEach(diff -> out.println("  " + diff.describe()));
      out.println("  " + PairedComparison.mcnemar(s, v2Oof.get(r), gold).describe());
      clear &= d.get(1).positive();
    }
    out.println(
        "stack beats v2's rule clearly in CV (higher mean criterion and every repeat's macro-F1"
            + " CI above 0): "
            + clear);
    if (a.containsKey("test") && !clear) {
      out.println("--test given but the stack does not clearly win in CV: test NOT read");
    }
    out.printf(Locale.ROOT, "total %.1fs%n", (System.nanoTime() - t0) / 1e9);
  }

  /**
   * v2's rule cross-validated: in each fold the CNN weight (0 … 1 by 0.05) and class offsets are
   * searched on the other folds, as TrainHateCnn searched them on all of validation.
   */
  static double[][] v2RuleCv(
      List<StackFeatures> feats, int[] gold, int[] fold, double[] perFold, List<String> chosen) {
    double[][] cv = new double[feats.size()][];
    for (int f = 0; f < FOLDS; f++) {
      double best = -1;
      double bestW = 0;
      double[] bestOff = null;
      for (int s = 0; s <= 20; s++) {
        double[][] p = new double[feats.size()][];
        for (int i = 0; i < feats.size(); i++) {
          p[i] = feats.get(i).v2Rule(s / 20.0, new double[3]);
        }
        Choice c = bestOffsets(p, gold, fold, f, false);
        if (c.criterion() > best + 1e-9) {
          best = c.criterion();
          bestW = s / 20.0;
          bestOff = c.offsets();
        }
      }
      chosen.add(String.format(Locale.ROOT, "w %.2f off %s", bestW, Arrays.toString(bestOff)));
      for (int i = 0; i < feats.size(); i++) {
        if (fold[i] == f) {
          cv[i] = feats.get(i).v2Rule(bestW, bestOff);
        }
      }
      perFold[f] = criterion(cv, gold, fold, f);
    }
    return cv;
  }

  /** The meta-model cross-validated, its L2 and offsets chosen inside each outer training set. */
  static double[][] stackCv(
      double[][] x,
      double[][] soft,
      int[] gold,
      int[] fold,
      int epochs,
      double[] l2Grid,
      double[] perFold,
      List<String> chosen) {
    double[][] cv = new double[x.length][];
    for (int f = 0; f < FOLDS; f++) {
      Choice c = choose(x, soft, gold, fold, f, epochs, l2Grid);
      chosen.add(c.toString());
      StackedLogit m =
          StackedLogit.fit(
              rows(x, fold, f, false),
              rows(soft, fold, f, false),
              c.l2(),
              LEARNING_RATE,
              epochs,
              SEED);
      for (int i = 0; i < x.length; i++) {
        if (fold[i] == f) {
          cv[i] = TrainHateClassifier.offset(new double[][] {m.predict(x[i])}, c.offsets())[0];
        }
      }
      perFold[f] = criterion(cv, gold, fold, f);
    }
    return cv;
  }

  private static void record(
      Map<String, double[]> byRepeat, String name, int r, int repeats, double[][] p, int[] gold) {
    Evaluation e = Evaluation.of(p, gold);
    byRepeat.computeIfAbsent(name, k -> new double[repeats])[r] = (e.accuracy() + e.macroF1()) / 2;
  }

  private static String fmt(double[] v) {
    StringBuilder b = new StringBuilder();
    for (double d : v) {
      b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", d));
    }
    return b.toString();
  }

  /** The meta-model's L2 and offsets for outer fold {@code outer}, by CV over the other folds. */
  static Choice choose(
      double[][] x,
      double[][] soft,
      int[] gold,
      int[] fold,
      int outer,
      int epochs,
      double[] l2Grid) {
    Choice best = null;
    for (double l2 : l2Grid) {
      double[][] oof = new double[x.length][];
      for (int f = 0; f < FOLDS; f++) {
        if (f == outer) {
          continue;
        }
        boolean[] fitOn = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
          fitOn[i] = fold[i] != f && fold[i] != outer;
        }
        StackedLogit m =
            StackedLogit.fit(pick(x, fitOn), pick(soft, fitOn), l2, LEARNING_RATE, epochs, SEED);
        for (int i = 0; i < x.length; i++) {
          if (fold[i] == f) {
            oof[i] = m.predict(x[i]);
          }
        }
      }
      Choice c = bestOffsets(oof, gold, fold, outer, false);
      if (best == null || c.criterion() > best.criterion() + 1e-9) {
        best = new Choice(l2, c.offsets(), c.criterion());
      }
    }
    return best;
  }

  /**
   * The class log offsets (hate, offensive in −0.6 … 0.6 by 0.1, normal 0, v2's grid) maximising
   * (accuracy + macro-F1) / 2 on the posts outside fold {@code f} (inside it if {@code inside}).
   */
  static Choice bestOffsets(double[][] p, int[] gold, int[] fold, int f, boolean inside) {
    Choice best = null;
    for (int h = -6; h <= 6; h++) {
      for (int o = -6; o <= 6; o++) {
        double[] off = {h / 10.0, o / 10.0, 0};
        double c = criterion(p, off, gold, fold, f, inside);
        if (best == null || c > best.criterion() + 1e-9) {
          best = new Choice(0, off, c);
        }
      }
    }
    return best;
  }

  /** (accuracy + macro-F1) / 2 of {@code p} on fold {@code f}'s posts. */
  static double criterion(double[][] p, int[] gold, int[] fold, int f) {
    return criterion(p, new double[3], gold, fold, f, true);
  }

  private static double criterion(
      double[][] p, double[] off, int[] gold, int[] fold, int f, boolean inside) {
    int[][] conf = new int[3][3];
    int n = 0;
    int right = 0;
    double[] e = {Math.exp(off[0]), Math.exp(off[1]), Math.exp(off[2])};
    for (int i = 0; i < gold.length; i++) {
      if ((fold[i] == f) != inside) {
        continue;
      }
      int best = 0;
      for (int k = 1; k < 3; k++) {
        if (p[i][k] * e[k] > p[i][best] * e[best]) {
          best = k;
        }
      }
      conf[gold[i]][best]++;
      n++;
      right += best == gold[i] ? 1 : 0;
    }
    double f1 = 0;
    for (int c = 0; c < 3; c++) {
      int predicted = conf[0][c] + conf[1][c] + conf[2][c];
      int actual = conf[c][0] + conf[c][1] + conf[c][2];
      double pr = predicted == 0 ? 0 : (double) conf[c][c] / predicted;
      double re = actual == 0 ? 0 : (double) conf[c][c] / actual;
      f1 += pr + re == 0 ? 0 : 2 * pr * re / (pr + re) / 3;
    }
    return ((double) right / n + f1) / 2;
  }

  /** Stratified folds: within each class, posts shuffled with {@code seed} and dealt round. */
  static int[] folds(int[] gold, int k, long seed) {
    int[] fold = new int[gold.length];
    Random r = new Random(seed);
    for (int c = 0; c < 3; c++) {
      List<Integer> idx = new ArrayList<>();
      for (int i = 0; i < gold.length; i++) {
        if (gold[i] == c) {
          idx.add(i);
        }
      }
      java.util.Collections.shuffle(idx, r);
      for (int j = 0; j < idx.size(); j++) {
        fold[idx.get(j)] = j % k;
      }
    }
    return fold;
  }

  private static void row(PrintStream out, String name, int d, Evaluation e, double[] perFold) {
    String pf = "—";
    if (perFold != null) {
      double m = Arrays.stream(perFold).average().orElse(0);
      double v = Arrays.stream(perFold).map(x -> (x - m) * (x - m)).sum() / (perFold.length - 1);
      pf = String.format(Locale.ROOT, "%.4f ± %.4f", m, Math.sqrt(v));
    }
    out.printf(
        Locale.ROOT,
        "| %s | %d | %.4f | %.4f | %.3f / %.3f / %.3f | %.4f | %.4f | %s |%n",
        name,
        d,
        e.accuracy(),
        e.macroF1(),
        e.f1()[0],
        e.f1()[1],
        e.f1()[2],
        e.macroAuroc(),
        (e.accuracy() + e.macroF1()) / 2,
        pf);
  }

  static double[][] soft(List<HateXplainData.Post> posts) {
    double[][] t = new double[posts.size()][3];
    for (int i = 0; i < t.length; i++) {
      int[] v = posts.get(i).votes();
      double s = v[0] + v[1] + v[2];
      for (int k = 0; k < 3; k++) {
        t[i][k] = v[k] / s;
      }
    }
    return t;
  }

  private static double[][] rows(double[][] x, int[] fold, int f, boolean inside) {
    boolean[] keep = new boolean[x.length];
    for (int i = 0; i < x.length; i++) {
      keep[i] = (fold[i] == f) == inside;
    }
    return pick(x, keep);
  }

  private static double[][] pick(double[][] x, boolean[] keep) {
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (keep[i]) {
        out.add(x[i]);
      }
    }
    return out.toArray(double[][]::new);
  }

  static double[] flat(double[][] m) {
    return Arrays.stream(m).flatMapToDouble(Arrays::stream).toArray();
  }

  static double[] log(double[] p) {
    double[] out = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = Math.log(p[i] + 1e-4);
    }
    return out;
  }

  static double[] concat(double[]... parts) {
    return Arrays.stream(parts).flatMapToDouble(Arrays::stream).toArray();
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--")) {
        String key = args[i].substring(2);
        if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
          m.put(key, args[++i]);
        } else {
          m.put(key, "true");
        }
      } else {
        m.put("data", args[i]);
      }
    }
    return m;
  }
}
