package org.tocsin.nlp.cascade;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.Explanation;
import org.tocsin.core.score.LexiconHit;
import org.tocsin.core.score.PostScorer;
import org.tocsin.core.score.Score;
import org.tocsin.core.score.TargetScore;
import org.tocsin.nlp.batch.ParallelScorer;
import org.tocsin.nlp.corenlp.DeepAnalyzer;
import org.tocsin.nlp.corenlp.DeepEvidence;
import org.tocsin.nlp.corenlp.DeepStage;
import org.tocsin.nlp.lang.LanguageGuess;
import org.tocsin.nlp.lang.LanguageIdentifier;

/**
 * The scoring cascade: the screen (the classifier + lexicon scorer) judges every post; the posts
 * its gate picks ({@link #gate}) and that are English go through CoreNLP's deep stage, whose
 * evidence is merged into the screen's Score by {@link DeepMerge}.
 *
 * <p>Language: the platform's tag is taken when it names a language ({@link
 * LanguageIdentifier#reliableTag}); Lingua runs only on a gated post without such a tag, since only
 * the deep stage needs the language. Lingua and CoreNLP load lazily, on the first post that needs
 * them, so a node whose posts never need them never pays their seconds and hundreds of megabytes.
 *
 * <p>Thread-safe if the screen is. {@link #score} runs on the calling thread; {@link #scoreAll}
 * spreads a batch over {@code threads} workers (the caller is one of them) and returns the scores
 * in the posts' order. Call both from a worker, never an event loop. If the deep stage fails on a
 * post, the screen's score is returned with a note.
 */
public final class CascadeScorer implements PostScorer {

  private static final System.Logger LOG = System.getLogger(CascadeScorer.class.getName());

  /**
   * The longest text (in chars) the deep stage reads; a longer post is cut there, at a code point
   * boundary, and the note says so. Platforms' own limits are 300-500 chars (Bluesky, Mastodon) and
   * 4,000 for long tweets; CoreNLP's cost grows with the text.
   */
  public static final int MAX_DEEP_CHARS = 4_000;

  /** Below this many posts a batch is scored on the calling thread alone. */
  static final int MIN_PARALLEL_BATCH = 8;

  private final PostScorer screen;
  private final Supplier<LanguageIdentifier> languageSource;
  private volatile LanguageIdentifier languages;
  private final Map<String, DeepStage> deep;
  private final CascadeSettings settings;
  private final LongAdder screened = new LongAdder();
  private final LongAdder gated = new LongAdder();
  private final LongAdder deepened = new LongAdder();
  private final LongAdder identified = new LongAdder();
  private final ParallelScorer batches;

  /**
   * A cascade over an identifier that is already loaded.
   *
   * @param deep the deep stage, or {@code null} to run none (as {@code deepStage = false} does)
   */
  public CascadeScorer(
      PostScorer screen,
      LanguageIdentifier languages,
      DeepAnalyzer deep,
      CascadeSettings settings) {
    this(screen, lazy(languages), deep, settings);
    this.languages = languages;
  }

  /**
   * A cascade whose language identifier is built on first need.
   *
   * @param languages builds the identifier (Lingua's models load then); called at most once
   * @param deep the deep stage, or {@code null} to run none (as {@code deepStage = false} does)
   */
  public CascadeScorer(
      PostScorer screen,
      Supplier<LanguageIdentifier> languages,
      DeepAnalyzer deep,
      CascadeSettings settings) {
    this(screen, languages, deep == null ? Map.of() : Map.of("en", deep), settings);
  }

  /**
   * A cascade with a deep stage per language (ISO 639-1 code to its stage, e.g. {@code en} to
   * {@link DeepAnalyzer}, {@code de} to a {@link org.tocsin.nlp.corenlp.ProfileDeepAnalyzer}); a
   * gated post in another language is not sent to CoreNLP. Each stage loads on its first post.
   *
   * @param languages builds the identifier (Lingua's models load then); called at most once
   * @param deep the deep stages; empty to run none (as {@code deepStage = false} does)
   */
  public CascadeScorer(
      PostScorer screen,
      Supplier<LanguageIdentifier> languages,
      Map<String, ? extends DeepStage> deep,
      CascadeSettings settings) {
    this.screen = Objects.requireNonNull(screen, "screen");
    this.languageSource = Objects.requireNonNull(languages, "languages");
    this.settings = Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(deep, "deep");
    this.deep = settings.deepStage() && !deep.isEmpty() ? Map.copyOf(deep) : null;
    // the posts that go deep (tens of times the screen's cost) bunch up in a batch: the workers
    // claim one post at a time
    this.batches =
        new ParallelScorer(
            this, this::score, settings.threads(), MIN_PARALLEL_BATCH, "tocsin-cascade-");
  }

  private static Supplier<LanguageIdentifier> lazy(LanguageIdentifier l) {
    Objects.requireNonNull(l, "languages");
    return () -> l;
  }

  @Override
  public String model() {
    return screen.model();
  }

  @Override
  public String version() {
    return screen.version();
  }

  /**
   * Counts since construction: posts scored, posts the gate picked, posts that went through
   * CoreNLP, posts Lingua identified.
   */
  public long[] counts() {
    return new long[] {screened.sum(), gated.sum(), deepened.sum(), identified.sum()};
  }

