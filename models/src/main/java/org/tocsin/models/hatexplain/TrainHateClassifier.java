package org.tocsin.models.hatexplain;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.tocsin.core.SuppressForbidden;
import org.tocsin.models.corpus.ExtraCorpora;
import org.tocsin.nlp.classifier.ArtifactManifest;
import org.tocsin.nlp.classifier.ArtifactWriter;
import org.tocsin.nlp.classifier.FeatureConfig;
import org.tocsin.nlp.classifier.HateClassifier;
import org.tocsin.nlp.classifier.SparseVector;
import org.tocsin.nlp.classifier.TfidfVectorizer;

/**
 * Trains the hate / offensive / normal classifier on HateXplain's official train split, selects the
 * epoch on the validation split and, with {@code --test}, evaluates once on the test split and
 * writes the artifact.
 *
 * <p>{@code --dataset germeval|lhsab|amharic|myanmar} trains on another language's corpus instead
 * (its reader, in its own package, maps the labels and makes the split; {@code --data} is then the
 * corpus folder or file, {@code --name} the artifact name, {@code --language} its BCP-47 tag).
 * Besides three-way accuracy / macro-F1 / AUROC the test report gives the abusive-vs-normal
 * macro-F1, GermEval 2018's coarse-task metric.
 *
 * <pre>{@code
 * java -cp ... org.tocsin.models.hatexplain.TrainHateClassifier \
 *     --data ../shared/data/hatexplain/hatexplain_official_split.jsonl \
 *     [--out models/artifacts/hate-3way-v1 --test] [--hidden 32 --hash-bits 18 ...]
 * }</pre>
 *
 * <p>Without {@code --test} only train and validation are read, for tuning. IDF, class weights and
 * early stopping never see the test split.
 */
public final class TrainHateClassifier {
  private TrainHateClassifier() {}

