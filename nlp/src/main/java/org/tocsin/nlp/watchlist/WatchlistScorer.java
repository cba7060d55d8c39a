package org.tocsin.nlp.watchlist;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.Explanation;
import org.tocsin.core.score.Factor;
import org.tocsin.core.score.Factors;
import org.tocsin.core.score.LexiconHit;
import org.tocsin.core.score.PostScorer;
import org.tocsin.core.score.Score;
import org.tocsin.nlp.text.Token;
import org.tocsin.nlp.text.WordTokenizer;

/**
 * Adds the analysts' watchlists to another scorer's scores: a post that uses a watched term gets
 * the watchlist's risk as its Rabat context factor (the highest, if several match), the hits as
 * lexicon hits, and, when the post already reads as incitement, an incitement raised toward that
 * risk. Watchlists can be replaced at any time ({@link #setWatchlists}); the next score uses them.
 * Thread-safe.
 */
public final class WatchlistScorer implements PostScorer {
  /**
   * How much a matching context raises incitement: {@code incitement + WEIGHT * risk * (1 -
   * incitement)}.
   */
  public static final double CONTEXT_WEIGHT = 0.25;

  private final PostScorer delegate;

  /** A watchlist with its terms tokenised the way post text is. */
  private record Compiled(Watchlist list, List<String> terms) {}

  private final AtomicReference<List<Compiled>> watchlists = new AtomicReference<>(List.of());

  /** Wraps a scorer. */
  public WatchlistScorer(PostScorer delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** Replaces the watchlists; scores from now on use these. */
  public void setWatchlists(List<Watchlist> lists) {
    List<Compiled> compiled = new ArrayList<>();
    for (Watchlist w : lists) {
      List<String> terms = new ArrayList<>();
      for (String t : w.terms()) {
        String n = normalised(t);
        if (!n.isEmpty()) {
          terms.add(n);
        }
      }
      compiled.add(new Compiled(w, terms));
    }
    watchlists.set(List.copyOf(compiled));
  }

  @Override
  public String model() {
    return delegate.model();
  }

  @Override
  public String version() {
    return delegate.version();
  }

  @Override
  public Score score(Post post) {
    return watched(post, delegate.score(post));
  }

  /** Scores the batch with the wrapped scorer (which may spread it over threads), in order. */
  @Override
  public List<Score> scoreAll(List<Post> posts) {
    List<Score> scores = delegate.scoreAll(posts);
    List<Score> out = new ArrayList<>(scores.size());
    for (int i = 0; i < scores.size(); i++) {
      out.add(watched(posts.get(i), scores.get(i)));
    }
    return out;
  }

  private Score watched(Post post, Score s) {
    List<Compiled> lists = watchlists.get();
    if (lists.isEmpty()) {
      return s;
    }
    String text = " " + normalised(post.text()) + " ";
    List<LexiconHit> hits = new ArrayList<>();
    List<String> evidence = new ArrayList<>();
    double risk = 0;
    for (Compiled c : lists) {
      Watchlist w = c.list();
      for (String term : c.terms()) {
        if (text.contains(" " + term + " ")) {
          hits.add(new LexiconHit(term, "watchlist", "watchlist:" + w.id()));
          evidence.add(
              String.format(
                  Locale.ROOT,
                  "watchlist '%s' (%s, risk %.2f): '%s'",
                  w.name(),
                  w.context(),
                  w.risk(),
                  term));
          risk = Math.max(risk, w.risk());
        }
      }
    }
    if (hits.isEmpty()) {
      return s;
    }
    Factors f = s.factors();
    Factors factors =
        new Factors(
            new Factor(Math.max(f.context().score(), risk), evidence),
            f.speaker(),
            f.intent(),
            f.content(),
            f.extent(),
            f.likelihood());
    List<LexiconHit> lexicon = new ArrayList<>(s.explanation().lexicon());
    lexicon.addAll(hits);
    List<String> notes = new ArrayList<>(s.explanation().notes());
    notes.add("context from analyst watchlists: " + hits.size() + " term(s) matched");
    double incitement =
        s.incitement() > 0
            ? Math.min(1, s.incitement() + CONTEXT_WEIGHT * risk * (1 - s.incitement()))
            : 0;
    return new Score(
        s.model(),
        s.version(),
        s.hate(),
        s.offensive(),
        incitement,
        s.dehumanization(),
        s.targets(),
        factors,
        new Explanation(s.explanation().tokens(), lexicon, notes));
  }

  private static String normalised(String text) {
    StringBuilder sb = new StringBuilder();
    for (Token t : WordTokenizer.tokenize(text).tokens()) {
      sb.append(t.text()).append(' ');
    }
    return sb.toString().strip();
  }
}
