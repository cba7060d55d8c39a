package org.tocsin.index.analysis;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Analyses post text in any language: Unicode word segmentation (UAX #29), lower case, and ASCII
 * folding, so that {@code Émigré}, {@code ÉMIGRÉ} and {@code emigre} are the same term.
 *
 * <p>No stop words are removed: in hate speech the small words ("them", "all", "out") carry
 * meaning, and a multilingual index has no single stop list. Invisible formatting characters
 * (zero-width, bidirectional controls) are removed first, see {@link InvisibleChars}. Tokens longer
 * than {@link #MAX_TOKEN_LENGTH} characters are split, so hostile text cannot make immense terms.
 */
public final class TextAnalyzer extends Analyzer {

  /** The longest token kept whole, in characters; longer runs are split at this length. */
  public static final int MAX_TOKEN_LENGTH = StandardAnalyzer.DEFAULT_MAX_TOKEN_LENGTH;

  /** Creates the analyzer. */
  public TextAnalyzer() {}

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    source.setMaxTokenLength(MAX_TOKEN_LENGTH);
    TokenStream sink = new ASCIIFoldingFilter(new LowerCaseFilter(source));
    return new TokenStreamComponents(source, sink);
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return InvisibleChars.strip(reader);
  }

  @Override
  protected Reader initReaderForNormalization(String fieldName, Reader reader) {
    return InvisibleChars.strip(reader);
  }

  /** Applies the same case and accent folding to wildcard, prefix, fuzzy and range terms. */
  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(in));
  }
}
