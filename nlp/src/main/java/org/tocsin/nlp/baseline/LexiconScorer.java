package org.tocsin.nlp.baseline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Metrics;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.Explanation;
import org.tocsin.core.score.Factor;
import org.tocsin.core.score.Factors;
import org.tocsin.core.score.PostScorer;
import org.tocsin.core.score.Score;
import org.tocsin.nlp.lang.LanguageCodes;
import org.tocsin.nlp.text.TokenizedText;
import org.tocsin.nlp.text.WordTokenizer;

/**
 * A transparent baseline scorer: lexicon hits combined by fixed, documented formulas. It exists so
 * that capture, scoring and indexing run end to end; it is not a trained model and its numbers are
 * not calibrated probabilities. Trained CoreNLP and DL4J scorers replace it.
 *
 * <p>The post text is split by {@link WordTokenizer}; lexicon terms are matched longest first. Each
 * hit has the weight {@code w} in (0, 1] given in the lexicon. A <em>target</em> is a group or slur
 * hit. A violence, dehumanising or insult hit is <em>aimed</em> with strength
 *
 * <pre>{@code
 * a = w * (0.5 + 0.5 * w_t)         if a target t lies within 6 tokens (the nearest one)
 * a = 0.3 * w * (0.5 + 0.5 * w_t)   if the post has targets but none that close (t = strongest)
 * a = 0                             if the post names no group
 * }</pre>
 *
 * <p>The scores, with every sum {@code S(...)} capped at 1.5:
 *
 * <pre>{@code
 * z_hate      = -3.5 + 4 S(slur w) + 3 S(dehumanising a) + 4 S(violence a) + 2.5 S(insult a)
 * z_offensive = -3.0 + 3 S(insult w) + 1.5 S(slur w)
 * hate, offensive = softmax(z_hate, z_offensive, 0)      so hate + offensive < 1
 * dehumanization  = 1 - prod(1 - 0.9 a) over dehumanising hits
 * V               = max a over violence hits             (violence aimed at a group)
 * content    = min(1, 0.55 V + 0.3 dehumanization + 0.15 max slur w)
 * intent     = max of: w_call * w_violence for a call to action within 4 tokens of a violence
 *              term (halved if that violence term has no group within 6 tokens); 0.5 w for a
 *              violence term opening a sentence (imperative); 0.1 w_call alone
 * likelihood = 1 - prod(1 - w) over distinct imminence cues
 * extent     = min(1, log10(1 + reposts + replies) / 5)  (100,000 shares give 1)
 * speaker    = min(1, log10(1 + followers) / 7)          (10 million followers give 1)
 * context    = 0                                         (no watchlist context yet)
 * incitement = V * (0.2 content + 0.6 intent + 0.1 likelihood + 0.05 extent + 0.05 speaker)
 * }</pre>
 *
 * <p>Every score is rounded to 4 decimals ({@code hate} and {@code offensive} rounded down).
 *
 * <p>So incitement is 0 unless a violence term is aimed at a group, and reach or a large audience
 * alone never raise it. A target's confidence is a noisy-or: {@code 1 - (1 - 0.3 w_mention)(1 -
 * (0.35 + 0.55 w_slur))(prod over nearby hostile hits (1 - 0.5 w))}, at most 0.99; a group that is
 * merely mentioned gets at most 0.3. Explanation tokens carry the weight each hit contributed:
 * {@code w} for slurs, {@code a} for aimed violence or dehumanisation (else {@code 0.25 w}), the
 * intent term for calls to action, {@code 0.5 w} for imminence and insults, {@code 0.2 w} for group
 * names.
 *
 * <p>Languages: the English lexicon ({@value #DEFAULT_LEXICON_RESOURCE}) and one lexicon each for
 * {@link #BUNDLED_LANGUAGES}. A post is matched against the lexicon of its language tag's primary
 * subtag; a post without a tag, or in a language without its own lexicon, against the English one
 * (and its score's notes say so). Matching the English lexicon against other languages is what the
 * per-language lexicons avoid: German {@code die} ("the") is an English violence term.
 *
 * <p>Known limits, also stated in every score's notes: no negation, quotation, irony or reported
 * speech ("they said we must kill the X" scores like the call itself); no word sense ("gay" as
 * happy, "kill" in "killing it"); coded language and misspellings are missed unless listed.
 *
 * <p>Thread-safe and immutable. {@link #score} never throws for any post content; work is bounded
 * by the tokenizer's limits.
 */
public final class LexiconScorer implements PostScorer {

  /** The model name written into every score. */
  public static final String MODEL = "tocsin-lexicon-baseline";

  /** The model version written into every score. */
  public static final String VERSION = "2";

  /** The classpath resource, next to this class, holding the default (English) lexicon. */
  public static final String DEFAULT_LEXICON_RESOURCE = "lexicon-v1.tsv";

