package org.tocsin.index.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.tocsin.index.analysis.TextAnalyzer;
import org.tocsin.index.schema.FieldKind;
import org.tocsin.index.schema.PostFields;

/**
 * The classic Lucene query parser, taught the post schema: friendly field names, numeric and date
 * fields, and no query that has to scan every term.
 *
 * <p>It resolves every field name through {@link PostFields#resolve} and refuses unknown ones; it
 * builds point queries for numbers and dates ({@code hate:[0.8 TO 1]}, {@code createdAt:[2024-01-01
 * TO 2024-01-31]}); it refuses wildcards and regular expressions that start with a pattern rather
 * than a literal. A term or phrase of the text ({@code text:} or no field) is searched in the
 * neutral text field and in every language field given, so that it finds the exact form and its
 * inflections; wildcards, prefixes, fuzzy terms, regular expressions and ranges search the neutral
 * field only, since they are patterns over the words as written. It is not thread-safe: make one
 * per query.
 */
final class PostQueryParser extends QueryParser {

  /** The longest term of a fuzzy query; no indexed text term is longer. */
  static final int MAX_FUZZY_TERM_CHARS = TextAnalyzer.MAX_TOKEN_LENGTH;

  /** The language fields a text term is also searched in. */
  private final List<String> languageFields;

  PostQueryParser(Analyzer analyzer, List<String> languageFields) {
    super(PostFields.TEXT, analyzer);
    this.languageFields = List.copyOf(languageFields);
    setAllowLeadingWildcard(false);
    setDefaultOperator(QueryParser.Operator.AND);
    setSplitOnWhitespace(true);
    setAutoGeneratePhraseQueries(false);
    setLocale(Locale.ROOT);
    setTimeZone(TimeZone.getTimeZone("UTC"));
    setMultiTermRewriteMethod(new BoundedExpansion(PostQueries.MAX_EXPANSIONS));
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, boolean quoted)
      throws ParseException {
    String f = resolve(field);
    FieldKind kind = kindOf(f);
    if (kind == FieldKind.TEXT) {
      return textQuery(queryText, quoted, -1);
    }
    return switch (kind) {
      case LONG -> LongPoint.newExactQuery(f, Bounds.parseLong(f, queryText));
      case DOUBLE -> DoublePoint.newExactQuery(f, Bounds.parseDouble(f, queryText));
      case DATE -> {
        long[] interval = Bounds.dateInterval(f, queryText);
        yield LongPoint.newRangeQuery(f, interval[0], interval[1] - 1);
      }
      default -> super.getFieldQuery(f, queryText, quoted);
    };
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
    String f = resolve(field);
    if (kindOf(f) == FieldKind.TEXT) {
      return textQuery(queryText, true, slop);
    }
    return super.getFieldQuery(f, queryText, slop);
  }

