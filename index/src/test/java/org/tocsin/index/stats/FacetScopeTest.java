package org.tocsin.index.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.tocsin.index.InvalidQueryException;
import org.tocsin.index.SearchFilters;
import org.tocsin.index.analysis.PostAnalyzers;
import org.tocsin.index.query.FilterQueries;
import org.tocsin.index.query.PostQueries;

/** The queries whose facets are counted from doc values alone, without running the query. */
class FacetScopeTest {

  private final PostQueries queries = new PostQueries(PostAnalyzers.create());

  @Test
  void allPostsAndAllVersionsAreRecognised() throws InvalidQueryException {
    assertThat(FacetCollector.Scope.of(FilterQueries.apply(queries.parse(""), SearchFilters.NONE)))
        .isEqualTo(FacetCollector.Scope.LATEST);
    SearchFilters every = SearchFilters.builder().allVersions(true).build();
    assertThat(FacetCollector.Scope.of(FilterQueries.apply(queries.parse("*:*"), every)))
        .isEqualTo(FacetCollector.Scope.ALL);
  }

  @Test
  void anythingNarrowerIsRun() throws InvalidQueryException {
    SearchFilters en = SearchFilters.builder().languages("en").build();
    assertThat(FacetCollector.Scope.of(FilterQueries.apply(queries.parse(""), en)))
        .isEqualTo(FacetCollector.Scope.OTHER);
    assertThat(
            FacetCollector.Scope.of(
                FilterQueries.apply(queries.parse("refugees"), SearchFilters.NONE)))
        .isEqualTo(FacetCollector.Scope.OTHER);
    assertThat(FacetCollector.Scope.of(new TermQuery(new Term("latest", "true"))))
        .isEqualTo(FacetCollector.Scope.OTHER);
    assertThat(FacetCollector.Scope.of(new MatchAllDocsQuery()))
        .isEqualTo(FacetCollector.Scope.ALL);
  }
}
