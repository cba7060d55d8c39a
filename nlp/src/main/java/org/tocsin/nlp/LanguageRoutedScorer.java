package org.tocsin.nlp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.Explanation;
import org.tocsin.core.score.PostScorer;
import org.tocsin.core.score.Score;
import org.tocsin.nlp.baseline.LexiconScorer;
import org.tocsin.nlp.classifier.HateClassifier;
import org.tocsin.nlp.harm.HarmStage;
import org.tocsin.nlp.lang.LanguageCodes;
import org.tocsin.nlp.lang.ScriptGuess;

/**
 * Picks the hate / offensive / normal model by the post's language: a post whose {@link Post#lang}
 * has a model of its own (German {@code hate-de}, Arabic {@code hate-ar}, Amharic {@code hate-am},
 * Burmese {@code hate-my} …) is scored by a {@link ModelScorer} over that classifier, and its
 * {@link Score} names that model and version ({@code model = "hate-de"}, {@code version = "1"}); a
 * post without a language whose script decides it ({@link ScriptGuess}: Myanmar, Ethiopic, Arabic
 * without Persian or Urdu letters) goes to that language's model, with a note saying so; any other
 * post goes to the fallback (the English scorer).
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

  private final PostScorer fallback;
  private final Map<String, Route> routes;
  private final HarmStage harm; // null: no harm grammar

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
   * A router whose every score then goes through the harm grammar of the post's language.
   *
   * @param harm applied to every score ({@link HarmStage#apply}); null for none
   */
  public LanguageRoutedScorer(PostScorer fallback, List<Route> routes, HarmStage harm) {
    this.harm = harm;
    this.fallback = Objects.requireNonNull(fallback, "fallback");
    Map<String, Route> m = new LinkedHashMap<>();
    for (Route r : routes) {
      if (m.put(r.language(), r) != null) {
        throw new IllegalArgumentException("two routes for language " + r.language());
      }
    }
    this.routes = Map.copyOf(m);
  }

  /**
   * A router whose languages are scored by {@link ModelScorer}s over the given classifiers (no
   * target classifier, the given lexicon), named by each artifact's manifest; every score then goes
   * through the bundled harm grammars ({@link HarmStage#loadDefault}) over the same lexicon.
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
      routes.add(
          new Route(
              e.getKey(),
              new ModelScorer(c, null, lexicon, ModelScorer.DEFAULT_EXPLAIN_THRESHOLD),
              name,
              version,
              note));
    }
    return new LanguageRoutedScorer(fallback, routes, HarmStage.loadDefault(lexicon));
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

  /** The languages with a model of their own. */
  public java.util.Set<String> languages() {
    return routes.keySet();
  }

  /**
   * The primary language subtag of a BCP-47 tag, lower-case, with the ISO 639-2 aliases mapped;
   * null for a null or blank tag.
   */
  static String primary(String lang) {
    if (lang == null || lang.isBlank()) {
      return null;
    }
    String s = lang.strip().toLowerCase(Locale.ROOT);
    int cut = 0;
    while (cut < s.length() && s.charAt(cut) != '-' && s.charAt(cut) != '_') {
      cut++;
    }
    String p = s.substring(0, cut);
    return LanguageCodes.iso6391(p);
  }

  /**
   * Scores one post with its language's model, or the fallback's, then applies the harm grammar
   * when there is one.
   */
  @Override
  public Score score(Post post) {
    Objects.requireNonNull(post, "post");
    String lang = primary(post.lang());
    if (harm == null) {
      return route(post, lang);
    }
    Score s = route(post, lang);
    ScriptGuess guess = lang == null ? ScriptGuess.of(post.text()) : null;
    return harm.apply(guess == null ? post : post.withLang(guess.language()), s);
  }

  private Score route(Post post, String lang) {
    if (lang == null) {
      ScriptGuess guess = ScriptGuess.of(post.text());
      Route guessed = guess == null ? null : routes.get(guess.language());
      if (guessed != null) {
        return routed(
            guessed,
            post.withLang(guess.language()),
            "language not tagged: taken as '"
                + guess.language()
                + "' from the script ("
                + guess.reason()
                + ")");
      }
    }
    Route route = lang == null ? null : routes.get(lang);
    if (route == null) {
      Score s = fallback.score(post);
      if (lang == null) {
        return s;
      }
      List<String> notes = new ArrayList<>(s.explanation().notes());
      notes.add(
          "no model for language '"
              + (lang.length() > 16 ? lang.substring(0, 16) + "…" : lang)
              + "': scored by the fallback "
              + s.model()
              + " v"
              + s.version());
      return rebuild(s, s.model(), s.version(), notes);
    }
    return routed(route, post, null);
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