  /**
   * A term or phrase of the text: any of the neutral field's match (the exact form) and each
   * language field's match (the stem or lemma, analysed by that language's analyzer). A post is in
   * the neutral field and at most one language field, so the language fields never mix languages.
   *
   * @param slop the phrase slop, or -1 for none given
   */
  private Query textQuery(String queryText, boolean quoted, int slop) throws ParseException {
    List<Query> alternatives = new ArrayList<>(1 + languageFields.size());
    Query neutral = withSlop(super.getFieldQuery(PostFields.TEXT, queryText, quoted), slop);
    if (neutral != null) {
      alternatives.add(neutral);
    }
    for (String lf : languageFields) {
      Query q = withSlop(super.getFieldQuery(lf, queryText, quoted), slop);
      if (q != null && !alternatives.contains(q)) {
        alternatives.add(q);
      }
    }
    if (alternatives.isEmpty()) {
      return null;
    }
    if (alternatives.size() == 1) {
      return alternatives.get(0);
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    alternatives.forEach(q -> any.add(q, BooleanClause.Occur.SHOULD));
    return any.build();
  }

  /** A phrase with the given slop (the base class only sets slop on a phrase it returns). */
  private static Query withSlop(Query q, int slop) {
    if (slop < 0 || q == null) {
      return q;
    }
    if (q instanceof PhraseQuery pq) {
      PhraseQuery.Builder b = new PhraseQuery.Builder();
      Term[] terms = pq.getTerms();
      int[] positions = pq.getPositions();
      for (int i = 0; i < terms.length; i++) {
        b.add(terms[i], positions[i]);
      }
      return b.setSlop(slop).build();
    }
    if (q instanceof MultiPhraseQuery mpq) {
      return new MultiPhraseQuery.Builder(mpq).setSlop(slop).build();
    }
    return q;
  }

  @Override
  protected Query getRangeQuery(
      String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
      throws ParseException {
    String f = resolve(field);
    return switch (kindOf(f)) {
      case LONG -> Bounds.longRange(f, part1, part2, startInclusive, endInclusive);
      case DOUBLE -> Bounds.doubleRange(f, part1, part2, startInclusive, endInclusive);
      case DATE -> Bounds.dateRange(f, part1, part2, startInclusive, endInclusive);
      // Skip the base class's locale-dependent date guessing: keyword ranges are plain terms.
      default -> newRangeQuery(f, part1, part2, startInclusive, endInclusive);
    };
  }

  @Override
  protected Query getWildcardQuery(String field, String termStr) throws ParseException {
    if ("*".equals(field) && "*".equals(termStr)) {
      return newMatchAllDocsQuery();
    }
    String f = resolve(field);
    requireTerms(f, termStr + " (a wildcard)");
    requireLiteralStart(f, termStr, "a wildcard term");
    return super.getWildcardQuery(f, termStr);
  }

  @Override
  protected Query getPrefixQuery(String field, String termStr) throws ParseException {
    String f = resolve(field);
    requireTerms(f, termStr + "* (a prefix)");
    requireLiteralStart(f, termStr + "*", "a prefix term");
    return super.getPrefixQuery(f, termStr);
  }

  @Override
  protected Query getRegexpQuery(String field, String termStr) throws ParseException {
    String f = resolve(field);
    requireTerms(f, "/" + termStr + "/ (a regular expression)");
    if (termStr.isEmpty() || !Character.isLetterOrDigit(termStr.codePointAt(0))) {
      throw new ParseException(
          "a regular expression must start with a letter or digit, as in /jew.*/; one that starts"
              + " with a pattern would scan every term [got /"
              + termStr
              + "/]");
    }
    return super.getRegexpQuery(f, termStr);
  }

  @Override
  protected Query getFuzzyQuery(String field, String termStr, float minSimilarity)
      throws ParseException {
    String f = resolve(field);
    requireTerms(f, termStr + "~ (a fuzzy term)");
    if (termStr.length() > MAX_FUZZY_TERM_CHARS) {
      throw new ParseException(
          "a fuzzy term may be at most "
              + MAX_FUZZY_TERM_CHARS
              + " characters [got "
              + termStr.length()
              + " characters]");
    }
    return super.getFuzzyQuery(f, termStr, minSimilarity);
  }

  /** The indexed field a user's field name stands for. */
  private static String resolve(String field) throws ParseException {
    return PostFields.resolve(field)
        .orElseThrow(
            () ->
                new ParseException(
                    "unknown field '"
                        + field
                        + "'; search one of "
                        + String.join(", ", PostFields.displayNames())
                        + ". To search for text that contains ':', put it in quotes [got "
                        + field
                        + ":]"));
  }

  private static FieldKind kindOf(String field) {
    return PostFields.kind(field).orElse(FieldKind.EXACT);
  }

  /** Refuses term patterns on numeric fields, which hold points rather than terms. */
  private static void requireTerms(String field, String what) throws ParseException {
    if (kindOf(field).isNumeric()) {
      throw new ParseException(
          "field '"
              + field
              + "' holds numbers or times: use a value or a range such as "
              + field
              + ":[a TO b] [got "
              + what
              + "]");
    }
  }

  private static void requireLiteralStart(String field, String term, String what)
      throws ParseException {
    if (term.startsWith("*") || term.startsWith("?")) {
      throw new ParseException(
          what
              + " may not start with * or ?, which would scan every term of '"
              + field
              + "'; put at least one letter first [got "
              + term
              + "]");
    }
  }
}
