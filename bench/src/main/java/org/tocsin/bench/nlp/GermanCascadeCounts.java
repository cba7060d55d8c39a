package org.tocsin.bench.nlp;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tocsin.api.config.TocsinConfig;
import org.tocsin.api.node.TocsinNode;
import org.tocsin.core.SuppressForbidden;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.PostScorer;
import org.tocsin.core.score.Score;
import org.tocsin.models.germeval.GermEvalData;
import org.tocsin.models.hatexplain.HateXplainData;
import org.tocsin.nlp.cascade.CascadeScorer;
import org.tocsin.nlp.cascade.CascadeSettings;
import org.tocsin.nlp.corenlp.DeepStage;
import org.tocsin.nlp.corenlp.DeepStages;

/**
 * The German deep stage on GermEval 2018's official test tweets: how many the gate picks, how many
 * calls to violence CoreNLP finds among OFFENSE and OTHER tweets, how incitement changes, and the
 * wall time of the whole cascade on one thread. Run: {@code java -cp
 * "bench/target/tocsin-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*"
 * org.tocsin.bench.nlp.GermanCascadeCounts ../shared/data/germeval2018}.
 */
@SuppressForbidden(reason = "a command-line benchmark prints its table to stdout")
public final class GermanCascadeCounts {
  private static final PrintStream OUT = System.out;
  private static final Pattern CALLS = Pattern.compile("(\\d+) calls to violence");
  private static final Pattern CHANGE = Pattern.compile("incitement ([0-9.]+) -> ([0-9.]+)");

  private GermanCascadeCounts() {}

  /** Runs the count; the argument is the GermEval 2018 directory. */
  public static void main(String[] args) throws Exception {
    HateXplainData data = GermEvalData.read(Path.of(args[0]));
    List<HateXplainData.Post> test = data.split("test");
    PostScorer screen = TocsinNode.scorer(TocsinConfig.defaults());
    DeepStage german = DeepStages.of("de");
    CascadeScorer cascade =
        new CascadeScorer(
            screen,
            () -> {
              throw new IllegalStateException("every post is tagged de");
            },
            Map.of("de", german),
            new CascadeSettings(
                true,
                CascadeSettings.DEFAULTS.targetThreshold(),
                CascadeSettings.DEFAULTS.incitementThreshold(),
                1));
    List<Post> posts = new ArrayList<>();
    Author a = new Author("germeval", null, null, null, null);
    for (HateXplainData.Post p : test) {
      posts.add(Post.ofText("germeval", p.id(), a, Instant.EPOCH, p.text(), "de"));
    }
    // the first analysis on this thread loads the pipeline: do it outside the timing
    long t0 = System.nanoTime();
    german.analyze("Tötet sie alle!", List.of());
    double load = (System.nanoTime() - t0) / 1e9;
    int[][] byLabel = new int[2][5]; // offense, other: posts, gated, deep with a call, up, down
    long t1 = System.nanoTime();
    for (int i = 0; i < posts.size(); i++) {
      Score s = cascade.score(posts.get(i));
      int row = test.get(i).label() == 2 ? 1 : 0;
      byLabel[row][0]++;
      for (String n : s.explanation().notes()) {
        if (n.startsWith("deep stage gate:")) {
          byLabel[row][1]++;
        }
        Matcher m = CALLS.matcher(n);
        if (n.startsWith("deep stage: CoreNLP") && m.find() && Integer.parseInt(m.group(1)) > 0) {
          byLabel[row][2]++;
        }
        Matcher c = CHANGE.matcher(n);
        if (c.find()) {
          double from = Double.parseDouble(c.group(1));
          double to = Double.parseDouble(c.group(2));
          byLabel[row][3] += to > from ? 1 : 0;
          byLabel[row][4] += to < from ? 1 : 0;
        }
      }
    }
    double secs = (System.nanoTime() - t1) / 1e9;
    OUT.printf(
        Locale.ROOT,
        "GermEval 2018 test: %d tweets, whole cascade on 1 thread %.1f s (%.0f posts/s), German"
            + " pipeline first use %.1f s, counts %s%n",
        posts.size(),
        secs,
        posts.size() / secs,
        load,
        java.util.Arrays.toString(cascade.counts()));
    OUT.println("| tweets | n | gated | deep found a call | incitement raised | lowered |");
    OUT.println("| --- | --- | --- | --- | --- | --- |");
    String[] names = {"OFFENSE (ABUSE, INSULT, PROFANITY)", "OTHER"};
    for (int r = 0; r < 2; r++) {
      int[] x = byLabel[r];
      OUT.printf(
          Locale.ROOT, "| %s | %d | %d | %d | %d | %d |%n", names[r], x[0], x[1], x[2], x[3], x[4]);
    }
  }
}
