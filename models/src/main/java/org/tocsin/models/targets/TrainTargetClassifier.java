package org.tocsin.models.targets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tocsin.core.SuppressForbidden;
import org.tocsin.models.hatexplain.HateXplainData;
import org.tocsin.nlp.classifier.ArtifactManifest;
import org.tocsin.nlp.classifier.ArtifactWriter;
import org.tocsin.nlp.classifier.FeatureConfig;
import org.tocsin.nlp.classifier.SparseVector;
import org.tocsin.nlp.classifier.TfidfVectorizer;

/**
 * Trains the target-group classifier on HateXplain's official train split ({@code targets_union},
 * grouped by {@link TargetGroups}), chooses the L2 penalty, the epoch and each group's threshold on
 * validation and, with {@code --test}, evaluates once on test and writes the artifact.
 *
 * <pre>{@code
 * java -cp ... org.tocsin.models.targets.TrainTargetClassifier \
 *     --data ../shared/data/hatexplain/hatexplain_official_split.jsonl \
 *     [--l2 1e-3,3e-3] [--lr 0.05] [--epochs 8] [--seed 42] [--test --out models/artifacts/targets-v1]
 * }</pre>
 */
public final class TrainTargetClassifier {
  private TrainTargetClassifier() {}

  /** The features: the same as the hate classifier's. */
  static final FeatureConfig FEATURES = new FeatureConfig(16, 2, 3, 5, 2, 20200);

  /** Runs training; see the class comment for the arguments. */
  @SuppressForbidden(reason = "a command-line main reports progress on standard output")
  public static void main(String[] args) throws IOException {
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    Map<String, String> a = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name [got " + args[i] + "]");
      }
      boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
      a.put(args[i].substring(2), hasValue ? args[++i] : "true");
    }
    Path data =
        Path.of(
            a.getOrDefault("data", "../shared/data/hatexplain/hatexplain_official_split.jsonl"));
    long seed = Long.parseLong(a.getOrDefault("seed", "42"));
    HateXplainData all = HateXplainData.read(data);
    Map<String, boolean[]> gold = targets(data);
    List<HateXplainData.Post> train = all.split("train");
    List<HateXplainData.Post> val = all.split("val");
    TfidfVectorizer vectorizer =
        TfidfVectorizer.fit(FEATURES, train.stream().map(HateXplainData.Post::tokens).toList());
    List<SparseVector> trainX = vectorize(vectorizer, train);
    List<SparseVector> valX = vectorize(vectorizer, val);
    long t0 = System.nanoTime();
    MultiLabelTrainer.Model best = null;
    double bestL2 = 0;
    for (String l2s : a.getOrDefault("l2", "1e-3,3e-3").split(",")) {
      double l2 = Double.parseDouble(l2s);
      MultiLabelTrainer.Model m =
          new MultiLabelTrainer(
                  Double.parseDouble(a.getOrDefault("lr", "0.05")),
                  l2,
                  Integer.parseInt(a.getOrDefault("epochs", "8")),
                  seed,
                  out)
              .train(FEATURES.dimension(), trainX, labels(train, gold), valX, labels(val, gold));
      out.printf(
          Locale.ROOT, "l2 %s: best epoch %d val %s%n", l2s, m.bestEpoch(), m.val().summary());
      if (best == null || m.val().microF1() > best.val().microF1()) {
        best = m;
        bestL2 = l2;
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    List<String> names = TargetGroups.GROUPS.stream().map(TargetGroups.Group::label).toList();
    out.println("val " + best.val().summary() + " " + best.val().toJson(names));
    if (!a.containsKey("test")) {
      return;
    }
    List<HateXplainData.Post> test = all.split("test");
    MultiLabelEvaluation testEval =
        MultiLabelEvaluation.of(
            best.raw(vectorize(vectorizer, test)), best.thresholds(), labels(test, gold));
    out.println("TEST " + testEval.summary() + " " + testEval.toJson(names));
    ObjectNode training = ArtifactManifest.newObject();
    training.put("data", "HateXplain official split (hatexplain_official_split.jsonl)");
    training.put("dataSha256", all.sha256());
    training.put("trainPosts", train.size());
    training.put("l2", bestL2);
    training.put("bestEpoch", best.bestEpoch());
    training.put("seed", seed);
    training.put("trainSeconds", Math.round(seconds));
    ObjectNode th = training.putObject("thresholdsFoldedIntoBias");
    for (int k = 0; k < names.size(); k++) {
      th.put(names.get(k), best.thresholds()[k]);
    }
    training.put("command", "TrainTargetClassifier " + String.join(" ", args));
    ObjectNode metrics = ArtifactManifest.newObject();
    metrics.set("validation", best.val().toJson(names));
    metrics.set("test", testEval.toJson(names));
    if (a.containsKey("out")) {
      Path dir = Path.of(a.get("out"));
      ArtifactWriter.write(
          dir,
          "targets",
          a.getOrDefault("version", "1"),
          names,
          List.of(best.toNetwork()),
          vectorizer,
          training,
          metrics);
      out.println("wrote " + dir.toAbsolutePath());
    }
  }

  /** Each post id's groups, from {@code targets_union}. */
  static Map<String, boolean[]> targets(Path file) throws IOException {
    Map<String, Integer> index = TargetGroups.index();
    ObjectMapper mapper = new ObjectMapper();
    Map<String, boolean[]> out = new HashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode o = mapper.readTree(line);
      boolean[] y = new boolean[index.size()];
      for (JsonNode t : o.path("targets_union")) {
        Integer k = index.get(t.asText());
        if (k != null) {
          y[k] = true;
        }
      }
      out.put(o.path("post_id").asText(), y);
    }
    return out;
  }

  private static boolean[][] labels(List<HateXplainData.Post> posts, Map<String, boolean[]> gold) {
    boolean[][] y = new boolean[posts.size()][];
    for (int i = 0; i < y.length; i++) {
      y[i] = gold.get(posts.get(i).id());
    }
    return y;
  }

  private static List<SparseVector> vectorize(TfidfVectorizer v, List<HateXplainData.Post> posts) {
    List<SparseVector> out = new ArrayList<>(posts.size());
    for (HateXplainData.Post p : posts) {
      out.add(v.vectorize(p.tokens()));
    }
    return out;
  }
}
