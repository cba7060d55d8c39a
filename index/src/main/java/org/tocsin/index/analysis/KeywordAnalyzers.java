package org.tocsin.index.analysis;

import java.io.Reader;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.pattern.PatternReplaceFilter;

/**
 * Analyzers for keyword fields: the whole value is one term, either exact or lower-cased, with an
 * optional leading sigil ({@code #}, {@code @}) dropped so that {@code hashtag:#Foo} and {@code
 * hashtag:foo} find the same posts. Case-insensitive fields also drop invisible formatting
 * characters; exact fields keep every character.
 */
public final class KeywordAnalyzers {

  private KeywordAnalyzers() {}

  /** One exact, case-sensitive term per value. */
  public static Analyzer exact() {
    return new KeywordAnalyzer();
  }

  /** One lower-cased term per value. */
  public static Analyzer lowerCase() {
    return new LowerCaseKeywordAnalyzer(null);
  }

  /** One lower-cased term per value, with any leading {@code @} removed. */
  public static Analyzer handle() {
    return new LowerCaseKeywordAnalyzer(Pattern.compile("^@+"));
  }

  /** One lower-cased term per value, with any leading {@code #} removed. */
  public static Analyzer hashtag() {
    return new LowerCaseKeywordAnalyzer(Pattern.compile("^#+"));
  }

  /** A keyword analyzer that lower-cases and may strip a leading pattern. */
  private static final class LowerCaseKeywordAnalyzer extends Analyzer {
    private final Pattern strip;

    LowerCaseKeywordAnalyzer(Pattern strip) {
      this.strip = strip;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      KeywordTokenizer source = new KeywordTokenizer();
      return new TokenStreamComponents(source, filter(source));
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
      return filter(in);
    }

    private TokenStream filter(TokenStream in) {
      TokenStream out = in;
      if (strip != null) {
        out = new PatternReplaceFilter(out, strip, "", false);
      }
      return new LowerCaseFilter(out);
    }
  }
}
