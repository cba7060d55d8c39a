package org.tocsin.nlp.corenlp;

import java.util.List;
import java.util.Map;

/**
 * The deep stages Tocsin has, by language: English ({@link DeepAnalyzer}, with CoreNLP's lemmas)
 * and the languages read through a {@link DeepProfile} ({@link ProfileDeepAnalyzer}).
 */
public final class DeepStages {

  /** The profile resource of each language that has one. */
  static final Map<String, String> PROFILES =
      Map.of(
          "de", "deep-de-v1.tsv",
          "fr", "deep-fr-v1.tsv",
          "es", "deep-es-v1.tsv",
          "ar", "deep-ar-v1.tsv");

  /** The languages with a deep stage, English first. */
  public static final List<String> LANGUAGES = List.of("en", "de", "fr", "es", "ar");

  private DeepStages() {}

  /**
   * The deep stage of a language; nothing of CoreNLP loads before its first post, but the profile
   * is read now, so a broken one fails here.
   *
   * @throws IllegalArgumentException if the language has no deep stage
   */
  public static DeepStage of(String language) {
    if ("en".equals(language)) {
      return new DeepAnalyzer();
    }
    String resource = PROFILES.get(language);
    if (resource == null) {
      throw new IllegalArgumentException(
          "no CoreNLP deep stage for " + language + " (there are: " + LANGUAGES + ")");
    }
    return new ProfileDeepAnalyzer(DeepProfile.load(language, resource));
  }
}
