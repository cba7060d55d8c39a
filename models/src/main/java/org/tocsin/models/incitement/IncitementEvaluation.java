package org.tocsin.models.incitement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.PostScorer;
import org.tocsin.core.score.Score;

/**
 * Scores every post of an {@link IncitementSet} with a {@link PostScorer} and measures its {@code
 * incitement} score against the {@code incitement} label: the threshold is the one with the best F1
 * on dev, and test is measured at that threshold (and by PR-AUC, which needs no threshold).
 *
 * <p>The posts carry no reach: no followers, reposts or replies are known, so the speaker and
 * extent factors are 0 for every post and the measurement is of what the text alone gives.
 */
public final class IncitementEvaluation {
  private IncitementEvaluation() {}

  /** One scored post. */
  public record Scored(IncitementSet.Post post, double incitement) {}

  /**
   * The outcome.
   *
   * @param scorer the scorer's model name and version
   * @param dev the dev posts with their scores
   * @param test the test posts with their scores
   * @param devBest the dev threshold with the best F1, and dev's numbers there
   * @param testAtDevThreshold test's numbers at that threshold
   * @param devAveragePrecision PR-AUC on dev
   * @param testAveragePrecision PR-AUC on test
   */
  public record Report(
      String scorer,
      List<Scored> dev,
      List<Scored> test,
      RankingMetrics.AtThreshold devBest,
      RankingMetrics.AtThreshold testAtDevThreshold,
      double devAveragePrecision,
      double testAveragePrecision) {

    /**
     * Mean incitement score per gold label in one split, labels in {@link IncitementSet#LABELS}.
     */
    public Map<String, double[]> meanByLabel(List<Scored> split) {
      return sumAndCountByLabel(split);
    }
  }

  /** Scores the set and measures it; the scorer must not throw (PostScorer's contract). */
  public static Report run(PostScorer scorer, IncitementSet set) {
    Objects.requireNonNull(scorer, "scorer");
    List<Scored> dev = score(scorer, set.split("dev"));
    List<Scored> test = score(scorer, set.split("test"));
    if (dev.isEmpty() || test.isEmpty()) {
      throw new IllegalArgumentException(
          "the set needs dev and test posts [got "
              + dev.size()
              + " dev, "
              + test.size()
              + " test]");
    }
    RankingMetrics devMetrics = metrics(dev);
    RankingMetrics testMetrics = metrics(test);
    RankingMetrics.AtThreshold devBest = devMetrics.bestF1();
    return new Report(
        scorer.model() + " v" + scorer.version(),
        dev,
        test,
        devBest,
        testMetrics.at(devBest.threshold()),
        devMetrics.averagePrecision(),
        testMetrics.averagePrecision());
  }

  /**
   * {sum, count} of the incitement score per gold label, labels in {@link IncitementSet#LABELS}.
   */
  public static Map<String, double[]> sumAndCountByLabel(List<Scored> split) {
    Map<String, double[]> out = new LinkedHashMap<>();
    IncitementSet.LABELS.forEach(l -> out.put(l, new double[2]));
    for (Scored s : split) {
      double[] a = out.get(s.post().label());
      a[0] += s.incitement();
      a[1]++;
    }
    return out;
  }

  /**
   * Scores the dev half only, for improving a scorer without reading test: the test posts are not
   * scored at all.
   *
   * @throws IllegalArgumentException if the set has no dev posts
   */
  public static List<Scored> scoreDev(PostScorer scorer, IncitementSet set) {
    Objects.requireNonNull(scorer, "scorer");
    List<Scored> dev = score(scorer, set.split("dev"));
    if (dev.isEmpty()) {
      throw new IllegalArgumentException("the set needs dev posts [got 0]");
    }
    return dev;
  }

  /** The metrics of the scored posts against their {@code incitement} label. */
  public static RankingMetrics metrics(List<Scored> scored) {
    double[] s = new double[scored.size()];
    boolean[] g = new boolean[scored.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = scored.get(i).incitement();
      g[i] = scored.get(i).post().incitement();
    }
    return new RankingMetrics(s, g);
  }

  private static List<Scored> score(PostScorer scorer, List<IncitementSet.Post> posts) {
    List<Scored> out = new ArrayList<>(posts.size());
    for (IncitementSet.Post p : posts) {
      Score s = scorer.score(asPost(p));
      out.add(new Scored(p, s.incitement()));
    }
    return out;
  }

  /** The set's post as a Post: English, no reach known, a fixed time. */
  static Post asPost(IncitementSet.Post p) {
    return Post.ofText(
        "incitement-set",
        p.id(),
        new Author(p.source(), p.source(), null, null, null),
        Instant.EPOCH,
        p.text(),
        "en");
  }
}
