package org.tocsin.models.targets;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tocsin.core.SuppressForbidden;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.TargetScore;
import org.tocsin.models.hatexplain.HateXplainData;
import org.tocsin.nlp.assembly.ShippedScorer;
import org.tocsin.nlp.baseline.LexiconScorer;
import org.tocsin.nlp.classifier.TargetClassifier;
import org.tocsin.nlp.classifier.TargetMerge;

/**
 * Measures how the shipped scorer's targets agree with HateXplain's annotated target communities
 * ({@code targets_union}) for each threshold {@link TargetMerge} could use for a group the post
 * does not name: micro precision, recall and F1 over the 13 groups both know, and how many posts
 * get a group they do not name. Groups outside those 13 (Rohingya, Roma …) are not annotated in
 * HateXplain and are left out of the count.
 *
 * <pre>{@code
 * java -cp ... org.tocsin.models.targets.EvaluateTargetMerge \
 *     ../shared/data/hatexplain/hatexplain_official_split.jsonl val
 * }</pre>
 *
 * Choose on {@code val}; read {@code test} once for the chosen value.
 */
public final class EvaluateTargetMerge {
  private static final double[] THRESHOLDS = {0.5, 0.6, 0.7, 0.8, 0.9, 1.01};

  private EvaluateTargetMerge() {}

  /** Runs the evaluation; see the class comment for the arguments. */
  @SuppressForbidden(reason = "a command-line main reports its measurements on standard output")
  public static void main(String[] args) throws IOException {
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    Path file = Path.of(args[0]);
    String split = args.length > 1 ? args[1] : "val";
    List<HateXplainData.Post> posts = HateXplainData.read(file).split(split);
    Map<String, boolean[]> gold = TrainTargetClassifier.targets(file);
    Map<String, Integer> index = new HashMap<>();
    for (int k = 0; k < TargetGroups.GROUPS.size(); k++) {
      index.put(TargetGroups.GROUPS.get(k).group(), k);
    }
    LexiconScorer lexicon = LexiconScorer.loadDefault();
    TargetClassifier classifier =
        TargetClassifier.loadResource(
            EvaluateTargetMerge.class.getClassLoader(), ShippedScorer.BUNDLED_TARGET_MODEL);
    Author author = new Author("eval", "eval", "eval", null, null);
    List<List<TargetScore>> named = new ArrayList<>();
    List<List<TargetScore>> inferred = new ArrayList<>();
    for (HateXplainData.Post p : posts) {
      Post post = Post.ofText("eval", p.id(), author, Instant.EPOCH, p.text(), "en");
      named.add(lexicon.score(post).targets());
      inferred.add(classifier.targets(p.text()));
    }
    out.printf(
        Locale.ROOT,
        "HateXplain %s: %d posts; targets of the lexicon merged with the classifier's%n",
        split,
        posts.size());
    out.println(
        "inferred-min  precision  recall     F1   tp    fp    fn  posts-with-unnamed-group");
    for (double t : THRESHOLDS) {
      int tp = 0;
      int fp = 0;
      int fn = 0;
      int unnamed = 0;
      for (int i = 0; i < posts.size(); i++) {
        boolean[] y = gold.get(posts.get(i).id());
        boolean[] predicted = new boolean[y.length];
        List<TargetScore> merged = TargetMerge.merge(named.get(i), inferred.get(i), t);
        for (TargetScore s : merged) {
          Integer k = index.get(s.group());
          if (k != null) {
            predicted[k] = true;
          }
        }
        List<TargetScore> namedHere = named.get(i);
        boolean addsUnnamed =
            !namedHere.isEmpty()
                && merged.stream()
                    .anyMatch(s -> namedHere.stream().noneMatch(n -> n.group().equals(s.group())));
        if (addsUnnamed) {
          unnamed++;
        }
        for (int k = 0; k < y.length; k++) {
          if (predicted[k] && y[k]) {
            tp++;
          } else if (predicted[k]) {
            fp++;
          } else if (y[k]) {
            fn++;
          }
        }
      }
      double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
      double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      out.printf(
          Locale.ROOT,
          "%12s  %9.4f  %6.4f  %6.4f  %4d  %4d  %4d  %d%n",
          t > 1 ? "never" : String.format(Locale.ROOT, "%.2f", t),
          precision,
          recall,
          f1,
          tp,
          fp,
          fn,
          unnamed);
    }
  }
}
