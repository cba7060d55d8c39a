package org.tocsin.nlp.cascade;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.Explanation;
import org.tocsin.core.score.LexiconHit;
import org.tocsin.core.score.PostScorer;
import org.tocsin.core.score.Score;
import org.tocsin.nlp.corenlp.DeepAnalyzer;
import org.tocsin.nlp.corenlp.DeepEvidence;
import org.tocsin.nlp.lang.LanguageGuess;
import org.tocsin.nlp.lang.LanguageIdentifier;

/**
 * The scoring cascade: the screen (the classifier + lexicon scorer) judges every post, Lingua
 * settles its language, and CoreNLP's deep stage runs only on English posts the screen flags; its
 * evidence is merged into the screen's Score by {@link DeepMerge}.
 *
 * <p>Thread-safe if the screen is. {@link #score} runs CoreNLP on the calling thread: call it from
 * a worker, never an event loop. If the deep stage fails on a post, the screen's score is returned
 * with a note.
 */
public final class CascadeScorer implements PostScorer {

  private static final System.Logger LOG = System.getLogger(CascadeScorer.class.getName());

  private final PostScorer screen;
  private final LanguageIdentifier languages;
  private final DeepAnalyzer deep;
  private final CascadeSettings settings;
  private final LongAdder screened = new LongAdder();
  private final LongAdder deepened = new LongAdder();

  /**
   * A cascade.
   *
   * @param deep the deep stage, or {@code null} to run none (as {@code deepStage = false} does)
   */
  public CascadeScorer(
      PostScorer screen,
      LanguageIdentifier languages,
      DeepAnalyzer deep,
      CascadeSettings settings) {
    this.screen = Objects.requireNonNull(screen, "screen");
    this.languages = Objects.requireNonNull(languages, "languages");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.deep = settings.deepStage() ? deep : null;
  }

  @Override
  public String model() {
    return screen.model();
  }

  @Override
  public String version() {
    return screen.version();
  }

  /** How many posts were scored, and how many of them went through the deep stage. */
  public long[] counts() {
    return new long[] {screened.sum(), deepened.sum()};
  }

  /** Whether the screen's score sends a post to the deep stage. */
  public boolean flags(Score s) {
    if (s.hate() + s.offensive() >= settings.abusiveThreshold()) {
      return true;
    }
    if (Math.max(s.dehumanization(), s.incitement()) >= settings.lexiconThreshold()) {
      return true;
    }
    for (LexiconHit h : s.explanation().lexicon()) {
      if ("violence".equals(h.category()) || "call_to_action".equals(h.category())) {
        return true;
      }
    }
    return false;
  }

  /** Scores one post; never throws for any content. */
  @Override
  public Score score(Post post) {
    Objects.requireNonNull(post, "post");
    screened.increment();
    Score s = screen.score(post);
    LanguageGuess lang = languages.identify(post.text(), post.lang());
    List<String> notes = new ArrayList<>(s.explanation().notes());
    notes.add(lang.note());
    if (deep == null) {
      notes.add("deep stage: off");
      return withNotes(s, notes);
    }
    if (!flags(s)) {
      notes.add("deep stage: not run (the screen did not flag the post)");
      return withNotes(s, notes);
    }
    if (!"en".equals(lang.lang())) {
      notes.add("deep stage: not run (CoreNLP runs on English only here)");
      return withNotes(s, notes);
    }
    try {
      DeepEvidence e = deep.analyze(post.text());
      deepened.increment();
      return DeepMerge.merge(s, e, notes);
    } catch (RuntimeException ex) {
      LOG.log(System.Logger.Level.WARNING, "the deep stage failed on a post", ex);
      notes.add("deep stage: failed (" + ex.getClass().getSimpleName() + "); screen score kept");
      return withNotes(s, notes);
    }
  }

  private static Score withNotes(Score s, List<String> notes) {
    Explanation x = s.explanation();
    return new Score(
        s.model(),
        s.version(),
        s.hate(),
        s.offensive(),
        s.incitement(),
        s.dehumanization(),
        s.targets(),
        s.factors(),
        new Explanation(x.tokens(), x.lexicon(), notes));
  }
}
