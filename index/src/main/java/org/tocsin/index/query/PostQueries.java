package org.tocsin.index.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.tocsin.index.InvalidQueryException;
import org.tocsin.index.analysis.LanguageAnalyzers;

/**
 * Parses the query strings users type into bounded Lucene queries.
 *
 * <p>The syntax is Lucene's classic query syntax: terms, {@code "phrases"}, {@code "proximity"~5},
 * {@code fuzzy~}, {@code wild*cards}, {@code /regular expressions/}, {@code AND OR NOT + -},
 * parentheses, {@code [ranges TO them]} and {@code field:value}. Terms without an operator must all
 * match (the default operator is AND). A blank query, {@code *} and {@code *:*} match every post,
 * and a query of only negative clauses ({@code -platform:twitter}) matches every post but those.
 *
 * <p>Every failure is an {@link InvalidQueryException} whose message a user can act on; no query
 * string makes this class throw anything else. Thread-safe.
 */
public final class PostQueries {

  /**
   * The most terms (and term patterns) a query may hold as the user typed them, counted over all
   * its clauses; a word searched in the neutral text field and in the language fields counts once.
   */
  public static final int MAX_TERMS = 1024;

  /**
   * The most clauses (term lookups, phrases, patterns) a parsed query may hold: {@link #MAX_TERMS}
   * times the neutral field and every language field. Lucene's global clause limit is raised to
   * this when the class loads (never lowered), since every word of the text becomes one clause per
   * field it is searched in.
   */
  public static final int MAX_CLAUSES = MAX_TERMS * (1 + LanguageAnalyzers.FIELDS.size());

  static {
    if (IndexSearcher.getMaxClauseCount() < MAX_CLAUSES) {
      IndexSearcher.setMaxClauseCount(MAX_CLAUSES);
    }
  }

  /**
   * The most indexed terms one wildcard, prefix, regular expression or term range may match in a
   * segment; past it the search fails with an {@link InvalidQueryException}.
   */
  public static final int MAX_EXPANSIONS = 10_000;

  private final Analyzer analyzer;

  /** Creates a parser that analyses query terms with the index's analyzer. */
  public PostQueries(Analyzer analyzer) {
    this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
  }

  /**
   * Parses a query string.
   *
   * @throws InvalidQueryException if the query is malformed, names an unknown field, starts a term
   *     with a wildcard, holds more than {@link #MAX_TERMS} terms, or gives a field a value of the
   *     wrong type
   */
  public Query parse(String text) throws InvalidQueryException {
    return parse(text, LanguageAnalyzers.FIELDS);
  }

  /**
   * Parses a query string whose text terms are searched in the neutral text field and in the given
   * language fields only (those an index holds, say: a field no post is in cannot match).
   *
   * @param languageFields language fields of {@link LanguageAnalyzers#FIELDS}
   * @throws InvalidQueryException as {@link #parse(String)}, and if the terms searched in every
   *     language field would be more clauses than Lucene allows in one query
   */
  public Query parse(String text, Collection<String> languageFields) throws InvalidQueryException {
    Objects.requireNonNull(text, "text");
    if (matchesAll(text)) {
      return new MatchAllDocsQuery();
    }
    List<String> fields = new ArrayList<>();
    for (String f : languageFields) {
      if (!LanguageAnalyzers.isLanguageField(f)) {
        throw new IllegalArgumentException("not a language field [got " + f + "]");
      }
      fields.add(f);
    }
    Query query;
    try {
      query = new PostQueryParser(analyzer, fields).parse(text);
    } catch (ParseException e) {
      throw QueryErrors.translate(e);
    } catch (IndexSearcher.TooManyClauses e) {
      throw tooManyTerms(-1, e);
    } catch (TooComplexToDeterminizeException e) {
      throw new InvalidQueryException(
          "a wildcard or regular expression is too complex; make it simpler or more literal",
          -1,
          e);
    } catch (IllegalArgumentException e) {
      throw new InvalidQueryException("invalid query: " + e.getMessage(), -1, e);
    }
    int terms = countTerms(query);
    if (terms > MAX_TERMS) {
      throw tooManyTerms(terms, null);
    }
    int clauses = countClauses(query);
    if (clauses > MAX_CLAUSES) {
      throw new InvalidQueryException(
          "the query has too many terms for the "
              + fields.size()
              + " languages of the index: each word is searched as written and in each language,"
              + " "
              + clauses
              + " clauses in all [max "
              + MAX_CLAUSES
              + "]; split it into several searches",
          -1,
          null);
    }
    return withPositiveClause(query);
  }

  /** Whether a query string means "every post": blank, {@code *} or {@code *:*}. */
  public static boolean matchesAll(String text) {
    String s = text.strip();
    return s.isEmpty() || s.equals("*") || s.equals("*:*");
  }

  /** Builds the error for a query with too many terms; {@code count} is -1 if not known. */
  static InvalidQueryException tooManyTerms(int count, Throwable cause) {
    return new InvalidQueryException(
        "the query has too many terms"
            + (count >= 0 ? " [got " + count + "]" : "")
            + " [max "
            + MAX_TERMS
            + "]; split it into several searches, or use wildcards or ranges",
        -1,
        cause);
  }

  /**
   * Counts the terms and term patterns of a query as the user typed them: a word searched in the
   * neutral text field and in the language fields counts once.
   */
  static int countTerms(Query query) {
    TermCounter counter = new TermCounter(true);
    query.visit(counter);
    return counter.count;
  }

  /**
   * Counts the term lookups and leaves of a query in every field, as Lucene's clause limit does.
   */
  static int countClauses(Query query) {
    TermCounter counter = new TermCounter(false);
    query.visit(counter);
    return counter.count;
  }

  /** Lucene matches nothing for a query of only prohibited clauses: add "everything" to it. */
  private static Query withPositiveClause(Query query) {
    if (!(query instanceof BooleanQuery bq) || bq.clauses().isEmpty()) {
      return query;
    }
    for (BooleanClause c : bq.clauses()) {
      if (c.getOccur() != BooleanClause.Occur.MUST_NOT) {
        return query;
      }
    }
    // Nest the exclusions rather than adding a clause, so the clause count does not grow.
    BooleanQuery.Builder excluded = new BooleanQuery.Builder();
    bq.clauses().forEach(c -> excluded.add(c.getQuery(), BooleanClause.Occur.SHOULD));
    return new BooleanQuery.Builder()
        .add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST)
        .add(excluded.build(), BooleanClause.Occur.MUST_NOT)
        .build();
  }

  /** Counts every term, term pattern and leaf query, however deeply nested. */
  private static final class TermCounter extends QueryVisitor {
    private final boolean skipLanguageFields;
    private int count;

    TermCounter(boolean skipLanguageFields) {
      this.skipLanguageFields = skipLanguageFields;
    }

    @Override
    public boolean acceptField(String field) {
      return !(skipLanguageFields && LanguageAnalyzers.isLanguageField(field));
    }

    @Override
    public void consumeTerms(Query query, Term... terms) {
      // Lucene's clause limit counts a phrase or synonym query once; the user's terms each.
      count += skipLanguageFields ? terms.length : 1;
    }

    @Override
    public void consumeTermsMatching(
        Query query, String field, Supplier<ByteRunAutomaton> automaton) {
      count++;
    }

    @Override
    public void visitLeaf(Query query) {
      count++;
    }

    @Override
    public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
      return this;
    }
  }
}
