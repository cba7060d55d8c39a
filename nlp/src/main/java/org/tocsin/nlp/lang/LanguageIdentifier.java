package org.tocsin.nlp.lang;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;

/**
 * Identifies the language of a post with Lingua, choosing only among the configured languages, and
 * reconciles the result with the language the platform declared.
 *
 * <p>Lingua's confidence values are relative: the most likely language scores 1.0 and the others
 * less. The gap to the second choice is the <em>margin</em>; below {@code minMargin} Lingua is
 * treated as unsure and the platform's language (if any) is kept.
 *
 * <p>Thread-safe: Lingua's detector is immutable once its models are loaded.
 */
public final class LanguageIdentifier {

  /** The languages used when none are configured (ISO 639-1), documented in the node config. */
  public static final List<String> DEFAULT_LANGUAGES =
      List.of(
          "en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "uk", "bg", "ar", "fa", "tr", "hi",
          "ja", "ko", "zh");

  /** Default for {@code minMargin}. */
  public static final double DEFAULT_MIN_MARGIN = 0.05;

  private final LanguageDetector detector;
  private final Set<String> codes;
  private final double minMargin;

  private LanguageIdentifier(LanguageDetector detector, Set<String> codes, double minMargin) {
    this.detector = detector;
    this.codes = codes;
    this.minMargin = minMargin;
  }

  /**
   * Builds an identifier over the given languages, their models loaded now (not on the first post).
   *
   * @param isoCodes ISO 639-1 codes, at least two (Lingua needs a choice)
   * @param minMargin how far ahead of the second language the first must be, in [0, 1]
   * @throws IllegalArgumentException for an unknown code, fewer than two codes, or a bad margin
   */
  public static LanguageIdentifier of(List<String> isoCodes, double minMargin) {
    return of(isoCodes, minMargin, false);
  }

  /**
   * As {@link #of(List, double)}, optionally in Lingua's low-accuracy mode (trigram models only:
   * far less memory and faster, less accurate on very short posts).
   */
  public static LanguageIdentifier of(
      List<String> isoCodes, double minMargin, boolean lowAccuracy) {
    Objects.requireNonNull(isoCodes, "isoCodes");
    if (!(minMargin >= 0 && minMargin <= 1)) {
      throw new IllegalArgumentException("minMargin must be in [0, 1] [got " + minMargin + "]");
    }
    Set<String> codes = new LinkedHashSet<>();
    List<Language> languages = new ArrayList<>();
    for (String code : isoCodes) {
      String c = primary(code);
      Language l = c == null ? Language.UNKNOWN : byCode(c);
      if (l == Language.UNKNOWN) {
        throw new IllegalArgumentException(
            "not a language Lingua knows (ISO 639-1 code expected) [got " + code + "]");
      }
      if (codes.add(c)) {
        languages.add(l);
      }
    }
    if (languages.size() < 2) {
      throw new IllegalArgumentException(
          "language identification needs at least two languages [got " + isoCodes + "]");
    }
    LanguageDetectorBuilder builder =
        LanguageDetectorBuilder.fromLanguages(languages.toArray(new Language[0]))
            .withPreloadedLanguageModels();
    if (lowAccuracy) {
      builder = builder.withLowAccuracyMode();
    }
    LanguageDetector detector = builder.build();
    return new LanguageIdentifier(detector, Set.copyOf(codes), minMargin);
  }

  /** Whether Lingua knows a language by this ISO 639-1 code (without loading any model). */
  public static boolean knows(String isoCode) {
    String c = primary(isoCode);
    return c != null && byCode(c) != Language.UNKNOWN;
  }

  /** The configured languages, as ISO 639-1 codes. */
  public Set<String> languages() {
    return codes;
  }

  /**
   * Settles the language of a text.
   *
   * @param text the post's text
   * @param declared the platform's BCP-47 tag, or {@code null}
   */
  public LanguageGuess identify(String text, String declared) {
    String decl = primary(declared);
    if (decl != null && !codes.contains(decl)) {
      return new LanguageGuess(decl, LanguageGuess.Basis.UNCHECKED, null, 0);
    }
    SortedMap<Language, Double> values =
        detector.computeLanguageConfidenceValues(text == null ? "" : text);
    String top = null;
    double first = 0;
    double second = 0;
    Iterator<Map.Entry<Language, Double>> it = values.entrySet().iterator();
    if (it.hasNext()) {
      Map.Entry<Language, Double> e = it.next();
      top = code(e.getKey());
      first = e.getValue();
      if (it.hasNext()) {
        second = it.next().getValue();
      }
    }
    double margin = top == null ? 0 : Math.max(0, Math.min(1, first - second));
    boolean sure = top != null && margin >= minMargin;
    if (decl != null && decl.equals(top)) {
      return new LanguageGuess(decl, LanguageGuess.Basis.CONFIRMED, top, margin);
    }
    if (sure) {
      return new LanguageGuess(top, LanguageGuess.Basis.DETECTED, top, margin);
    }
    if (decl != null) {
      return new LanguageGuess(decl, LanguageGuess.Basis.DECLARED, top, margin);
    }
    return new LanguageGuess(null, LanguageGuess.Basis.UNKNOWN, top, margin);
  }

  /**
   * The platform's tag when it can be trusted as a language: the lower-case primary subtag of a
   * BCP-47 tag that names one language, or {@code null} when the tag is missing or says nothing
   * ({@code und}, {@code zxx}, {@code mul}, {@code mis}, the private-use {@code qaa}-{@code qtz}
   * that Twitter uses for "media only", "hashtags only" and the like, or not 2-3 letters).
   */
  public static String reliableTag(String declared) {
    String p = primary(declared);
    if (p == null || p.length() < 2 || p.length() > 3) {
      return null;
    }
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c < 'a' || c > 'z') {
        return null;
      }
    }
    if (Set.of("und", "zxx", "mul", "mis").contains(p)) {
      return null;
    }
    if (p.length() == 3 && p.charAt(0) == 'q' && p.charAt(1) <= 't') {
      return null;
    }
    return p;
  }

  /**
   * The language of a post: the platform's tag when {@link #reliableTag} trusts it (Lingua is then
   * not run), else {@link #identify}.
   */
  public LanguageGuess settle(String text, String declared) {
    String tag = reliableTag(declared);
    if (tag != null) {
      return new LanguageGuess(tag, LanguageGuess.Basis.TAGGED, null, 0);
    }
    return identify(text, null);
  }

  /** The primary subtag of a BCP-47 tag in lower case ({@code en-US} gives {@code en}). */
  static String primary(String tag) {
    if (tag == null || tag.isBlank()) {
      return null;
    }
    String t = tag.strip();
    int dash = t.indexOf('-');
    int underscore = t.indexOf('_');
    int cut = dash < 0 ? underscore : underscore < 0 ? dash : Math.min(dash, underscore);
    return (cut < 0 ? t : t.substring(0, cut)).toLowerCase(Locale.ROOT);
  }

  private static Language byCode(String code) {
    for (IsoCode639_1 iso : IsoCode639_1.values()) {
      if (iso.name().equalsIgnoreCase(code)) {
        return Language.getByIsoCode639_1(iso);
      }
    }
    return Language.UNKNOWN;
  }

  private static String code(Language l) {
    return l.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
  }
}
