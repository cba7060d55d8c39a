package org.tocsin.index.analysis;

import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.tocsin.index.schema.FieldKind;
import org.tocsin.index.schema.PostFields;

/**
 * The one analyzer of the post index: a {@link PerFieldAnalyzerWrapper} that gives every field of
 * {@link PostFields} the analyzer of its {@link FieldKind}, and every language field of {@link
 * LanguageAnalyzers} its language's analyzer. The index writer and the query parser both use it, so
 * that a query term is always analysed as the indexed term was.
 */
public final class PostAnalyzers {

  private PostAnalyzers() {}

  /** Creates the per-field analyzer; fields it does not know are treated as exact keywords. */
  public static Analyzer create() {
    Analyzer text = new TextAnalyzer();
    Analyzer lowerCase = KeywordAnalyzers.lowerCase();
    Analyzer handle = KeywordAnalyzers.handle();
    Analyzer hashtag = KeywordAnalyzers.hashtag();
    Map<String, Analyzer> perField = new HashMap<>();
    PostFields.indexedFields()
        .forEach(
            (field, kind) -> {
              switch (kind) {
                case TEXT -> perField.put(field, text);
                case LOWERCASE -> perField.put(field, lowerCase);
                case HANDLE -> perField.put(field, handle);
                case HASHTAG -> perField.put(field, hashtag);
                case EXACT, LONG, DOUBLE, DATE -> {
                  // The default exact analyzer: numeric fields never reach an analyzer.
                }
              }
            });
    perField.putAll(LanguageAnalyzers.create());
    return new PerFieldAnalyzerWrapper(KeywordAnalyzers.exact(), perField);
  }
}
