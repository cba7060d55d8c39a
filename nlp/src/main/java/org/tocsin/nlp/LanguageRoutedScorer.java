package org.tocsin.nlp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.Explanation;
import org.tocsin.core.score.PostScorer;
import org.tocsin.core.score.Score;
import org.tocsin.nlp.baseline.LexiconScorer;
import org.tocsin.nlp.classifier.HateClassifier;
import org.tocsin.nlp.encoder.EncoderStage;
import org.tocsin.nlp.harm.GroupBlindScorer;
import org.tocsin.nlp.harm.HarmGrammar;
import org.tocsin.nlp.harm.HarmStage;
import org.tocsin.nlp.harm.HarmVocabulary;
import org.tocsin.nlp.lang.LanguageCodes;
import org.tocsin.nlp.lang.LanguageIdentifier;
import org.tocsin.nlp.lang.ScriptGuess;
import org.tocsin.nlp.lang.WordGuess;

/**
 * Picks the hate / offensive / normal model by the post's language: a post whose {@link Post#lang}
 * has a model of its own (German {@code hate-de}, Arabic {@code hate-ar}, Amharic {@code hate-am},
 * Burmese {@code hate-my} …) is scored by a {@link ModelScorer} over that classifier, and its
 * {@link Score} names that model and version ({@code model = "hate-de"}, {@code version = "1"}); a
 * post in a language with a lexicon but no classifier (French, Spanish, Russian) is scored by that
 * language's lexicon alone ({@code model = "tocsin-lexicon-baseline"}): the English model's n-grams
 * do not read it; any other post goes to the fallback (the English scorer).
 *
 * <p>A post without a usable language tag (none, blank, or one that names no language: {@code und},
 * Twitter's {@code qme} …; see {@link LanguageIdentifier#reliableTag}) has its language guessed,
 * cheaply: first from its script ({@link ScriptGuess}: Myanmar, Ethiopic, Arabic without Persian or
 * Urdu letters), then from its function words ({@link WordGuess}: en, de, fr, es, it, pt, nl, pl).
 * A guess routes the post as a tag would, and the first note of its Score says that the language
 * was guessed and how; a post neither guess decides goes to the fallback with a note saying so.
 *
 * <p>The language is matched on the primary subtag of the BCP-47 tag, case-insensitively ({@code
 * de-AT} and {@code DE} are German); the ISO 639-2 codes {@code deu}, {@code ger}, {@code ara},
 * {@code amh}, {@code mya} and {@code bur} are accepted too. A post in a language without a model
 * gets a note saying that the fallback judged it.
 *
 * <p>Per-language scorers have no target classifier (the shipped one is English); targets,
 * dehumanisation, the factors and incitement come from the lexicon of the post's language (German
 * and Arabic have their own; Amharic and Burmese fall back to English), and the occlusion
 * explanation tokens come from the language's classifier, exactly as {@link ModelScorer} does for
 * English.
 *
 * <p>Thread-safe and immutable. {@link #score} never throws for any post content: both sides keep
 * the {@link PostScorer} contract.
 */
public final class LanguageRoutedScorer implements PostScorer {

  /** The start of {@link ModelScorer}'s note on which classifier judged the post. */
  static final String MODEL_NOTE_PREFIX = "hate and offensive from the DL4J classifier";

  /**
   * One language's scorer.
   *
   * @param language the primary language subtag, lower-case ({@code de})
   * @param scorer scores that language's posts
   * @param model the model name its scores carry ({@code hate-de})
   * @param version the model version its scores carry
   * @param note replaces the scorer's note on which classifier judged the post
   */
  public record Route(
      String language, PostScorer scorer, String model, String version, String note) {
    /** Checks the fields. */
    public Route {
      Objects.requireNonNull(scorer, "scorer");
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(note, "note");
      if (language == null || !language.matches("[a-z]{2,3}")) {
        throw new IllegalArgumentException(
            "language must be a lower-case 2- or 3-letter subtag [got " + language + "]");
      }
    }
  }

  /**
   * The languages whose classifier is checked for hate resting on a group's name alone ({@link
   * GroupBlindScorer}), with the neutral word put in its place: German, whose classifier labelled
   * 20-24 % of neutral or friendly sentences about a group as hate.
   */
  static final Map<String, String> GROUP_BLIND = Map.of("de", "Leute");

  private final PostScorer fallback;
  private final Map<String, Route> routes;
  private final List<Route> routeList;
  private final java.util.Set<String> modelLanguages;
  private final HarmStage harm; // null: no harm grammar
  private final EncoderStage encoder; // null: no encoder stage

