package org.tocsin.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Malformed and hostile queries fail with a message for the user and nothing else. */
class InvalidQueryTest {

  @TempDir static Path dir;
  static PostIndex index;

  @BeforeAll
  static void indexTheCorpus() throws IOException {
    index = PostIndex.open(dir);
    index.add(TestPosts.all());
    index.commit(30);
  }

  @AfterAll
  static void close() throws IOException {
    index.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "text:(",
        "\"unclosed",
        "*foo",
        "?oo",
        "a AND",
        "AND",
        "(a OR b",
        "a)",
        "text:[a TO",
        "nosuchfield:x",
        "https://example.org",
        "hate:high",
        "hate:[low TO 1]",
        "createdAt:yesterday",
        "seq:[1 TO x]",
        "hate:0.5*",
        "incitement:0.9~",
        "/.*/",
        "/a[b-/",
        "foo^",
        "foo^99999999999999999999999999999999999999999999",
        "foo~1.5",
        "\\",
        "text:*",
        "hashtag:*foo",
        "a OR ]",
        "!!"
      })
  void malformedQueriesThrowInvalidQueryException(String query) {
    Throwable t = catchThrowable(() -> index.search(SearchRequest.of(query)));
    assertThat(t).as("query %s", query).isInstanceOf(InvalidQueryException.class);
    assertThat(t.getMessage()).isNotBlank().doesNotContain("Cannot parse");
  }

  @Test
  void syntaxErrorsNameTheColumn() {
    InvalidQueryException e = invalid("text:(");
    assertThat(e.column()).isEqualTo(7);
    assertThat(e.getMessage()).contains("column 7").contains("'('");
    assertThat(invalid("a AND").getMessage()).contains("after 'AND'");
    assertThat(invalid("a OR ) b").column()).isEqualTo(6);
    InvalidQueryException quote = invalid("\"unclosed");
    assertThat(quote.getMessage()).contains("quoted phrase");
  }

  @Test
  void leadingWildcardsAndUnknownFieldsSayWhatToDo() {
    assertThat(invalid("*foo").getMessage()).contains("may not start with * or ?").contains("*foo");
    assertThat(invalid("nosuchfield:x").getMessage())
        .contains("unknown field 'nosuchfield'")
        .contains("platform")
        .contains("hashtag");
    assertThat(invalid("hate:high").getMessage()).contains("[got high]");
  }

  @Test
  void tooLongQueryIsRefusedByTheRequest() {
    String q = "a".repeat(SearchRequest.MAX_QUERY_CHARS + 1);
    assertThatThrownBy(() -> SearchRequest.of(q))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[got 2001 characters]");
  }

  @Test
  void fiveThousandOrTermsAreRefused() {
    String q = IntStream.range(0, 5000).mapToObj(i -> "t" + i).collect(Collectors.joining(" OR "));
    assertThatThrownBy(() -> SearchRequest.of(q)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tooManyTermsWithinTheLengthLimitAreRefused() {
    // 1,500 ideographs are 1,500 terms in 1,500 characters.
    String cjk = "移".repeat(1_500);
    assertThat(invalid(cjk).getMessage()).contains("too many terms");
    String terms = IntStream.range(0, 1_000).mapToObj(i -> "a").collect(Collectors.joining(" "));
    assertThat(terms.length()).isLessThanOrEqualTo(SearchRequest.MAX_QUERY_CHARS);
    // 1,000 terms is within the limit.
    assertThat(catchThrowable(() -> index.search(SearchRequest.of(terms)))).isNull();
  }

  @Test
  void hugeFuzzyTermIsRefused() {
    assertThat(invalid("a".repeat(1_900) + "~2").getMessage()).contains("fuzzy");
  }

  @Test
  void ordinaryPunctuationIsNotAnError() throws Exception {
    for (String q : new String[] {"<script>alert(1)</script>", "\u202Eevil", "'; DROP TABLE"}) {
      Throwable t = catchThrowable(() -> index.search(SearchRequest.of(q)));
      assertThat(t)
          .as("query %s", q)
          .satisfiesAnyOf(
              x -> assertThat(x).isNull(),
              x -> assertThat(x).isInstanceOf(InvalidQueryException.class));
    }
    assertThat(index.search(SearchRequest.of("\"<script>\"")).totalHits()).isNotNegative();
  }

  private static InvalidQueryException invalid(String query) {
    Throwable t = catchThrowable(() -> index.search(SearchRequest.of(query)));
    assertThat(t).as("query %s", query).isInstanceOf(InvalidQueryException.class);
    return (InvalidQueryException) t;
  }
}
