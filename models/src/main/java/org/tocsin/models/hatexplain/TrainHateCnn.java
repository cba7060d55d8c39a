package org.tocsin.models.hatexplain;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tocsin.core.SuppressForbidden;
import org.tocsin.models.corpus.ExtraCorpora;
import org.tocsin.nlp.classifier.HateClassifier;
import org.tocsin.nlp.classifier.Prediction;
import org.tocsin.nlp.classifier.TokenCnn;

/**
 * Trains the word-CNN member of the hate / offensive / normal classifier: word vectors pretrained
 * here ({@link SkipGram} on HateXplain's train split and the unlabelled English corpora at hand),
 * then {@link TokenCnn} members fine-tuned on HateXplain's train split ({@link CnnTrainer}), then
 * the average of the CNN members mixed with an existing n-gram artifact (v1's MLPs), the mix weight
 * chosen on validation. With {@code --test} the chosen model is evaluated once on test.
 *
 * <pre>{@code
 * java -cp ... org.tocsin.models.hatexplain.TrainHateCnn \
 *     --data ../shared/data/hatexplain/hatexplain_official_split.jsonl --data-dir ../shared/data \
 *     --embeddings target/w2v-64.bin --mlp-from models/artifacts/hate-3way-v1 [--test --out DIR]
 * }</pre>
 */
public final class TrainHateCnn {
  private TrainHateCnn() {}

