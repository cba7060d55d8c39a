package org.tocsin.nlp.assembly;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tocsin.core.score.PostScorer;
import org.tocsin.nlp.LanguageRoutedScorer;
import org.tocsin.nlp.ModelScorer;
import org.tocsin.nlp.baseline.LexiconScorer;
import org.tocsin.nlp.batch.ParallelScorer;
import org.tocsin.nlp.cascade.CascadeScorer;
import org.tocsin.nlp.cascade.CascadeSettings;
import org.tocsin.nlp.classifier.AbuseClassifier;
import org.tocsin.nlp.classifier.CnnEnsembleClassifier;
import org.tocsin.nlp.classifier.HateClassifier;
import org.tocsin.nlp.classifier.TargetClassifier;
import org.tocsin.nlp.corenlp.DeepStage;
import org.tocsin.nlp.corenlp.DeepStages;
import org.tocsin.nlp.encoder.EncoderStage;
import org.tocsin.nlp.lang.LanguageIdentifier;

/**
 * Builds the scorer Tocsin ships from {@link ScorerSettings}: the screen — the English hate /
 * offensive / normal classifier ({@value #BUNDLED_MODEL}, or the artifact in {@code modelDir}) with
 * the target classifier ({@value #BUNDLED_TARGET_MODEL}) and the lexicons, behind the language
 * router ({@link LanguageRoutedScorer}: German, Arabic, Amharic and Burmese have classifiers of
 * their own, French, Spanish and Russian their lexicons; untagged posts have their language
 * guessed) — or the lexicon baseline alone; with {@link ScorerSettings#encoder()}, the English
 * sentence-encoder stage ({@link EncoderStage}) inside the router; and, when the cascade is
 * enabled, the {@link CascadeScorer} around it.
 *
 * <p>The model artifacts are read from the classpath (the {@code tocsin-models} jar ships them),
 * and checked (format, digests) as they load: a missing or damaged artifact fails here, at
 * start-up, not on the first post.
 */
public final class ShippedScorer {

  /**
   * Where the bundled hate / offensive / normal classifier sits on the classpath: v2, v1's n-gram
   * MLPs averaged with word CNNs (it loads v1 from the sibling {@code tocsin/models/hate-3way-v1}).
   */
  public static final String BUNDLED_MODEL = "tocsin/models/hate-3way-v2";

  /** Where the bundled target-group classifier sits on the classpath. */
  public static final String BUNDLED_TARGET_MODEL = "tocsin/models/targets-v1";

  /**
   * The bundled classifiers of other languages, by primary language subtag: a post whose language
   * (tagged or guessed) is one of these is scored by that model; see {@link LanguageRoutedScorer}.
   */
  public static final Map<String, String> BUNDLED_LANGUAGE_MODELS =
      Map.of(
          "de", "tocsin/models/hate-de-v1",
          "ar", "tocsin/models/hate-ar-v1",
          "am", "tocsin/models/hate-am-v1",
          "my", "tocsin/models/hate-my-v1");

  private ShippedScorer() {}

  /** The shipped scorer with the shipped defaults ({@link ScorerSettings#DEFAULTS}). */
  public static PostScorer build() throws IOException {
    return build(ScorerSettings.DEFAULTS);
  }

  /**
   * The configured scorer: the screen, wrapped in the cascade when it is enabled. Either way a
   * batch ({@link PostScorer#scoreAll}) is spread over {@code cascade.threads} threads, in order.
   * Lingua and CoreNLP load lazily, on the first post that needs them.
   *
   * @throws IOException if a model artifact cannot be read or fails its checks
   */
  public static PostScorer build(ScorerSettings settings) throws IOException {
    PostScorer screen = screen(settings);
    ScorerSettings.Cascade c = settings.cascade();
    if (!c.enabled()) {
      // the screen scores one post after another; the node's ingest hands it batches
      return c.threads() > 1 ? new ParallelScorer(screen, c.threads()) : screen;
    }
    List<String> languages = c.languages();
    boolean low = c.languageLowAccuracy();
    double margin = c.languageMinMargin();
    return new CascadeScorer(
        screen,
        () -> LanguageIdentifier.of(languages, margin, low),
        deepStages(c.deepLanguages()),
        new CascadeSettings(
            c.deepStage(), c.deepTargetThreshold(), c.deepIncitementThreshold(), c.threads()));
  }

  /** The screen alone (the configured scorer without the cascade). */
  public static PostScorer screen(ScorerSettings settings) throws IOException {
    if ("lexicon".equals(settings.scorer())) {
      return LexiconScorer.loadDefault();
    }
    LanguageRoutedScorer router = router(settings);
    return settings.encoder() ? router.withEncoder(EncoderStage.loadDefault()) : router;
  }

  /**
   * The language router of the {@code model} scorer: the bundled classifiers, lexicons and harm
   * grammars, without the encoder stage (callers add one with {@link
   * LanguageRoutedScorer#withEncoder}).
   *
   * @throws IOException if a model artifact cannot be read or fails its checks
   */
  public static LanguageRoutedScorer router(ScorerSettings settings) throws IOException {
    ClassLoader loader = ShippedScorer.class.getClassLoader();
    String dir = settings.modelDir();
    TargetClassifier targets = TargetClassifier.loadResource(loader, BUNDLED_TARGET_MODEL);
    LexiconScorer lexicon = LexiconScorer.loadDefault();
    AbuseClassifier english;
    if (dir.isBlank()) {
      english = CnnEnsembleClassifier.loadResource(loader, BUNDLED_MODEL);
    } else if (CnnEnsembleClassifier.isEnsemble(Path.of(dir))) {
      english = CnnEnsembleClassifier.load(Path.of(dir));
    } else {
      english = HateClassifier.load(Path.of(dir));
    }
    Map<String, HateClassifier> byLanguage = new LinkedHashMap<>();
    for (Map.Entry<String, String> e :
        new java.util.TreeMap<>(BUNDLED_LANGUAGE_MODELS).entrySet()) {
      byLanguage.put(e.getKey(), HateClassifier.loadResource(loader, e.getValue()));
    }
    return LanguageRoutedScorer.of(
        new ModelScorer(english, targets, lexicon, ModelScorer.DEFAULT_EXPLAIN_THRESHOLD),
        lexicon,
        byLanguage);
  }

  /** The deep stage of each configured language; none loads before its first post. */
  static Map<String, DeepStage> deepStages(List<String> codes) {
    Map<String, DeepStage> out = new HashMap<>();
    for (String code : codes) {
      out.put(code, DeepStages.of(code));
    }
    return out;
  }
}
