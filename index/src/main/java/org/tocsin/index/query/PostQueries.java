package org.tocsin.index.query;

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
   * The most terms (and term patterns) a query may hold, counted over all its clauses; the same as
   * Lucene's default clause limit, which is global and left alone.
   */
  public static final int MAX_TERMS = 1024;

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
    Objects.requireNonNull(text, "text");
    if (matchesAll(text)) {
      return new MatchAllDocsQuery();
    }
    Query query;
    try {
      query = new PostQueryParser(analyzer).parse(text);
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

  /** Counts the terms and term patterns a query would look up. */
  static int countTerms(Query query) {
    TermCounter counter = new TermCounter();
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
    private int count;

    @Override
    public void consumeTerms(Query query, Term... terms) {
      count += terms.length;
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
