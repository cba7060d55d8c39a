package org.tocsin.nlp.lang;

import java.util.Map;

/**
 * The ISO 639-2 codes (bibliographic and terminology forms) some platforms tag posts with, mapped
 * to the ISO 639-1 codes Tocsin's models and lexicons are named by ({@code deu}, {@code ger} →
 * {@code de}; {@code mya}, {@code bur} → {@code my}), for the languages that have a model or a
 * lexicon of their own.
 */
public final class LanguageCodes {
  private static final Map<String, String> ISO_639_2 =
      Map.ofEntries(
          Map.entry("deu", "de"),
          Map.entry("ger", "de"),
          Map.entry("fra", "fr"),
          Map.entry("fre", "fr"),
          Map.entry("spa", "es"),
          Map.entry("rus", "ru"),
          Map.entry("ara", "ar"),
          Map.entry("amh", "am"),
          Map.entry("mya", "my"),
          Map.entry("bur", "my"));

  private LanguageCodes() {}

  /** The ISO 639-1 code of a lower-case primary subtag, or the subtag itself if none is known. */
  public static String iso6391(String primary) {
    return ISO_639_2.getOrDefault(primary, primary);
  }
}
