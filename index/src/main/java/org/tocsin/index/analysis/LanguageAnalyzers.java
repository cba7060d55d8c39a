package org.tocsin.index.analysis;

import java.io.Reader;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.bg.BulgarianAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.icu.ICUNormalizer2Filter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;
import org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer;

/**
 * The language-specific text fields: one field per analysed language ({@code text.de}, {@code
 * text.ru} ...) and one ICU-segmented field ({@code text.icu}) for scripts written without spaces
 * between words (Burmese, Thai, Khmer, Lao, Chinese, Japanese) and for Ethiopic, Tibetan and
 * Korean.
 *
 * <p>A post's text goes into the neutral {@code text} field (see {@link TextAnalyzer}) and into at
 * most one language field, chosen from the post's language tag by {@link #fieldFor}. The language
 * analyzers are Lucene's own, with their stemmers or lemmatisers and normalisation (German umlauts,
 * Arabic and Persian letter forms, Hindi), but with no stop words: in hate speech the small words
 * carry meaning. Invisible formatting characters are removed first, as in the neutral field, except
 * that a zero-width non-joiner in Persian text is read as the word-internal break it is.
 */
public final class LanguageAnalyzers {

  /** The prefix of every language field: {@code text.} followed by the language or {@code icu}. */
  public static final String PREFIX = "text.";

  /** The field of ICU-segmented text. */
  public static final String ICU_FIELD = PREFIX + "icu";

  /**
   * The languages (ISO 639-1 primary subtags) whose text is ICU-segmented rather than stemmed:
   * Burmese, Thai, Khmer, Lao, Chinese, Japanese, Korean, Amharic, Tigrinya, Tibetan, Dzongkha.
   */
  public static final Set<String> ICU_LANGUAGES =
      Set.of("my", "th", "km", "lo", "zh", "ja", "ko", "am", "ti", "bo", "dz");

  private static final Map<String, Supplier<Analyzer>> STEMMED = stemmed();

  /** Every language field, in a fixed order: the stemmed languages, then {@link #ICU_FIELD}. */
  public static final List<String> FIELDS = fields();

  private LanguageAnalyzers() {}

  /** Whether a field name is one of the language fields. */
  public static boolean isLanguageField(String field) {
    return field != null && field.startsWith(PREFIX) && FIELDS.contains(field);
  }

  /**
   * The language field a post's text goes into, or {@code null} if none: the field of the post's
   * language if it has one; else the ICU field if the language is written without spaces, or is
   * unknown and the text holds such a script (a Burmese post tagged {@code und}, say).
   *
   * @param lang the post's language tag ({@code de}, {@code pt-BR}, {@code und}); may be null
   * @param text the post's text
   */
  public static String fieldFor(String lang, String text) {
    String primary = primary(lang);
    if (STEMMED.containsKey(primary)) {
      return PREFIX + primary;
    }
    if (ICU_LANGUAGES.contains(primary) || (text != null && needsIcu(text))) {
      return ICU_FIELD;
    }
    return null;
  }

  /** The analyzers of the language fields, by field name; new instances on every call. */
  public static Map<String, Analyzer> create() {
    Map<String, Analyzer> m = new LinkedHashMap<>();
    STEMMED.forEach(
        (lang, make) -> m.put(PREFIX + lang, new Stripped(make.get(), "fa".equals(lang))));
    m.put(ICU_FIELD, new IcuAnalyzer());
    return m;
  }

  /**
   * Whether a text holds a letter of a script that needs ICU segmentation or has no language
   * analyzer here: Thai, Lao, Myanmar, Khmer, Tibetan, Ethiopic, Han, Hiragana, Katakana, Hangul.
   */
  static boolean needsIcu(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp < 0x0E00) {
        continue;
      }
      switch (Character.UnicodeScript.of(cp)) {
        case THAI, LAO, MYANMAR, KHMER, TIBETAN, ETHIOPIC, HAN, HIRAGANA, KATAKANA, HANGUL -> {
          return true;
        }
        default -> {
          // keep looking
        }
      }
    }
    return false;
  }

  /** The lower-cased primary subtag of a language tag: {@code pt} of {@code pt-BR}. */
  static String primary(String lang) {
    if (lang == null) {
      return "";
    }
    String s = lang.strip().toLowerCase(Locale.ROOT);
    int cut = 0;
    while (cut < s.length() && s.charAt(cut) >= 'a' && s.charAt(cut) <= 'z') {
      cut++;
    }
    return s.substring(0, cut);
  }

  private static Map<String, Supplier<Analyzer>> stemmed() {
    CharArraySet none = CharArraySet.EMPTY_SET;
    Map<String, Supplier<Analyzer>> m = new LinkedHashMap<>();
    m.put("en", () -> new EnglishAnalyzer(none));
    m.put("de", () -> new GermanAnalyzer(none));
    m.put("fr", () -> new FrenchAnalyzer(none));
    m.put("es", () -> new SpanishAnalyzer(none));
    m.put("it", () -> new ItalianAnalyzer(none));
    m.put("pt", () -> new PortugueseAnalyzer(none));
    m.put("nl", () -> new DutchAnalyzer(none));
    m.put("tr", () -> new TurkishAnalyzer(none));
    m.put("ru", () -> new RussianAnalyzer(none));
    m.put("uk", () -> new UkrainianMorfologikAnalyzer(none));
    m.put("bg", () -> new BulgarianAnalyzer(none));
    m.put("ar", () -> new ArabicAnalyzer(none));
    m.put("fa", () -> new PersianAnalyzer(none));
    m.put("hi", () -> new HindiAnalyzer(none));
    return Collections.unmodifiableMap(m);
  }

  private static List<String> fields() {
    List<String> out = new java.util.ArrayList<>();
    STEMMED.keySet().forEach(l -> out.add(PREFIX + l));
    out.add(ICU_FIELD);
    return List.copyOf(out);
  }

  /** A language analyzer that first removes invisible formatting characters. */
  private static final class Stripped extends AnalyzerWrapper {
    private final Analyzer delegate;
    private final boolean zwnjBreaksWords;

    Stripped(Analyzer delegate, boolean zwnjBreaksWords) {
      super(delegate.getReuseStrategy());
      this.delegate = delegate;
      this.zwnjBreaksWords = zwnjBreaksWords;
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
      return delegate;
    }

    @Override
    protected Reader wrapReader(String fieldName, Reader reader) {
      return InvisibleChars.strip(reader, zwnjBreaksWords);
    }

    @Override
    protected Reader wrapReaderForNormalization(String fieldName, Reader reader) {
      return InvisibleChars.strip(reader, zwnjBreaksWords);
    }

    @Override
    public void close() {
      delegate.close();
      super.close();
    }
  }

  /**
   * ICU word segmentation (dictionary-based for Thai, Lao, Myanmar, Khmer and CJK), then Unicode
   * NFKC case folding, after invisible characters are removed.
   */
  private static final class IcuAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      ICUTokenizer source = new ICUTokenizer();
      return new TokenStreamComponents(source, new ICUNormalizer2Filter(source));
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
      return InvisibleChars.strip(reader);
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
      return InvisibleChars.strip(reader);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new ICUNormalizer2Filter(in);
    }
  }
}