  /** Runs training; see the class comment for the arguments. */
  @SuppressForbidden(reason = "a command-line main reports progress on standard output")
  public static void main(String[] args) throws IOException {
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    Map<String, String> a = parse(args);
    String dataset = a.getOrDefault("dataset", "hatexplain");
    Path data = Path.of(a.getOrDefault("data", defaultData(dataset)));
    FeatureConfig features =
        new FeatureConfig(
            Integer.parseInt(a.getOrDefault("hash-bits", "18")),
            Integer.parseInt(a.getOrDefault("word-ngrams", "2")),
            Integer.parseInt(a.getOrDefault("char-min", "3")),
            Integer.parseInt(a.getOrDefault("char-max", "5")),
            Integer.parseInt(a.getOrDefault("min-df", "2")),
            Integer.parseInt(a.getOrDefault("hash-seed", "20200")));
    TrainConfig config =
        new TrainConfig(
            Integer.parseInt(a.getOrDefault("hidden", "32")),
            Double.parseDouble(a.getOrDefault("input-retain", "0.8")),
            Double.parseDouble(a.getOrDefault("hidden-retain", "0.5")),
            Double.parseDouble(a.getOrDefault("lr", "0.001")),
            Double.parseDouble(a.getOrDefault("l2", "0")),
            Integer.parseInt(a.getOrDefault("batch", "64")),
            Integer.parseInt(a.getOrDefault("epochs", "12")),
            Integer.parseInt(a.getOrDefault("patience", "3")),
            a.getOrDefault("class-weights", "none"),
            Long.parseLong(a.getOrDefault("seed", "42")));
    boolean test = a.containsKey("test");
    boolean softLabels = Boolean.parseBoolean(a.getOrDefault("soft-labels", "false"));
    out.println("features " + features + "\ntraining " + config + " softLabels=" + softLabels);

    long t0 = System.nanoTime();
    HateXplainData all = read(dataset, data);
    if (a.containsKey("split-out")) {
      switch (dataset) {
        case "lhsab" ->
            org.tocsin.models.lhsab.LhsabData.writeSplit(data, Path.of(a.get("split-out")));
        case "myanmar" ->
            org.tocsin.models.myanmar.MyHateSpeechData.writeSplit(
                data, Path.of(a.get("split-out")));
        default ->
            throw new IllegalArgumentException(
                "--split-out writes L-HSAB's or myHateSpeech's split only");
      }
      out.println("wrote the split to " + a.get("split-out"));
    }
    List<HateXplainData.Post> train = all.split("train");
    List<HateXplainData.Post> val = all.split("val");
    List<String> extraNames = list(a.getOrDefault("extra", ""));
    List<HateXplainData.Post> extra =
        ExtraCorpora.read(Path.of(a.getOrDefault("data-dir", "../shared/data")), extraNames);
    TfidfVectorizer vectorizer =
        TfidfVectorizer.fit(features, train.stream().map(HateXplainData.Post::tokens).toList());
    List<SparseVector> trainX = vectorize(vectorizer, train);
    List<SparseVector> extraX = vectorize(vectorizer, extra);
    List<SparseVector> valX = vectorize(vectorizer, val);
    out.printf(
        Locale.ROOT,
        "data %s: train %d, extra %d %s, val %d; features in %.1fs%n",
        all.sha256(),
        train.size(),
        extra.size(),
        extraNames,
        val.size(),
        (System.nanoTime() - t0) / 1e9);
    int[] trainY = labels(train);
    double[] classWeights = config.classWeights(counts(trainY));
    List<SparseVector> pooledX = new ArrayList<>(trainX);
    pooledX.addAll(extraX);
    List<HateXplainData.Post> pooled = new ArrayList<>(train);
    pooled.addAll(extra);
    double[][] pooledTargets = targets(pooled, softLabels);

    // Multinomial logistic regression: the extra-corpus weight and the L2 penalty chosen on
    // validation macro-F1 over the grid given.
    long t1 = System.nanoTime();
    LinearTrainer.Model linear = null;
    double linearExtraWeight = 0;
    double linearL2 = 0;
    double linearLr = 0;
    for (double ew : doubles(a.getOrDefault("linear-extra-weights", "0"))) {
      for (double lr : doubles(a.getOrDefault("linear-lr", "0.05"))) {
        for (double l2 : doubles(a.getOrDefault("linear-l2", "1e-3"))) {
          if (ew > 0 && extra.isEmpty()) {
            continue;
          }
          out.printf(Locale.ROOT, "linear: extra weight %s, lr %s, l2 %s%n", ew, lr, l2);
          LinearTrainer.Model m =
              new LinearTrainer(
                      lr,
                      l2,
                      Integer.parseInt(a.getOrDefault("linear-epochs", "12")),
                      config.seed(),
                      out)
                  .train(
                      features.dimension(),
                      pooledX,
                      pooledTargets,
                      weights(pooled, classWeights, ew),
                      valX,
                      labels(val));
          out.printf(
              Locale.ROOT,
              "linear ew=%s l2=%s best epoch %d val %s%n",
              ew,
              l2,
              m.bestEpoch(),
              m.val().summary());
          if (linear == null || m.val().macroF1() > linear.val().macroF1()) {
            linear = m;
            linearExtraWeight = ew;
            linearL2 = l2;
            linearLr = lr;
          }
        }
      }
    }
    // More linear members with the chosen settings and other shuffling seeds, averaged.
    List<LinearTrainer.Model> linears = new ArrayList<>();
    if (linear != null) {
      linears.add(linear);
      int n = Integer.parseInt(a.getOrDefault("linear-members", "1"));
      for (int m = 1; m < n; m++) {
        linears.add(
            new LinearTrainer(
                    linearLr,
                    linearL2,
                    Integer.parseInt(a.getOrDefault("linear-epochs", "12")),
                    config.seed() + m,
                    out)
                .train(
                    features.dimension(),
                    pooledX,
                    pooledTargets,
                    weights(pooled, classWeights, linearExtraWeight),
                    valX,
                    labels(val)));
      }
    }
    double linearSeconds = (System.nanoTime() - t1) / 1e9;

    // The MLP members: reused from an artifact with the same features (--mlp-from), or trained.
    long t2 = System.nanoTime();
    List<MultiLayerNetwork> mlps = new ArrayList<>();
    ArrayNode bestEpochs = ArtifactManifest.newObject().arrayNode();
    double mlpExtraWeight =
        Double.parseDouble(a.getOrDefault("mlp-extra-weight", String.valueOf(linearExtraWeight)));
    if (a.containsKey("mlp-from")) {
      mlps.addAll(reuse(Path.of(a.get("mlp-from")), vectorizer));
      out.println("reused " + mlps.size() + " MLP members from " + a.get("mlp-from"));
    } else {
      int members = Integer.parseInt(a.getOrDefault("ensemble", "1"));
      double[] exampleWeights = weights(pooled, new double[] {1, 1, 1}, mlpExtraWeight);
      for (int m = 0; m < members; m++) {
        TrainConfig member = config.withSeed(config.seed() + m);
        out.println("ensemble member " + m + " seed " + member.seed());
        MlpTrainer.Result result =
            new MlpTrainer(member, out)
                .train(
                    features.dimension(),
                    mlpExtraWeight > 0 ? pooledX : trainX,
                    trainY,
                    mlpExtraWeight > 0 ? pooledTargets : targets(train, softLabels),
                    mlpExtraWeight > 0 ? exampleWeights : null,
                    valX,
                    labels(val),
                    vectorizer.idf());
        mlps.add(result.network());
        bestEpochs.add(result.bestEpoch());
      }
    }
    double mlpSeconds = (System.nanoTime() - t2) / 1e9;

    // The mix: p = (1 - alpha) * mean(MLPs) + alpha * linear, alpha chosen on validation.
    double[][] mlpVal =
        mlps.isEmpty() ? null : MlpTrainer.predict(mlps, valX, features.dimension());
    double[][] linVal = linear == null ? null : predictAll(linears, valX);
    if (linears.size() > 1) {
      out.println("linear members averaged val " + Evaluation.of(linVal, labels(val)).summary());
    }
    double alpha = mlps.isEmpty() ? 1 : linear == null ? 0 : -1;
    if (alpha < 0) {
      Evaluation bestMix = null;
      for (int step = 0; step <= 10; step++) {
        double al = step / 10.0;
        Evaluation e = Evaluation.of(mix(mlpVal, linVal, al), labels(val));
        out.printf(Locale.ROOT, "mix alpha %.1f val %s%n", al, e.summary());
        if (bestMix == null || e.macroF1() > bestMix.macroF1()) {
          bestMix = e;
          alpha = al;
        }
      }
    }
    List<MultiLayerNetwork> networks = new ArrayList<>();
    List<Double> networkWeights = new ArrayList<>();
    if (alpha < 1) {
      for (MultiLayerNetwork n : mlps) {
        networks.add(n);
        networkWeights.add((1 - alpha) / mlps.size());
      }
    }
    if (alpha > 0) {
      for (LinearTrainer.Model m : linears) {
        networks.add(m.toNetwork());
        networkWeights.add(alpha / linears.size());
      }
    }
    double[][] mixedVal = mix(mlpVal, linVal, alpha);
    out.printf(
        Locale.ROOT,
        "final alpha %.1f val %s%n",
        alpha,
        Evaluation.of(mixedVal, labels(val)).summary());
    // The decision rule: log offsets for hate and offensive (normal fixed at 0) chosen on
    // validation by the mean of accuracy and macro-F1, the two numbers the issue compares.
    double[] offsets = new double[HateXplainData.LABELS.size()];
    if (a.containsKey("tune-offsets")) {
      double bestScore = -1;
      for (int h = -6; h <= 6; h++) {
        for (int o = -6; o <= 6; o++) {
          double[] c = {h / 10.0, o / 10.0, 0};
          Evaluation e = Evaluation.of(offset(mixedVal, c), labels(val));
          double score = (e.accuracy() + e.macroF1()) / 2;
          if (score > bestScore + 1e-9) {
            bestScore = score;
            offsets = c;
          }
        }
      }
    }
    Evaluation valEval = Evaluation.of(offset(mixedVal, offsets), labels(val));
    out.printf(
        Locale.ROOT,
        "offsets %s val %s abusiveVsNormalMacroF1=%.4f%n",
        java.util.Arrays.toString(offsets),
        valEval.summary(),
        abusiveVsNormalMacroF1(valEval));

    Baseline baseline = a.containsKey("baseline") ? Baseline.train(train, val, out) : null;
    if (!test) {
      return;
    }
    List<HateXplainData.Post> testPosts = all.split("test");
    List<SparseVector> testX = vectorize(vectorizer, testPosts);
    Evaluation testEval =
        Evaluation.of(
            offset(
                mix(
                    mlps.isEmpty() ? null : MlpTrainer.predict(mlps, testX, features.dimension()),
                    linear == null ? null : predictAll(linears, testX),
                    alpha),
                offsets),
            labels(testPosts));
    out.println("TEST " + testEval.summary());
    out.printf(
        Locale.ROOT,
        "TEST abusive-vs-normal macroF1 (GermEval coarse: OFFENSE vs OTHER) %.4f%n",
        abusiveVsNormalMacroF1(testEval));
    // Burmese: the corpus is word-segmented with spaces, posts usually are not. The same test
    // sentences with the spaces between Burmese characters removed, for the model and the baseline.
    List<HateXplainData.Post> unspacedPosts =
        dataset.equals("myanmar") ? unspaced(testPosts) : null;
    Evaluation unspacedEval = null;
    if (unspacedPosts != null) {
      List<SparseVector> ux = vectorize(vectorizer, unspacedPosts);
      unspacedEval =
          Evaluation.of(
              offset(
                  mix(
                      mlps.isEmpty() ? null : MlpTrainer.predict(mlps, ux, features.dimension()),
                      linear == null ? null : predictAll(linears, ux),
                      alpha),
                  offsets),
              labels(unspacedPosts));
      out.println("TEST UNSPACED " + unspacedEval.summary());
    }
    ObjectNode metrics = ArtifactManifest.newObject();
    metrics.set("validation", valEval.toJson(HateXplainData.LABELS));
    if (unspacedEval != null) {
      metrics.set("testUnspaced", unspacedEval.toJson(HateXplainData.LABELS));
    }
    metrics.set("test", testEval.toJson(HateXplainData.LABELS));
    metrics.put("testAbusiveVsNormalMacroF1", Evaluation.round(abusiveVsNormalMacroF1(testEval)));
    metrics.put(
        "validationAbusiveVsNormalMacroF1", Evaluation.round(abusiveVsNormalMacroF1(valEval)));
    if (linear != null) {
      metrics.set("linearAloneValidation", linear.val().toJson(HateXplainData.LABELS));
    }
    if (baseline != null) {
      Evaluation b = baseline.evaluate(testPosts);
      out.println("BASELINE TEST " + b.summary());
      out.printf(
          Locale.ROOT, "BASELINE TEST abusive-vs-normal macroF1 %.4f%n", abusiveVsNormalMacroF1(b));
      ObjectNode bj = ArtifactManifest.newObject();
      bj.put("what", Baseline.DESCRIPTION);
      bj.put("l2", baseline.l2());
      bj.set("validation", baseline.val().toJson(HateXplainData.LABELS));
      bj.set("test", b.toJson(HateXplainData.LABELS));
      bj.put("testAbusiveVsNormalMacroF1", Evaluation.round(abusiveVsNormalMacroF1(b)));
      if (unspacedPosts != null) {
        Evaluation bu = baseline.evaluate(unspacedPosts);
        out.println("BASELINE TEST UNSPACED " + bu.summary());
        bj.set("testUnspaced", bu.toJson(HateXplainData.LABELS));
      }
      metrics.set("baseline", bj);
    }

    ObjectNode training = ArtifactManifest.newObject();
    training.put("dataset", dataset);
    training.put("data", describe(dataset));
    training.put("language", a.getOrDefault("language", "en"));
    training.put("valPosts", val.size());
    training.put("testPosts", testPosts.size());
    training.put("dataSha256", all.sha256());
    training.put("trainPosts", train.size());
    training.put("extraCorpora", String.join(",", extraNames));
    training.put("extraPosts", extra.size());
    training.put("mlpMembers", mlps.size());
    training.set("bestEpochs", bestEpochs);
    training.put("mlpExtraWeight", mlpExtraWeight);
    training.put("linearExtraWeight", linearExtraWeight);
    training.put("linearL2", linearL2);
    training.put("linearLearningRate", linearLr);
    training.put("linearMembers", linears.size());
    training.put("linearBestEpoch", linear == null ? 0 : linear.bestEpoch());
    training.put("alphaLinear", alpha);
    training.put("offsetsTuned", a.containsKey("tune-offsets"));
    training.put("linearSeconds", Math.round(linearSeconds));
    training.put("mlpSeconds", Math.round(mlpSeconds));
    training.put("command", "TrainHateClassifier " + String.join(" ", args));
    training.set("hyperParameters", config.toJson().put("softLabels", softLabels));
    if (a.containsKey("out")) {
      Path dir = Path.of(a.get("out"));
      ArtifactWriter.write(
          dir,
          a.getOrDefault("name", "hate-3way"),
          a.getOrDefault("version", "1"),
          HateXplainData.LABELS,
          networks,
          networkWeights,
          java.util.Arrays.stream(offsets).boxed().toList(),
          vectorizer,
          training,
          metrics);
      out.println("wrote " + dir.toAbsolutePath());
    }
  }

