package org.tocsin.index.highlight;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.tocsin.core.json.PostJson;
import org.tocsin.index.schema.PostFields;

/**
 * Highlights the text of the hits of a search with Lucene's {@link UnifiedHighlighter}, reading
 * match offsets from the postings (the text field is indexed with offsets, so nothing is
 * re-analysed). Passages aim at {@link #PASSAGE_CHARS} characters, broken at word boundaries.
 */
public final class PostHighlighter {

  /** The length a passage aims at, in characters. */
  public static final int PASSAGE_CHARS = 160;

  /** The most passages in one highlight. */
  public static final int MAX_PASSAGES = 2;

  private final Analyzer analyzer;

  /** Creates a highlighter for the index's analyzer. */
  public PostHighlighter(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /**
   * Highlights the text of the given hits.
   *
   * @param searcher the searcher that found the hits
   * @param query the query that found them
   * @param hits the hits, in any order
   * @return one highlight per hit, in the same order; {@code null} where no term of the text
   *     matched
   */
  public String[] highlight(IndexSearcher searcher, Query query, ScoreDoc[] hits)
      throws IOException {
    if (hits.length == 0) {
      return new String[0];
    }
    UnifiedHighlighter highlighter =
        UnifiedHighlighter.builder(searcher, analyzer)
            .withHandleMultiTermQuery(true)
            .withHighlightPhrasesStrictly(true)
            .withMaxLength(PostJson.MAX_TEXT_CHARS)
            .withMaxNoHighlightPassages(0)
            .withFormatter(new MarkerPassageFormatter())
            .withBreakIterator(
                () ->
                    LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getWordInstance(Locale.ROOT), PASSAGE_CHARS, 0.5f))
            .build();
    TopDocs topDocs = new TopDocs(new TotalHits(hits.length, TotalHits.Relation.EQUAL_TO), hits);
    return highlighter.highlight(PostFields.TEXT, query, topDocs, MAX_PASSAGES);
  }
}