  /**
   * A router over a fallback and per-language routes.
   *
   * @param fallback scores posts without a language or in a language without a route
   * @param routes at most one per language
   */
  public LanguageRoutedScorer(PostScorer fallback, List<Route> routes) {
    this(fallback, routes, null);
  }

  /**
   * A router whose every score then goes through the harm grammar of the post's language (its tag,
   * else the language guessed for it).
   *
   * @param harm applied to every score ({@link HarmStage#apply}); null for none
   */
  public LanguageRoutedScorer(PostScorer fallback, List<Route> routes, HarmStage harm) {
    this(fallback, routes, harm, null);
  }

  /**
   * A router whose English scores go through the encoder stage (when its gate lets them) before the
   * harm grammar of the post's language.
   *
   * @param encoder applied to every score before the harm grammar ({@link EncoderStage#apply});
   *     null for none
   */
  public LanguageRoutedScorer(
      PostScorer fallback, List<Route> routes, HarmStage harm, EncoderStage encoder) {
    this.harm = harm;
    this.encoder = encoder;
    this.routeList = List.copyOf(routes);
    this.fallback = Objects.requireNonNull(fallback, "fallback");
    Map<String, Route> m = new LinkedHashMap<>();
    for (Route r : routes) {
      if (m.put(r.language(), r) != null) {
        throw new IllegalArgumentException("two routes for language " + r.language());
      }
    }
    this.routes = Map.copyOf(m);
    java.util.Set<String> models = new java.util.TreeSet<>();
    for (Route r : routes) {
      if (!r.model().equals(LexiconScorer.MODEL)) {
        models.add(r.language());
      }
    }
    this.modelLanguages = java.util.Collections.unmodifiableSet(models);
  }

  /**
   * A router whose languages are scored by {@link ModelScorer}s over the given classifiers (no
   * target classifier, the given lexicon), named by each artifact's manifest; every other language
   * the lexicon has a lexicon of its own for (except the fallback's, English) is scored by the
   * lexicon alone; every score then goes through the bundled harm grammars ({@link
   * HarmStage#loadDefault}) over the same lexicon.
   *
   * @param fallback the English scorer
   * @param lexicon the lexicon the per-language scorers compose with
   * @param classifiers a classifier per primary language subtag ({@code de}, {@code ar} …)
   */
  public static LanguageRoutedScorer of(
      PostScorer fallback, LexiconScorer lexicon, Map<String, HateClassifier> classifiers) {
    List<Route> routes = new ArrayList<>();
    for (Map.Entry<String, HateClassifier> e : classifiers.entrySet()) {
      HateClassifier c = e.getValue();
      String name = c.manifest().name();
      String version = c.manifest().version();
      String data = c.manifest().training().path("data").asText("");
      String note =
          MODEL_NOTE_PREFIX
              + " "
              + name
              + " v"
              + version
              + " (language "
              + e.getKey()
              + (data.isEmpty() ? "" : "; " + data)
              + "), chosen by the post's language; targets, dehumanisation, factors and"
              + " incitement from "
              + LexiconScorer.MODEL
              + " v"
              + LexiconScorer.VERSION;
      PostScorer scorer = new ModelScorer(c, null, lexicon, ModelScorer.DEFAULT_EXPLAIN_THRESHOLD);
      String neutral = GROUP_BLIND.get(e.getKey());
      if (neutral != null) {
        HarmVocabulary v = HarmVocabulary.bundled(e.getKey(), lexicon.lexicons().get(e.getKey()));
        scorer = new GroupBlindScorer(scorer, new HarmGrammar(v), neutral);
      }
      routes.add(new Route(e.getKey(), scorer, name, version, note));
    }
    for (String language : lexicon.lexicons().keySet()) {
      if (classifiers.containsKey(language) || language.equals(lexicon.lexicon().language())) {
        continue;
      }
      routes.add(
          new Route(
              language,
              lexicon,
              LexiconScorer.MODEL,
              LexiconScorer.VERSION,
              "hate, offensive, targets, dehumanisation, factors and incitement from the "
                  + language
                  + " lexicon of "
                  + LexiconScorer.MODEL
                  + " v"
                  + LexiconScorer.VERSION
                  + " alone: no classifier for language "
                  + language
                  + ", and the English one does not read it"));
    }
    return new LanguageRoutedScorer(fallback, routes, HarmStage.loadDefault(lexicon));
  }

  /** This router with the encoder stage applied to English scores before the harm grammar. */
  public LanguageRoutedScorer withEncoder(EncoderStage stage) {
    return new LanguageRoutedScorer(fallback, routeList, harm, stage);
  }

  /** The encoder stage, or {@code null} when there is none. */
  public EncoderStage encoder() {
    return encoder;
  }