  /** Whether Lingua's models have been loaded (by a post that needed them). */
  public boolean languagesLoaded() {
    return languages != null;
  }

  /**
   * Why the screen's score sends a post to the deep stage, or {@code null} if it does not: a
   * violence or call-to-action lexicon term together with a target-group signal (a group, slur or
   * dehumanisation term, or a classifier target at {@code targetThreshold} or above), or an
   * incitement pre-score at {@code incitementThreshold} or above. Abusiveness alone never does.
   */
  public String gate(Score s) {
    String act = null;
    String group = null;
    for (LexiconHit h : s.explanation().lexicon()) {
      switch (h.category()) {
        case "violence", "call_to_action" -> act = act == null ? h.term() : act;
        case "group", "slur", "dehumanization" -> group = group == null ? h.term() : group;
        default -> {}
      }
    }
    if (group == null) {
      for (TargetScore t : s.targets()) {
        if (t.confidence() >= settings.targetThreshold()) {
          group = t.group();
          break;
        }
      }
    }
    if (act != null && group != null) {
      return "'" + act + "' with target signal '" + group + "'";
    }
    if (s.incitement() >= settings.incitementThreshold()) {
      return String.format(
          Locale.ROOT,
          "incitement pre-score %.3f >= %.2f",
          s.incitement(),
          settings.incitementThreshold());
    }
    return null;
  }

  /** Whether the screen's score sends a post to the deep stage ({@link #gate} is not null). */
  public boolean flags(Score s) {
    return gate(s) != null;
  }

  /** Scores one post on the calling thread; never throws for any content. */
  @Override
  public Score score(Post post) {
    Objects.requireNonNull(post, "post");
    screened.increment();
    Score s = screen.score(post);
    List<String> notes = new ArrayList<>(s.explanation().notes());
    String tag = LanguageIdentifier.reliableTag(post.lang());
    if (deep == null) {
      notes.add(settle(post, tag, false).note());
      notes.add("deep stage: off");
      return withNotes(s, notes);
    }
    String why = gate(s);
    if (why == null) {
      notes.add(settle(post, tag, false).note());
      notes.add("deep stage: not run (the screen's gate did not pick the post)");
      return withNotes(s, notes);
    }
    gated.increment();
    LanguageGuess lang = settle(post, tag, true);
    notes.add(lang.note());
    DeepStage stage = lang.lang() == null ? null : deep.get(lang.lang());
    if (stage == null) {
      notes.add(
          "deep stage: not run (gate: "
              + why
              + (deep.keySet().equals(java.util.Set.of("en"))
                  ? "; CoreNLP runs on English only here)"
                  : "; CoreNLP runs here only on " + new java.util.TreeSet<>(deep.keySet()) + ")"));
      return withNotes(s, notes);
    }
    notes.add("deep stage gate: " + why);
    String text = post.text() == null ? "" : post.text();
    if (text.length() > MAX_DEEP_CHARS) {
      String head = cut(text);
      notes.add(
          "deep stage: read the first "
              + head.length()
              + " of "
              + text.length()
              + " chars (longer texts are cut)");
      text = head;
    }
    try {
      DeepEvidence e = stage.analyze(text, s.explanation().lexicon());
      deepened.increment();
      return DeepMerge.merge(s, e, notes, stage.pipeline(e.namedEntities()));
    } catch (RuntimeException | StackOverflowError ex) {
      LOG.log(System.Logger.Level.WARNING, "the deep stage failed on a post", ex);
      notes.add("deep stage: failed (" + ex.getClass().getSimpleName() + "); screen score kept");
      return withNotes(s, notes);
    }
  }

  /**
   * Scores a batch over {@code threads} workers (the calling thread among them), each claiming the
   * next unscored post; returns when all are scored, the i-th score the i-th post's.
   */
  @Override
  public List<Score> scoreAll(List<Post> posts) {
    return batches.scoreAll(posts);
  }

  /** The first {@link #MAX_DEEP_CHARS} chars of a text, not splitting a surrogate pair. */
  static String cut(String text) {
    int cut = MAX_DEEP_CHARS;
    if (Character.isHighSurrogate(text.charAt(cut - 1))
        && Character.isLowSurrogate(text.charAt(cut))) {
      cut--;
    }
    return text.substring(0, cut);
  }

  /** The post's language: its reliable tag, else Lingua if {@code needed}, else not settled. */
  private LanguageGuess settle(Post post, String tag, boolean needed) {
    if (tag != null) {
      return new LanguageGuess(tag, LanguageGuess.Basis.TAGGED, null, 0);
    }
    if (!needed) {
      return new LanguageGuess(null, LanguageGuess.Basis.NOT_NEEDED, null, 0);
    }
    identified.increment();
    String text = post.text() == null ? "" : post.text();
    try {
      return languages().identify(text.length() > MAX_DEEP_CHARS ? cut(text) : text, post.lang());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "language identification failed on a post", e);
      return new LanguageGuess(null, LanguageGuess.Basis.UNKNOWN, null, 0);
    }
  }

  private LanguageIdentifier languages() {
    LanguageIdentifier l = languages;
    if (l == null) {
      synchronized (this) {
        l = languages;
        if (l == null) {
          l = Objects.requireNonNull(languageSource.get(), "the language identifier");
          languages = l;
        }
      }
    }
    return l;
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