  /** Test posts with the spaces between Burmese characters removed and re-tokenised. */
  static List<HateXplainData.Post> unspaced(List<HateXplainData.Post> posts) {
    List<HateXplainData.Post> out = new ArrayList<>();
    for (HateXplainData.Post p : posts) {
      String t = org.tocsin.models.myanmar.MyHateSpeechData.unspaced(p.text());
      out.add(
          new HateXplainData.Post(
              p.id(), p.split(), t, TfidfVectorizer.tokens(t), p.label(), p.votes()));
    }
    return out;
  }

  /** The default data path of a dataset, relative to the project root. */
  static String defaultData(String dataset) {
    return switch (dataset) {
      case "hatexplain" -> "../shared/data/hatexplain/hatexplain_official_split.jsonl";
      case "germeval" -> "../shared/data/germeval2018";
      case "lhsab" -> "../shared/data/arabic_lhsab/Dataset/L-HSAB";
      case "amharic" -> "../shared/data/amharic_uhh/Data/RANLP2023";
      case "myanmar" -> "../shared/data/myanmar_myhatespeech/corpus/version1.0";
      default -> throw unknown(dataset);
    };
  }

  /** Reads a dataset into train / val / test posts with Tocsin's three labels. */
  static HateXplainData read(String dataset, Path data) throws IOException {
    return switch (dataset) {
      case "hatexplain" -> HateXplainData.read(data);
      case "germeval" -> org.tocsin.models.germeval.GermEvalData.read(data);
      case "lhsab" -> org.tocsin.models.lhsab.LhsabData.read(data);
      case "amharic" -> org.tocsin.models.amharic.AmharicData.read(data);
      case "myanmar" -> org.tocsin.models.myanmar.MyHateSpeechData.read(data);
      default -> throw unknown(dataset);
    };
  }