  /** Runs training; see the class comment for the arguments. */
  @SuppressForbidden(reason = "a command-line main reports progress on standard output")
  public static void main(String[] args) throws IOException {
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    Map<String, String> a = parse(args);
    long t0 = System.nanoTime();
    HateXplainData all =
        HateXplainData.read(
            Path.of(
                a.getOrDefault(
                    "data", "../shared/data/hatexplain/hatexplain_official_split.jsonl")));
    List<HateXplainData.Post> train = all.split("train");
    List<HateXplainData.Post> val = all.split("val");
    List<List<String>> trainTokens = train.stream().map(HateXplainData.Post::tokens).toList();
    List<List<String>> valTokens = val.stream().map(HateXplainData.Post::tokens).toList();
    int[] valGold = TrainHateClassifier.labels(val);

    int dim = Integer.parseInt(a.getOrDefault("dim", "64"));
    long seed = Long.parseLong(a.getOrDefault("seed", "42"));
    Path cache = a.containsKey("embeddings") ? Path.of(a.get("embeddings")) : null;
    SkipGram vectors;
    long tw = System.nanoTime();
    if (cache != null && Files.exists(cache)) {
      vectors = SkipGram.read(cache);
      out.println("word vectors read from " + cache + ": " + vectors.words().size() + " words");
    } else {
      List<List<String>> corpus = new ArrayList<>(trainTokens);
      if (!a.getOrDefault("pretrain-extra", "true").equals("false")) {
        corpus.addAll(
            ExtraCorpora.unlabelledEnglish(Path.of(a.getOrDefault("data-dir", "../shared/data"))));
      }
      vectors =
          SkipGram.train(
              corpus,
              dim,
              Integer.parseInt(a.getOrDefault("w2v-window", "5")),
              Integer.parseInt(a.getOrDefault("w2v-negatives", "5")),
              Integer.parseInt(a.getOrDefault("w2v-epochs", "5")),
              Integer.parseInt(a.getOrDefault("min-count", "3")),
              Integer.parseInt(a.getOrDefault("max-words", "40000")),
              seed,
              out);
      if (cache != null) {
        vectors.write(cache);
      }
    }
    int maxVocab = Integer.parseInt(a.getOrDefault("max-vocab", "0"));
    if (maxVocab > 2 && maxVocab < vectors.words().size()) {
      // The most frequent words (the skip-gram vocabulary is sorted by frequency): the CNN's
      // look-up table at inference is vocabulary x kernel rows floats.
      vectors =
          new SkipGram(
              vectors.words().subList(0, maxVocab),
              vectors.dim(),
              Arrays.copyOf(vectors.vectors(), maxVocab * vectors.dim()));
      out.println("vocabulary cut to the " + maxVocab + " most frequent words");
    }
    double w2vSeconds = (System.nanoTime() - tw) / 1e9;
    out.printf(Locale.ROOT, "word vectors in %.1fs%n", w2vSeconds);

    double[][] targets =
        TrainHateClassifier.targets(train, Boolean.parseBoolean(a.getOrDefault("soft", "true")));
    int[] trainY = TrainHateClassifier.labels(train);
    int[] counts = new int[3];
    for (int y : trainY) {
      counts[y]++;
    }
    double[] weights = new double[train.size()];
    boolean balanced = a.getOrDefault("class-weights", "balanced").equals("balanced");
    for (int i = 0; i < weights.length; i++) {
      weights[i] = balanced ? (double) train.size() / (3.0 * counts[trainY[i]]) : 1.0;
    }
    int[] widths =
        Arrays.stream(a.getOrDefault("widths", "1,2,3").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    int members = Integer.parseInt(a.getOrDefault("members", "1"));
    List<TokenCnn> cnns = new ArrayList<>();
    double[][] cnnVal = null;
    long tc = System.nanoTime();
    for (int m = 0; m < members; m++) {
      CnnTrainer.Result r =
          new CnnTrainer(
                  widths,
                  Integer.parseInt(a.getOrDefault("filters", "64")),
                  Double.parseDouble(a.getOrDefault("lr", "0.001")),
                  Double.parseDouble(a.getOrDefault("emb-lr", "0.001")),
                  Double.parseDouble(a.getOrDefault("dropout", "0.5")),
                  Integer.parseInt(a.getOrDefault("batch", "32")),
                  Integer.parseInt(a.getOrDefault("epochs", "8")),
                  Integer.parseInt(a.getOrDefault("patience", "2")),
                  seed + m,
                  a.getOrDefault("select", "f1").equals("auroc"),
                  out)
              .train(vectors, trainTokens, targets, weights, valTokens, valGold);
      out.printf(
          Locale.ROOT,
          "cnn member %d: best epoch %d val %s%n",
          m,
          r.bestEpoch(),
          r.val().summary());
      cnns.add(r.network());
      cnnVal =
          cnnVal == null
              ? r.valProbs()
              : TrainHateClassifier.mix(cnnVal, r.valProbs(), 1.0 / (m + 1));
    }
    double cnnSeconds = (System.nanoTime() - tc) / 1e9;
    Evaluation cnnValEval = Evaluation.of(cnnVal, valGold);
    out.printf(
        Locale.ROOT, "cnn members averaged val %s (%.1fs)%n", cnnValEval.summary(), cnnSeconds);

    HateClassifier mlp =
        a.containsKey("mlp-from") ? HateClassifier.load(Path.of(a.get("mlp-from"))) : null;
    double alpha = 1; // weight of the CNN
    double[][] mlpVal = null;
    if (mlp != null) {
      mlpVal = probs(mlp, valTokens);
      out.println("n-gram model alone val " + Evaluation.of(mlpVal, valGold).summary());
      double bestScore = -1;
      for (int s = 0; s <= 20; s++) {
        double al = s / 20.0;
        Evaluation e = Evaluation.of(TrainHateClassifier.mix(mlpVal, cnnVal, al), valGold);
        out.printf(Locale.ROOT, "mix cnn weight %.2f val %s%n", al, e.summary());
        if (e.macroF1() > bestScore + 1e-9) {
          bestScore = e.macroF1();
          alpha = al;
        }
      }
    }
    double[][] mixedVal = TrainHateClassifier.mix(mlpVal, cnnVal, alpha);
    out.printf(
        Locale.ROOT,
        "chosen cnn weight %.2f val %s%n",
        alpha,
        Evaluation.of(mixedVal, valGold).summary());
    // Class log offsets (normal fixed at 0) chosen on validation by the mean of accuracy and
    // macro-F1, the two numbers the issue compares.
    double[] offsets = new double[3];
    if (a.containsKey("tune-offsets")) {
      // Jointly with the mix weight.
      double bestScore = -1;
      for (int s = 0; s <= (mlp == null ? 0 : 20); s++) {
        double al = mlp == null ? 1 : s / 20.0;
        double[][] mixed = TrainHateClassifier.mix(mlpVal, cnnVal, al);
        for (int h = -6; h <= 6; h++) {
          for (int o = -6; o <= 6; o++) {
            double[] c = {h / 10.0, o / 10.0, 0};
            Evaluation e = Evaluation.of(TrainHateClassifier.offset(mixed, c), valGold);
            double score = (e.accuracy() + e.macroF1()) / 2;
            if (score > bestScore + 1e-9) {
              bestScore = score;
              offsets = c;
              alpha = al;
            }
          }
        }
      }
      mixedVal = TrainHateClassifier.mix(mlpVal, cnnVal, alpha);
      out.printf(Locale.ROOT, "joint search: cnn weight %.2f%n", alpha);
    }
    Evaluation valEval = Evaluation.of(TrainHateClassifier.offset(mixedVal, offsets), valGold);
    out.printf(Locale.ROOT, "offsets %s val %s%n", Arrays.toString(offsets), valEval.summary());
    out.printf(Locale.ROOT, "total %.1fs%n", (System.nanoTime() - t0) / 1e9);
    if (!a.containsKey("test")) {
      return;
    }
    List<HateXplainData.Post> test = all.split("test");
    List<List<String>> testTokens = test.stream().map(HateXplainData.Post::tokens).toList();
    int[] testGold = TrainHateClassifier.labels(test);
    double[][] cnnTest = null;
    for (int m = 0; m < cnns.size(); m++) {
      double[][] p = CnnTrainer.predict(cnns.get(m), testTokens);
      cnnTest = cnnTest == null ? p : TrainHateClassifier.mix(cnnTest, p, 1.0 / (m + 1));
    }
    double[][] mlpTest = mlp == null ? null : probs(mlp, testTokens);
    Evaluation testEval =
        Evaluation.of(
            TrainHateClassifier.offset(TrainHateClassifier.mix(mlpTest, cnnTest, alpha), offsets),
            testGold);
    out.println("TEST chosen " + testEval.summary());
    out.println("TEST confusion " + Arrays.deepToString(testEval.confusion()));
    Evaluation cnnTestEval = Evaluation.of(cnnTest, testGold);
    out.println("TEST cnn alone " + cnnTestEval.summary());
    Evaluation mlpTestEval = mlpTest == null ? null : Evaluation.of(mlpTest, testGold);
    if (mlpTestEval != null) {
      out.println("TEST n-gram alone " + mlpTestEval.summary());
    }
    if (a.containsKey("out")) {
      HateCnnArtifact.write(
          Path.of(a.get("out")),
          a.getOrDefault("version", "2"),
          cnns,
          alpha,
          offsets,
          a.get("mlp-from"),
          all.sha256(),
          String.join(" ", args),
          Math.round(w2vSeconds),
          Math.round(cnnSeconds),
          valEval,
          testEval,
          cnnValEval,
          cnnTestEval,
          mlpTestEval);
      out.println("wrote " + a.get("out"));
    }
  }

  /** An n-gram classifier's probabilities in label order hate, offensive, normal. */
  static double[][] probs(HateClassifier c, List<List<String>> tokens) {
    List<Prediction> p = c.predictTokens(tokens);
    double[][] out = new double[p.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = new double[] {p.get(i).hate(), p.get(i).offensive(), p.get(i).normal()};
    }
    return out;
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
