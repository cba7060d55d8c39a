package org.tocsin.index.highlight;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.tocsin.core.json.PostJson;
import org.tocsin.index.analysis.LanguageAnalyzers;
import org.tocsin.index.schema.PostFields;

/**
 * Highlights the text of the hits of a search with Lucene's {@link UnifiedHighlighter}, reading
 * match offsets from the postings (the text field is indexed with offsets, so nothing is
 * re-analysed). Matches in the language fields (a stem, a lemma) mark the words of the text too.
 * Passages aim at {@link #PASSAGE_CHARS} characters, broken at word boundaries.
 */
public final class PostHighlighter {

  /** The length a passage aims at, in characters. */
  public static final int PASSAGE_CHARS = 160;

  /** The most passages in one highlight. */
  public static final int MAX_PASSAGES = 2;

  /** The fields whose matches mark the text: the neutral field and every language field. */
  private static final Set<String> MASKED = masked();

  private final Analyzer analyzer;

  /** The field infos of the last reader highlighted from, merged over its segments. */
  private volatile MergedFieldInfos merged;

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
    return highlight(searcher, query, hits, null);
  }

  /**
   * Highlights the text of the given hits, whose texts the caller has loaded already (so that the
   * stored text is not read and decompressed a second time).
   *
   * @param texts the text of each hit, in the order of {@code hits}; {@code null} to read them from
   *     the stored text field
   * @return as {@link #highlight(IndexSearcher, Query, ScoreDoc[])}
   */
  public String[] highlight(IndexSearcher searcher, Query query, ScoreDoc[] hits, String[] texts)
      throws IOException {
    return highlight(searcher, query, hits, texts, null);
  }

  /**
   * Highlights the text of the given hits, whose texts and language fields the caller knows: the
   * matches of each hit are then read from the neutral field and its own language field only,
   * rather than from every language field.
   *
   * @param texts as {@link #highlight(IndexSearcher, Query, ScoreDoc[], String[])}
   * @param languageFields the language field of each hit ({@link LanguageAnalyzers#fieldFor}), in
   *     the order of {@code hits}, an entry {@code null} where it has none; {@code null} to read
   *     the matches of every language field
   * @return as {@link #highlight(IndexSearcher, Query, ScoreDoc[])}
   */
  public String[] highlight(
      IndexSearcher searcher, Query query, ScoreDoc[] hits, String[] texts, String[] languageFields)
      throws IOException {
    if (hits.length == 0) {
      return new String[0];
    }
    if (languageFields == null) {
      return highlightGroup(searcher, query, hits, texts, MASKED);
    }
    // One highlighter per language field among the hits (a page is mostly one or two).
    Map<String, List<Integer>> byField = new LinkedHashMap<>();
    for (int i = 0; i < hits.length; i++) {
      String f = languageFields[i] == null ? "" : languageFields[i];
      byField.computeIfAbsent(f, k -> new ArrayList<>()).add(i);
    }
    String[] out = new String[hits.length];
    for (Map.Entry<String, List<Integer>> e : byField.entrySet()) {
      List<Integer> idx = e.getValue();
      ScoreDoc[] groupHits = new ScoreDoc[idx.size()];
      String[] groupTexts = texts == null ? null : new String[idx.size()];
      for (int k = 0; k < idx.size(); k++) {
        groupHits[k] = hits[idx.get(k)];
        if (texts != null) {
          groupTexts[k] = texts[idx.get(k)];
        }
      }
      String field = e.getKey().isEmpty() ? null : e.getKey();
      // The clauses of the other language fields cannot match these posts: without them, the
      // highlighter looks up a few times fewer terms for each hit.
      Query groupQuery = LanguageClauses.keepOnly(query, field);
      if (groupQuery == null) {
        continue;
      }
      Set<String> masked = field == null ? Set.of() : Set.of(PostFields.TEXT, field);
      String[] got = highlightGroup(searcher, groupQuery, groupHits, groupTexts, masked);
      for (int k = 0; k < idx.size(); k++) {
        out[idx.get(k)] = got[k];
      }
    }
    return out;
  }

  /** Highlights some hits with the matches of the given fields (none: the text field alone). */
  private String[] highlightGroup(
      IndexSearcher searcher, Query query, ScoreDoc[] hits, String[] texts, Set<String> masked)
      throws IOException {
    UnifiedHighlighter.Builder builder =
        UnifiedHighlighter.builder(searcher, analyzer)
            .withHandleMultiTermQuery(true)
            .withHighlightPhrasesStrictly(true)
            .withMaxLength(PostJson.MAX_TEXT_CHARS)
            .withMaxNoHighlightPassages(0)
            .withFormatter(new MarkerPassageFormatter())
            // A stem matched in a language field marks the same words of the text: the language
            // fields index the same text, with offsets into it.
            .withMaskedFieldsFunc(f -> PostFields.TEXT.equals(f) ? masked : Set.of())
            .withBreakIterator(
                () ->
                    LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getWordInstance(Locale.ROOT), PASSAGE_CHARS, 0.5f));
    UnifiedHighlighter highlighter = new Preloaded(builder, hits, texts, fieldInfos(searcher));
    TopDocs topDocs = new TopDocs(new TotalHits(hits.length, TotalHits.Relation.EQUAL_TO), hits);
    return highlighter.highlight(PostFields.TEXT, query, topDocs, MAX_PASSAGES);
  }

  private static Set<String> masked() {
    Set<String> s = new LinkedHashSet<>();
    s.add(PostFields.TEXT);
    s.addAll(LanguageAnalyzers.FIELDS);
    return Collections.unmodifiableSet(s);
  }

  /**
   * The field infos of the searcher's reader, merged over its segments. The unified highlighter
   * merges them afresh for every instance, that is for every language group of every page; they
   * change only when the reader does, so the last reader's are kept.
   */
  private FieldInfos fieldInfos(IndexSearcher searcher) {
    IndexReader reader = searcher.getIndexReader();
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (helper == null) {
      return FieldInfos.getMergedFieldInfos(reader);
    }
    MergedFieldInfos m = merged;
    if (m == null || m.key() != helper.getKey()) {
      m = new MergedFieldInfos(helper.getKey(), FieldInfos.getMergedFieldInfos(reader));
      merged = m;
    }
    return m.infos();
  }

  /** The merged field infos of the reader with a cache key. */
  private record MergedFieldInfos(IndexReader.CacheKey key, FieldInfos infos) {}

  /**
   * A highlighter that takes the texts of the hits from the caller, when given, instead of stored
   * fields, and the merged field infos of the reader from the caller.
   */
  private static final class Preloaded extends UnifiedHighlighter {
    private final Map<Integer, String> byDoc;
    private final FieldInfos infos;

    Preloaded(
        UnifiedHighlighter.Builder builder, ScoreDoc[] hits, String[] texts, FieldInfos infos) {
      super(builder);
      this.infos = infos;
      if (texts == null) {
        byDoc = null;
        return;
      }
      byDoc = new HashMap<>();
      for (int i = 0; i < hits.length; i++) {
        byDoc.put(hits[i].doc, texts[i]);
      }
    }

    @Override
    protected FieldInfo getFieldInfo(String field) {
      return infos.fieldInfo(field);
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(
        String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold) throws IOException {
      if (byDoc == null) {
        return super.loadFieldValues(fields, docIter, cacheCharsThreshold);
      }
      List<CharSequence[]> out = new ArrayList<>();
      for (int doc = docIter.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = docIter.nextDoc()) {
        CharSequence[] values = new CharSequence[fields.length];
        for (int f = 0; f < fields.length; f++) {
          String text = PostFields.TEXT.equals(fields[f]) ? byDoc.get(doc) : null;
          values[f] = text == null ? "" : text;
        }
        out.add(values);
      }
      return out;
    }
  }
}