  private static String describe(String dataset) {
    return switch (dataset) {
      case "hatexplain" -> "HateXplain official split (hatexplain_official_split.jsonl)";
      case "germeval" ->
          "GermEval 2018 (official test; train split 90/10 stratified by fine label, seed 2018,"
              + " into train/val); ABUSE->hate, INSULT/PROFANITY->offensive, OTHER->normal";
      case "lhsab" ->
          "L-HSAB (seeded stratified 80/10/10 split, seed 2019); hate->hate, abusive->offensive,"
              + " normal->normal";
      case "amharic" -> "Amharic hate speech, RANLP 2023 official train/dev/test";
      case "myanmar" ->
          "myHateSpeech 1.0 (seeded stratified 80/10/10 split by the nine classes, seed 2025);"
              + " re/ra/se/le->hate, ab/bo/po/ed->offensive, no->normal; inline word tags removed";
      default -> throw unknown(dataset);
    };
  }

  private static IllegalArgumentException unknown(String dataset) {
    return new IllegalArgumentException(
        "--dataset must be hatexplain, germeval, lhsab, amharic or myanmar [got " + dataset + "]");
  }

  /**
   * Macro-F1 of the two-way decision abusive (hate or offensive predicted) vs normal, from the
   * three-way confusion matrix: GermEval 2018's coarse task (OFFENSE vs OTHER) metric.
   */
  static double abusiveVsNormalMacroF1(Evaluation e) {
    int[][] c = e.confusion();
    long tp = c[0][0] + c[0][1] + c[1][0] + c[1][1];
    long fn = c[0][2] + c[1][2];
    long fp = c[2][0] + c[2][1];
    long tn = c[2][2];
    return (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2;
  }

  private static double f1(long tp, long fp, long fn) {
    return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
  }

  /** The networks of an artifact trained with the same features and IDF. */
  private static List<MultiLayerNetwork> reuse(Path dir, TfidfVectorizer vectorizer)
      throws IOException {
    HateClassifier c = HateClassifier.load(dir);
    if (!c.vectorizer().config().equals(vectorizer.config())
        || !java.util.Arrays.equals(c.vectorizer().idf(), vectorizer.idf())) {
      throw new IOException(dir + ": its features or IDF differ from this run's");
    }
    return c.networks();
  }

  /** The mean probabilities of linear models. */
  private static double[][] predictAll(List<LinearTrainer.Model> models, List<SparseVector> x) {
    double[][] mean = null;
    for (int i = 0; i < models.size(); i++) {
      double[][] p = models.get(i).predict(x);
      mean = mean == null ? p : mix(mean, p, 1.0 / (i + 1)); // running mean
    }
    return mean;
  }

  /** Probabilities times {@code exp(offset)} per class, renormalised (as the classifier does). */
  static double[][] offset(double[][] p, double[] offsets) {
    double[][] out = new double[p.length][];
    for (int i = 0; i < p.length; i++) {
      out[i] = new double[p[i].length];
      double sum = 0;
      for (int k = 0; k < p[i].length; k++) {
        out[i][k] = p[i][k] * Math.exp(offsets[k]);
        sum += out[i][k];
      }
      for (int k = 0; k < p[i].length; k++) {
        out[i][k] /= sum;
      }
    }
    return out;
  }

  /** {@code (1 - alpha) * a + alpha * b} row by row; a null side is absent. */
  static double[][] mix(double[][] a, double[][] b, double alpha) {
    if (a == null || alpha >= 1) {
      return b;
    }
    if (b == null || alpha <= 0) {
      return a;
    }
    double[][] out = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = new double[a[i].length];
      for (int k = 0; k < a[i].length; k++) {
        out[i][k] = (1 - alpha) * a[i][k] + alpha * b[i][k];
      }
    }
    return out;
  }

