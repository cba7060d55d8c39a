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
import org.tocsin.nlp.classifier.ArtifactManifest;
import org.tocsin.nlp.classifier.ArtifactWriter;
import org.tocsin.nlp.classifier.FeatureConfig;
import org.tocsin.nlp.classifier.SparseVector;
import org.tocsin.nlp.classifier.TfidfVectorizer;

/**
 * Trains the hate / offensive / normal classifier on HateXplain's official train split, selects the
 * epoch on the validation split and, with {@code --test}, evaluates once on the test split and
 * writes the artifact.
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
    Path data =
        Path.of(
            a.getOrDefault("data", "../shared/data/hatexplain/hatexplain_official_split.jsonl"));
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
    HateXplainData all = HateXplainData.read(data);
    List<HateXplainData.Post> train = all.split("train");
    List<HateXplainData.Post> val = all.split("val");
    TfidfVectorizer vectorizer =
        TfidfVectorizer.fit(features, train.stream().map(HateXplainData.Post::tokens).toList());
    List<SparseVector> trainX = vectorize(vectorizer, train);
    List<SparseVector> valX = vectorize(vectorizer, val);
    out.printf(
        Locale.ROOT,
        "data %s: train %d, val %d; features in %.1fs%n",
        all.sha256(),
        train.size(),
        val.size(),
        (System.nanoTime() - t0) / 1e9);

    int members = Integer.parseInt(a.getOrDefault("ensemble", "1"));
    long t1 = System.nanoTime();
    List<MultiLayerNetwork> networks = new ArrayList<>();
    ArrayNode bestEpochs = ArtifactManifest.newObject().arrayNode();
    for (int m = 0; m < members; m++) {
      TrainConfig member = config.withSeed(config.seed() + m);
      out.println("ensemble member " + m + " seed " + member.seed());
      MlpTrainer.Result result =
          new MlpTrainer(member, out)
              .train(
                  features.dimension(),
                  trainX,
                  labels(train),
                  targets(train, softLabels),
                  valX,
                  labels(val),
                  vectorizer.idf());
      networks.add(result.network());
      bestEpochs.add(result.bestEpoch());
    }
    double trainSeconds = (System.nanoTime() - t1) / 1e9;
    Evaluation valEval =
        Evaluation.of(MlpTrainer.predict(networks, valX, features.dimension()), labels(val));
    out.println("ensemble of " + members + " val " + valEval.summary());
    if (!test) {
      return;
    }
    List<HateXplainData.Post> testPosts = all.split("test");
    Evaluation testEval =
        Evaluation.of(
            MlpTrainer.predict(networks, vectorize(vectorizer, testPosts), features.dimension()),
            labels(testPosts));
    out.println("TEST " + testEval.summary());

    ObjectNode training = ArtifactManifest.newObject();
    training.put("data", "HateXplain official split (hatexplain_official_split.jsonl)");
    training.put("dataSha256", all.sha256());
    training.put("trainPosts", train.size());
    training.put("ensembleMembers", members);
    training.set("bestEpochs", bestEpochs);
    training.put("trainSeconds", Math.round(trainSeconds));
    training.put("command", "TrainHateClassifier " + String.join(" ", args));
    training.set("hyperParameters", config.toJson().put("softLabels", softLabels));
    ObjectNode metrics = ArtifactManifest.newObject();
    metrics.set("validation", valEval.toJson(HateXplainData.LABELS));
    metrics.set("test", testEval.toJson(HateXplainData.LABELS));
    if (a.containsKey("out")) {
      Path dir = Path.of(a.get("out"));
      ArtifactWriter.write(
          dir,
          "hate-3way",
          a.getOrDefault("version", "1"),
          HateXplainData.LABELS,
          networks,
          vectorizer,
          training,
          metrics);
      out.println("wrote " + dir.toAbsolutePath());
    }
  }

  private static List<SparseVector> vectorize(TfidfVectorizer v, List<HateXplainData.Post> posts) {
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
  private static double[][] targets(List<HateXplainData.Post> posts, boolean soft) {
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

  private static int[] labels(List<HateXplainData.Post> posts) {
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
