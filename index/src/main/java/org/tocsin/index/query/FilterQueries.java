package org.tocsin.index.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.tocsin.index.ScoreField;
import org.tocsin.index.ScoreRange;
import org.tocsin.index.SearchFilters;
import org.tocsin.index.schema.PostDocuments;
import org.tocsin.index.schema.PostFields;

/**
 * Turns {@link SearchFilters} into Lucene FILTER clauses: they narrow the hits and never change a
 * score. Keyword values are normalised exactly as the index normalises them.
 */
public final class FilterQueries {

  private FilterQueries() {}

  /**
   * The query that matches what {@code query} matches, restricted by the filters, with the scores
   * of {@code query}.
   */
  public static Query apply(Query query, SearchFilters filters) {
    Objects.requireNonNull(query, "query");
    List<Query> clauses = clauses(filters);
    if (clauses.isEmpty()) {
      return query;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST);
    clauses.forEach(c -> b.add(c, BooleanClause.Occur.FILTER));
    return b.build();
  }

  /** The filter clauses, one per filter that is set; the latest-version filter included. */
  public static List<Query> clauses(SearchFilters f) {
    Objects.requireNonNull(f, "filters");
    List<Query> out = new ArrayList<>();
    if (!f.allVersions()) {
      out.add(new TermQuery(new Term(PostFields.LATEST, PostFields.LATEST_VALUE)));
    }
    if (f.from() != null || f.to() != null) {
      long min = f.from() == null ? Long.MIN_VALUE : PostDocuments.epochMillis(f.from());
      long max = f.to() == null ? Long.MAX_VALUE : PostDocuments.epochMillis(f.to()) - 1;
      out.add(LongPoint.newRangeQuery(PostFields.CREATED_AT, min, max));
    }
    anyOf(out, f.platforms(), PostFields.PLATFORM);
    anyOf(out, f.languages(), PostFields.LANG);
    anyOf(out, f.targets(), PostFields.TARGETS);
    anyOf(out, f.grounds(), PostFields.GROUNDS);
    anyOf(out, f.labels(), PostFields.LABEL);
    anyOf(out, f.authors(), PostFields.AUTHOR_HANDLE, PostFields.AUTHOR_ID);
    anyOf(out, f.campaigns(), PostFields.CAMPAIGNS);
    for (Map.Entry<ScoreField, ScoreRange> e : f.scores().entrySet()) {
      ScoreRange r = e.getValue();
      out.add(DoublePoint.newRangeQuery(e.getKey().field(), r.min(), r.max()));
    }
    return out;
  }

  /** One clause that matches a document with any of the values in any of the fields. */
  private static void anyOf(List<Query> out, List<String> values, String... fields) {
    if (values.isEmpty()) {
      return;
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    int terms = 0;
    for (String v : values) {
      for (String field : fields) {
        BytesRef term = PostDocuments.keywordTerm(field, v);
        if (term != null) {
          any.add(new TermQuery(new Term(field, term)), BooleanClause.Occur.SHOULD);
          terms++;
        }
      }
    }
    out.add(terms == 0 ? new MatchNoDocsQuery("no indexable filter value") : any.build());
  }
}