  /** Each post's loss weight: the class weight of its label, times {@code extraWeight} if extra. */
  private static double[] weights(
      List<HateXplainData.Post> posts, double[] classWeights, double extraWeight) {
    double[] w = new double[posts.size()];
    for (int i = 0; i < w.length; i++) {
      HateXplainData.Post p = posts.get(i);
      w[i] = classWeights[p.label()] * (ExtraCorpora.SPLIT.equals(p.split()) ? extraWeight : 1.0);
    }
    return w;
  }

  private static int[] counts(int[] labels) {
    int[] c = new int[HateXplainData.LABELS.size()];
    for (int y : labels) {
      c[y]++;
    }
    return c;
  }

  private static List<String> list(String csv) {
    return csv.isBlank() ? List.of() : List.of(csv.split(","));
  }

  private static double[] doubles(String csv) {
    return list(csv).stream().mapToDouble(Double::parseDouble).toArray();
  }

  static List<SparseVector> vectorize(TfidfVectorizer v, List<HateXplainData.Post> posts) {
    List<SparseVector> out = new ArrayList<>(posts.size());
    for (HateXplainData.Post p : posts) {
      out.add(v.vectorize(p.tokens()));
    }
    return out;
  }

  /**
   * Training targets: one-hot majority labels, or with {@code soft} the annotators' label
   * distribution (two of three annotators saying offensive gives 2/3 offensive).
   */
  static double[][] targets(List<HateXplainData.Post> posts, boolean soft) {
    double[][] t = new double[posts.size()][HateXplainData.LABELS.size()];
    for (int i = 0; i < posts.size(); i++) {
      HateXplainData.Post p = posts.get(i);
      if (soft) {
        int total = java.util.Arrays.stream(p.votes()).sum();
        for (int c = 0; c < t[i].length; c++) {
          t[i][c] = (double) p.votes()[c] / total;
        }
      } else {
        t[i][p.label()] = 1;
      }
    }
    return t;
  }

  static int[] labels(List<HateXplainData.Post> posts) {
    return posts.stream().mapToInt(HateXplainData.Post::label).toArray();
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name [got " + args[i] + "]");
      }
      String key = args[i].substring(2);
      if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        m.put(key, args[++i]);
      } else {
        m.put(key, "true");
      }
    }
    return m;
  }
}
