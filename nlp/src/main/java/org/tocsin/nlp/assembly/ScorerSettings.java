package org.tocsin.nlp.assembly;

import java.util.List;
import java.util.Objects;
import org.tocsin.nlp.corenlp.DeepStages;
import org.tocsin.nlp.lang.LanguageIdentifier;

/**
 * What the shipped scorer is built from; the node's {@code nlp} configuration maps onto it.
 *
 * @param scorer {@code "model"} (the bundled classifiers with the lexicons) or {@code "lexicon"}
 *     (the lexicon baseline alone)
 * @param modelDir a directory holding another English artifact of the same format; blank for the
 *     bundled one
 * @param cascade the scoring cascade ({@link Cascade#OFF} by default)
 * @param encoder the English sentence-encoder stage ({@link org.tocsin.nlp.encoder.EncoderStage})
 *     of the {@code model} scorer: on or off
 */
public record ScorerSettings(String scorer, String modelDir, Cascade cascade, boolean encoder) {

  /** The shipped defaults: the bundled models, no cascade, no encoder stage. */
  public static final ScorerSettings DEFAULTS = new ScorerSettings("model", "", Cascade.OFF);

  /** Settings without the encoder stage. */
  public ScorerSettings(String scorer, String modelDir, Cascade cascade) {
    this(scorer, modelDir, cascade, false);
  }

  /** These settings with the encoder stage on or off. */
  public ScorerSettings withEncoder(boolean on) {
    return new ScorerSettings(scorer, modelDir, cascade, on);
  }

  /** Checks the scorer name and that the parts are given. */
  public ScorerSettings {
    if (!"model".equals(scorer) && !"lexicon".equals(scorer)) {
      throw new IllegalArgumentException(
          "nlp.scorer must be model or lexicon [got " + scorer + "]");
    }
    Objects.requireNonNull(modelDir, "modelDir");
    Objects.requireNonNull(cascade, "cascade");
  }

  /**
   * The scoring cascade ({@link org.tocsin.nlp.cascade.CascadeScorer}): the screen on every post,
   * Lingua on the gated posts without a usable tag, CoreNLP's deep stage on the gated posts of
   * {@code deepLanguages}.
   *
   * @param enabled false: the screen alone
   * @param languages the languages Lingua chooses among (ISO 639-1)
   * @param languageMinMargin how far Lingua's first choice must lead its second, in [0, 1]
   * @param languageLowAccuracy Lingua's trigram-only mode
   * @param deepStage false: never run CoreNLP
   * @param deepTargetThreshold the gate's classifier-target confidence, in [0, 1]
   * @param deepIncitementThreshold the gate's screen incitement, in [0, 1]
   * @param threads the threads a batch is scored on, in [1, 64]
   * @param deepLanguages the languages with a deep stage (of {@link DeepStages#LANGUAGES})
   */
  public record Cascade(
      boolean enabled,
      List<String> languages,
      double languageMinMargin,
      boolean languageLowAccuracy,
      boolean deepStage,
      double deepTargetThreshold,
      double deepIncitementThreshold,
      int threads,
      List<String> deepLanguages) {

    /** The cascade switched off (its other settings are the node's defaults). */
    public static final Cascade OFF =
        new Cascade(false, List.of("en", "de"), 0.05, false, false, 0.5, 0.3, 1, List.of("en"));

    /** Checks ranges and language codes, and freezes the lists. */
    public Cascade {
      languages = List.copyOf(languages);
      deepLanguages = List.copyOf(deepLanguages);
      if (deepLanguages.isEmpty()) {
        throw new IllegalArgumentException(
            "nlp.cascade.deepLanguages must name at least one language (to run no CoreNLP set"
                + " nlp.cascade.deepStage to false)");
      }
      for (String code : deepLanguages) {
        if (!DeepStages.LANGUAGES.contains(code)) {
          throw new IllegalArgumentException(
              "nlp.cascade.deepLanguages: the deep stage has CoreNLP pipelines for "
                  + String.join(", ", DeepStages.LANGUAGES)
                  + " only [got "
                  + code
                  + "]");
        }
      }
      for (String code : languages) {
        if (!LanguageIdentifier.knows(code)) {
          throw new IllegalArgumentException(
              "nlp.cascade.languages: not a language Lingua knows (ISO 639-1 code expected) [got "
                  + code
                  + "]");
        }
      }
      unit("nlp.cascade.languageMinMargin", languageMinMargin);
      unit("nlp.cascade.deepTargetThreshold", deepTargetThreshold);
      unit("nlp.cascade.deepIncitementThreshold", deepIncitementThreshold);
      if (threads < 1 || threads > 64) {
        throw new IllegalArgumentException(
            "nlp.cascade.threads must be in [1, 64] [got " + threads + "]");
      }
    }

    private static void unit(String key, double v) {
      if (!(v >= 0 && v <= 1)) {
        throw new IllegalArgumentException(key + " must be in [0, 1] [got " + v + "]");
      }
    }
  }
}
