package org.tocsin.models.functional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.PostScorer;
import org.tocsin.core.score.Score;

/**
 * Scores the cases of the suite with a {@link PostScorer}, each case as a {@link Post} with its
 * language tag, or without one (real posts often arrive untagged, and the scorer must then find the
 * language itself).
 */
public final class FunctionalEvaluation {
  /** How many posts go to {@link PostScorer#scoreAll} at once. */
  static final int BATCH = 256;

  private static final Author AUTHOR = new Author("functional-suite", null, null, null, null);

  private FunctionalEvaluation() {}

  /** The post scored for {@code c}: its text, its id, and its language when {@code tagged}. */
  public static Post post(FunctionalCase c, boolean tagged) {
    return Post.ofText(
        "functional", c.id(), AUTHOR, Instant.EPOCH, c.text(), tagged ? c.lang() : null);
  }

  /**
   * The full evaluation of {@code scorer} on {@code cases} (one part): every case tagged with its
   * language, then the cases of every language but English again without a tag.
   */
  public static FunctionalReport report(PostScorer scorer, Part part, List<FunctionalCase> cases) {
    List<FunctionalCase> notEnglish = cases.stream().filter(c -> !c.lang().equals("en")).toList();
    return new FunctionalReport(
        part,
        scorer.model(),
        scorer.version(),
        run(scorer, cases, true),
        run(scorer, notEnglish, false));
  }

  /** Scores every case, in order, tagged with its language or not. */
  public static List<Outcome> run(PostScorer scorer, List<FunctionalCase> cases, boolean tagged) {
    List<Outcome> out = new ArrayList<>(cases.size());
    for (int from = 0; from < cases.size(); from += BATCH) {
      List<FunctionalCase> batch = cases.subList(from, Math.min(cases.size(), from + BATCH));
      List<Post> posts = new ArrayList<>(batch.size());
      for (FunctionalCase c : batch) {
        posts.add(post(c, tagged));
      }
      List<Score> scores = scorer.scoreAll(posts);
      if (scores.size() != posts.size()) {
        throw new IllegalStateException(
            "scorer "
                + scorer.model()
                + " returned "
                + scores.size()
                + " scores for "
                + posts.size()
                + " posts");
      }
      for (int i = 0; i < batch.size(); i++) {
        Score s = scores.get(i);
        out.add(
            new Outcome(batch.get(i), tagged, s.label().equals("hate"), s.hate(), s.incitement()));
      }
    }
    return out;
  }
}