  /**
   * The languages with a lexicon of their own in this jar, each in {@code lexicon-<lang>-v1.tsv}
   * next to this class.
   */
  public static final List<String> BUNDLED_LANGUAGES = List.of("de", "fr", "es", "ru", "ar", "my");

  // Weights of the factors in incitement (sum 1), chosen on the dev half of the incitement set
  // (models/incitement) among 0.45/0.25 (version 1), 0.3/0.5, 0.4/0.4 and 0.2/0.6 for content /
  // intent: 0.2/0.6 had the best dev PR-AUC. Version 1 had 0.45 / 0.25 / 0.15 / 0.075 / 0.075.
  static final double W_CONTENT = 0.2;
  static final double W_INTENT = 0.6;
  static final double W_LIKELIHOOD = 0.1;
  static final double W_EXTENT = 0.05;
  static final double W_SPEAKER = 0.05;

  private static final System.Logger LOG = System.getLogger(LexiconScorer.class.getName());
  private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

  private final Lexicon lexicon;
  private final Map<String, Lexicon> byLanguage;
  private final Map<Lexicon, String> baseNotes = new IdentityHashMap<>();

  private LexiconScorer(Lexicon fallback, List<Lexicon> others) {
    this.lexicon = Objects.requireNonNull(fallback, "lexicon");
    Map<String, Lexicon> languages = new TreeMap<>();
    languages.put(fallback.language(), fallback);
    for (Lexicon l : others) {
      if (languages.putIfAbsent(l.language(), l) != null) {
        throw new IllegalArgumentException(
            "two lexicons for language '" + l.language() + "' [got " + l.name() + "]");
      }
    }
    this.byLanguage = Collections.unmodifiableMap(languages);
    for (Lexicon l : languages.values()) {
      baseNotes.put(
          l,
          "baseline lexicon scorer (lexicon "
              + l.name()
              + ", "
              + l.size()
              + " entries): no context model; negation and quotation are not detected");
    }
  }

  /** A scorer over one lexicon, used for posts of every language. */
  public static LexiconScorer of(Lexicon lexicon) {
    return new LexiconScorer(lexicon, List.of());
  }

  /**
   * A scorer over a lexicon per language.
   *
   * @param fallback for posts without a language tag or in a language none of {@code others} is for
   * @param others lexicons for other languages, at most one per language
   * @throws IllegalArgumentException if two lexicons are for the same language
   */
  public static LexiconScorer of(Lexicon fallback, List<Lexicon> others) {
    return new LexiconScorer(fallback, List.copyOf(others));
  }

  /**
   * A scorer over the lexicon shipped in this jar ({@value #DEFAULT_LEXICON_RESOURCE}).
   *
   * @throws IllegalStateException if the resource is missing (a broken build)
   * @throws UncheckedIOException if the resource cannot be read or is malformed
   */
  public static LexiconScorer loadDefault() {
    Lexicon english = bundled(DEFAULT_LEXICON_RESOURCE);
    List<Lexicon> others = new ArrayList<>(BUNDLED_LANGUAGES.size());
    for (String lang : BUNDLED_LANGUAGES) {
      others.add(bundled("lexicon-" + lang + "-v1.tsv"));
    }
    return new LexiconScorer(english, others);
  }