  /** The fallback's model name: most posts are scored by it. */
  @Override
  public String model() {
    return fallback.model();
  }

  /** The fallback's model version. */
  @Override
  public String version() {
    return fallback.version();
  }

  /** The languages with a model (a classifier) of their own. */
  public java.util.Set<String> languages() {
    return modelLanguages;
  }

  /** The languages scored by their lexicon alone (no classifier of their own). */
  public java.util.Set<String> lexiconLanguages() {
    java.util.Set<String> out = new java.util.TreeSet<>(routes.keySet());
    out.removeAll(modelLanguages);
    return out;
  }

  /**
   * Scores one post with its language's model, or the fallback's, then applies the harm grammar of
   * its language (tagged or guessed) when there is one.
   */
  @Override
  public Score score(Post post) {
    Objects.requireNonNull(post, "post");
    String tag = LanguageIdentifier.reliableTag(post.lang());
    if (tag == null) {
      Guess g = guess(post.text());
      Score s = untagged(post, g);
      // a post no guess decides is scored by the English fallback, and read by its grammar
      return after(g == null ? "en" : g.language(), post, s);
    }
    String lang = LanguageCodes.iso6391(tag);
    return after(lang, post, tagged(post, lang));
  }

  /** The encoder stage, then the harm grammar, of the language the post was scored in. */
  private Score after(String lang, Post post, Score s) {
    Score e = encoder == null ? s : encoder.apply(lang, post, s);
    return harm == null ? e : harm.apply(lang, post, e);
  }

  /** A post with a usable language tag (ISO 639-1): its language's route, else the fallback. */
  private Score tagged(Post post, String lang) {
    Route route = routes.get(lang);
    if (route != null) {
      return routed(route, post, null);
    }
    Score s = fallback.score(post);
    if (lang.equals("en")) {
      return s;
    }
    List<String> notes = new ArrayList<>(s.explanation().notes());
    notes.add(
        "no model for language '"
            + lang
            + "': scored by the fallback "
            + s.model()
            + " v"
            + s.version());
    return rebuild(s, s.model(), s.version(), notes);
  }

  /**
   * A language guessed for an untagged post.
   *
   * @param language the ISO 639-1 code
   * @param how what it was read from, for the Score's notes
   */
  public record Guess(String language, String how) {}

  /**
   * The language the router takes an untagged text to be in: from its script ({@link ScriptGuess}),
   * else from its function words ({@link WordGuess}); {@code null} if neither decides.
   */
  public static Guess guess(String text) {
    ScriptGuess script = ScriptGuess.of(text);
    if (script != null) {
      return new Guess(script.language(), "the script (" + script.reason() + ")");
    }
    WordGuess words = WordGuess.of(text);
    return words == null
        ? null
        : new Guess(words.language(), "its function words (" + words.reason() + ")");
  }

  /** The scorer of posts without a language or in a language without a route. */
  public PostScorer fallback() {
    return fallback;
  }

  /** A post without a usable tag: its language guessed from the script, then its words. */
  private Score untagged(Post post, Guess g) {
    if (g == null) {
      return noted(
          fallback.score(post),
          "language not tagged and not guessed (neither the script nor the function words"
              + " decide it): scored by the fallback");
    }
    String lang = g.language();
    String note = "language not tagged: taken as '" + lang + "' from " + g.how();
    Route route = routes.get(lang);
    if (route != null) {
      return routed(route, post.withLang(lang), note);
    }
    Score s = fallback.score(post);
    return noted(
        s,
        lang.equals("en")
            ? note
            : note + "; no model or lexicon for it: scored by the fallback " + s.model());
  }

  /** The score with a note put first. */
  private static Score noted(Score s, String note) {
    List<String> notes = new ArrayList<>(s.explanation().notes().size() + 1);
    notes.add(note);
    notes.addAll(s.explanation().notes());
    return rebuild(s, s.model(), s.version(), notes);
  }

  private static Score routed(Route route, Post post, String guessNote) {
    Score s = route.scorer().score(post);
    List<String> notes = new ArrayList<>();
    if (guessNote != null) {
      notes.add(guessNote);
    }
    notes.add(route.note());
    for (String n : s.explanation().notes()) {
      if (!n.startsWith(MODEL_NOTE_PREFIX)) {
        notes.add(n);
      }
    }
    return rebuild(s, route.model(), route.version(), notes);
  }

  private static Score rebuild(Score s, String model, String version, List<String> notes) {
    Explanation x = s.explanation();
    return new Score(
        model,
        version,
        s.hate(),
        s.offensive(),
        s.incitement(),
        s.dehumanization(),
        s.targets(),
        s.factors(),
        new Explanation(x.tokens(), x.lexicon(), notes));
  }
}
