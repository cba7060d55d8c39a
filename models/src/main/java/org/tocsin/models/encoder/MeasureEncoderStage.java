package org.tocsin.models.encoder;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.tocsin.core.SuppressForbidden;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.PostScorer;
import org.tocsin.core.score.Score;
import org.tocsin.models.functional.FunctionalCase;
import org.tocsin.models.functional.FunctionalSuite;
import org.tocsin.models.functional.Part;
import org.tocsin.models.hatexplain.Evaluation;
import org.tocsin.models.hatexplain.HateXplainData;
import org.tocsin.nlp.LanguageRoutedScorer;
import org.tocsin.nlp.assembly.ScorerSettings;
import org.tocsin.nlp.assembly.ShippedScorer;
import org.tocsin.nlp.encoder.EncoderHeads;
import org.tocsin.nlp.encoder.EncoderStage;
import org.tocsin.nlp.encoder.SentenceEncoder;

/**
 * The final measurement of the shipped encoder heads, on the held-out sets: HateXplain's test split
 * scored from its text by the shipped scorer with and without the encoder stage (macro-F1,
 * accuracy, the gate's pass rate), and the functional suite's English test cases with the hate head
 * alone (p ≥ 0.5), per function. The functional suite with the whole scorer is {@code tocsin
 * eval-functional}; incitement is {@code tocsin eval-incitement}.
 *
 * <pre>{@code
 * java -cp ... org.tocsin.models.encoder.MeasureEncoderStage [--data ../shared/data] [--split test]
 * }</pre>
 */
public final class MeasureEncoderStage {
  private static final Author AUTHOR = new Author("hatexplain", null, null, null, null);

  private MeasureEncoderStage() {}

  /** Runs; see the class comment. */
  @SuppressForbidden(reason = "a command-line main reports its measurements on standard output")
  public static void main(String[] args) throws IOException {
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    Path data = Path.of("../shared/data");
    String split = "test";
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--data" -> data = Path.of(args[i + 1]);
        case "--split" -> split = args[i + 1];
        default -> throw new IllegalArgumentException("unknown argument [got " + args[i] + "]");
      }
    }
    LanguageRoutedScorer router = ShippedScorer.router(ScorerSettings.DEFAULTS);
    EncoderStage stage = EncoderStage.loadDefault();
    List<HateXplainData.Post> posts =
        HateXplainData.read(data.resolve("hatexplain/hatexplain_official_split.jsonl"))
            .split(split);
    out.printf(
        Locale.ROOT, "HateXplain %s: %d posts, scored from their text%n", split, posts.size());
    out.println("without the encoder stage: " + hatexplain(router, posts).summary());
    LanguageRoutedScorer with = router.withEncoder(stage);
    out.println("with the encoder stage:    " + hatexplain(with, posts).summary());
    long[] n = stage.counts();
    out.printf(Locale.ROOT, "gate passed %d of %d posts%n", n[1], n[0]);
    if (split.equals("test")) {
      headAlone(out, stage.heads());
    }
  }

  private static Evaluation hatexplain(PostScorer scorer, List<HateXplainData.Post> posts) {
    List<Post> in = new ArrayList<>();
    for (HateXplainData.Post p : posts) {
      in.add(Post.ofText("hatexplain", p.id(), AUTHOR, Instant.EPOCH, p.text(), "en"));
    }
    List<Score> scores = scorer.scoreAll(in);
    double[][] probs = new double[posts.size()][];
    int[] gold = new int[posts.size()];
    for (int i = 0; i < probs.length; i++) {
      Score s = scores.get(i);
      probs[i] = new double[] {s.hate(), s.offensive(), s.normal()};
      gold[i] = posts.get(i).label();
    }
    return Evaluation.of(probs, gold);
  }

  /** The hate head alone on the functional test part, English (read once, for the report). */
  private static void headAlone(PrintStream out, EncoderHeads heads) throws IOException {
    SentenceEncoder encoder = SentenceEncoder.load();
    Map<String, int[]> byFunction = new TreeMap<>();
    int ok = 0;
    int n = 0;
    for (FunctionalCase c : FunctionalSuite.load(Part.TEST)) {
      if (!c.lang().equals("en")) {
        continue;
      }
      boolean hateful = heads.hate().probability(encoder.embed(c.text())) >= 0.5;
      int[] f = byFunction.computeIfAbsent(c.function().name(), k -> new int[2]);
      f[1]++;
      n++;
      if (hateful == c.hateful()) {
        f[0]++;
        ok++;
      }
    }
    out.printf(
        Locale.ROOT,
        "functional test part, English, hate head alone (p >= 0.5): accuracy %.3f of %d%n",
        ok / (double) n,
        n);
    byFunction.forEach(
        (f, v) ->
            out.printf(
                Locale.ROOT,
                "| %s | %.3f | %d |%n",
                f.toLowerCase(Locale.ROOT),
                v[0] / (double) v[1],
                v[1]));
  }
}