  private static Lexicon bundled(String resource) {
    String name = LexiconScorer.class.getPackageName().replace('.', '/') + "/" + resource;
    try (InputStream in = LexiconScorer.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("classpath resource missing [got no " + name + "]");
      }
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()));
      return Lexicon.read(reader, "classpath:" + name);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled lexicon " + name, e);
    }
  }

  /**
   * A scorer over a lexicon file (UTF-8, the format described on {@link Lexicon}).
   *
   * @throws LexiconFormatException if the file is not a lexicon of a supported version or has a
   *     malformed line; the message names the file and the line
   * @throws IOException if the file cannot be read or is not valid UTF-8
   */
  public static LexiconScorer load(Path path) throws IOException {
    Objects.requireNonNull(path, "path");
    try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return new LexiconScorer(Lexicon.read(reader, path.toString()), List.of());
    }
  }

  /** The lexicon for posts without a language tag or in a language without its own lexicon. */
  public Lexicon lexicon() {
    return lexicon;
  }

  /** Every lexicon by its language ({@code en}, {@code de} ...). */
  public Map<String, Lexicon> lexicons() {
    return byLanguage;
  }

  /**
   * The lexicon for a post in the given language: the one for the tag's primary subtag, else the
   * fallback.
   *
   * @param languageTag a BCP-47 tag as a post carries it ({@code de}, {@code de-AT}, {@code
   *     pt_BR}), or {@code null}
   */
  public Lexicon lexiconFor(String languageTag) {
    String primary = primarySubtag(languageTag);
    return primary == null ? lexicon : byLanguage.getOrDefault(primary, lexicon);
  }

  private static String primarySubtag(String tag) {
    if (tag == null) {
      return null;
    }
    String t = tag.strip();
    int end = 0;
    while (end < t.length() && end < 4 && isAsciiLetter(t.charAt(end))) {
      end++;
    }
    if (end < 2 || end > 3 || (end < t.length() && t.charAt(end) != '-' && t.charAt(end) != '_')) {
      return null;
    }
    String primary = t.substring(0, end).toLowerCase(Locale.ROOT);
    return LanguageCodes.iso6391(primary);
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  @Override
  public String model() {
    return MODEL;
  }

  @Override
  public String version() {
    return VERSION;
  }

  /** Scores one post; never throws for any content (see the class comment for the formulas). */
  @Override
  public Score score(Post post) {
    Objects.requireNonNull(post, "post");
    try {
      return scoreUnchecked(post);
    } catch (RuntimeException e) {
      // A bug, not bad input: keep the pipeline running and say so in the score.
      LOG.log(System.Logger.Level.WARNING, "baseline scorer failed on a post", e);
      return new Score(
          MODEL,
          VERSION,
          0,
          0,
          0,
          0,
          List.of(),
          Factors.NONE,
          new Explanation(
              List.of(),
              List.of(),
              List.of(
                  baseNotes.get(lexicon),
                  "the scorer could not judge this post ("
                      + e.getClass().getSimpleName()
                      + "); all scores are 0")));
    }
  }

  private Score scoreUnchecked(Post post) {
    TokenizedText text = WordTokenizer.tokenize(post.text());
    Lexicon used = lexiconFor(post.lang());
    Analysis a = new Analysis(LexiconMatcher.match(used, text.tokens(), post.text()));
    double[] hateOffensive = a.hateAndOffensive();
    Factor content = a.content();
    Factor intent = a.intent();
    Factor likelihood = a.likelihood();
    Factor extent = extent(post.metrics());
    Factor speaker = speaker(post.author());
    Factor context = new Factor(0, List.of("no watchlist context yet"));
    double incitement =
        Analysis.clamp(
            a.aimedViolence()
                * (W_CONTENT * content.score()
                    + W_INTENT * intent.score()
                    + W_LIKELIHOOD * likelihood.score()
                    + W_EXTENT * extent.score()
                    + W_SPEAKER * speaker.score()));
    Explanation explanation =
        new Explanation(a.tokenWeights(), a.lexiconHits(used.name()), notes(post, used, text, a));
    return new Score(
        MODEL,
        VERSION,
        hateOffensive[0],
        hateOffensive[1],
        incitement,
        a.dehumanization(),
        a.targets(),
        new Factors(context, speaker, intent, content, extent, likelihood),
        explanation);
  }

  private List<String> notes(Post post, Lexicon used, TokenizedText text, Analysis a) {
    List<String> notes = new ArrayList<>(4);
    notes.add(baseNotes.get(used));
    if (text.tokens().isEmpty()) {
      notes.add("no words found in the text");
    }
    if (text.truncated()) {
      notes.add(
          String.format(
              Locale.ROOT,
              "text too long: only the first %,d characters (at most %,d words) were read",
              WordTokenizer.MAX_CHARS,
              WordTokenizer.MAX_TOKENS));
    }
    String lang = post.lang();
    if (lang != null && !lang.isBlank() && !used.language().equals(primarySubtag(lang))) {
      String tag = lang.strip();
      String covered = String.join(", ", byLanguage.keySet());
      notes.add(
          LANGUAGE_TAG.matcher(tag).matches() && tag.length() <= 35
              ? "no lexicon for post language '"
                  + tag
                  + "' (lexicons: "
                  + covered
                  + "); the "
                  + used.language()
                  + " lexicon was used"
              : "the post's language tag is not a language code; the "
                  + used.language()
                  + " lexicon was used");
    }
    if (a.violenceWithoutAim()) {
      notes.add("violence terms found but none aimed at a group term, so incitement is 0");
    }
    return notes;
  }

  private static Factor extent(Metrics metrics) {
    Long reposts = metrics.reposts();
    Long replies = metrics.replies();
    if (reposts == null && replies == null) {
      return new Factor(0, List.of("reposts and replies not reported"));
    }
    List<String> evidence = new ArrayList<>(2);
    double shares = 0;
    if (reposts != null) {
      long n = Math.max(0, reposts);
      shares += n;
      evidence.add(count(n, "repost", "reposts"));
    }
    if (replies != null) {
      long n = Math.max(0, replies);
      shares += n;
      evidence.add(count(n, "reply", "replies"));
    }
    return new Factor(Analysis.clamp(Math.log10(1 + shares) / 5), evidence);
  }

  private static Factor speaker(Author author) {
    Long followers = author.followers();
    if (followers == null) {
      return new Factor(0, List.of("follower count not reported"));
    }
    long n = Math.max(0, followers);
    return new Factor(
        Analysis.clamp(Math.log10(1 + (double) n) / 7),
        List.of("author has " + count(n, "follower", "followers")));
  }

  private static String count(long n, String one, String many) {
    return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
  }
}
