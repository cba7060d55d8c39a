package org.tocsin.index.highlight;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.tocsin.index.analysis.LanguageAnalyzers;

/**
 * Drops from a query the clauses that search only language fields a post is not in.
 *
 * <p>A text term is searched in the neutral field and in every language field of the index, so a
 * query of three words holds some sixty clauses. A post is in the neutral field and at most one
 * language field: for it, the clauses of the other language fields can never match. The highlighter
 * builds the query's matches for every hit and field it marks, looking each clause's terms up again
 * each time; dropping the clauses that cannot match makes that work a few times smaller and leaves
 * the highlight the same.
 */
final class LanguageClauses {

  private LanguageClauses() {}

  /**
   * The query for the posts in one language field: {@code query} without the clauses that search
   * only other language fields.
   *
   * @param languageField the posts' language field, or {@code null} for posts in none
   * @return the narrowed query; {@code null} if nothing of it is left (no clause could match the
   *     posts); {@code query} itself if nothing was dropped
   */
  static Query keepOnly(Query query, String languageField) {
    if (query instanceof BoostQuery bq) {
      Query inner = keepOnly(bq.getQuery(), languageField);
      return inner == null
          ? null
          : inner == bq.getQuery() ? query : new BoostQuery(inner, bq.getBoost());
    }
    if (query instanceof BooleanQuery bq) {
      return keepOnly(bq, languageField);
    }
    return onlyOtherLanguages(query, languageField) ? null : query;
  }

  private static Query keepOnly(BooleanQuery bq, String languageField) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    boolean changed = false;
    boolean hadPositive = false;
    boolean positive = false;
    for (BooleanClause c : bq.clauses()) {
      boolean required = c.isRequired();
      hadPositive |= !c.isProhibited();
      Query q = keepOnly(c.getQuery(), languageField);
      if (q == null) {
        if (required) {
          // a clause the posts must match and cannot: the query matches none of them
          return null;
        }
        // an optional clause or an exclusion that cannot match: without it, the same posts match
        changed = true;
        continue;
      }
      changed |= q != c.getQuery();
      positive |= !c.isProhibited();
      b.add(q, c.getOccur());
    }
    if (!changed || !hadPositive) {
      return bq;
    }
    if (!positive) {
      return null;
    }
    return b.setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch()).build();
  }

  /** Whether every field a query reads is a language field other than {@code keep}. */
  private static boolean onlyOtherLanguages(Query query, String keep) {
    Set<String> fields = new HashSet<>();
    boolean[] fieldless = {false};
    query.visit(
        new QueryVisitor() {
          @Override
          public boolean acceptField(String field) {
            fields.add(field);
            return true;
          }

          @Override
          public void consumeTerms(Query q, Term... terms) {
            for (Term t : terms) {
              fields.add(t.field());
            }
          }

          @Override
          public void consumeTermsMatching(
              Query q, String field, Supplier<ByteRunAutomaton> automaton) {
            fields.add(field);
          }

          @Override
          public void visitLeaf(Query q) {
            // a leaf that names no field (match-all, say) matches whatever fields a post is in
            fieldless[0] |= fields.isEmpty();
          }

          @Override
          public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return this;
          }
        });
    if (fieldless[0] || fields.isEmpty()) {
      return false;
    }
    for (String f : fields) {
      if (!LanguageAnalyzers.isLanguageField(f) || f.equals(keep)) {
        return false;
      }
    }
    return true;
  }
}
