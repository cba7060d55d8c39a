package org.tocsin.index.highlight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.evidence.EvidenceRef;
import org.tocsin.core.json.PostJson;
import org.tocsin.core.post.Post;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.core.score.Explanation;
import org.tocsin.core.score.Factors;
import org.tocsin.core.score.Score;
import org.tocsin.index.analysis.LanguageAnalyzers;
import org.tocsin.index.analysis.PostAnalyzers;
import org.tocsin.index.query.PostQueries;
import org.tocsin.index.schema.PostDocuments;
import org.tocsin.index.schema.PostFields;

/**
 * The highlighter's query for the posts of one language field: the other language fields' clauses
 * are dropped, and the highlights of real posts in many languages stay what the whole query gives.
 */
class LanguageClausesTest {

  private static final Analyzer ANALYZER = PostAnalyzers.create();
  private static final PostQueries QUERIES = new PostQueries(ANALYZER);

  @TempDir static Path dir;
  static FSDirectory directory;
  static DirectoryReader reader;
  static List<ScoredPost> posts;

  @BeforeAll
  static void indexRealPosts() throws Exception {
    posts = new ArrayList<>();
    read("/org/tocsin/index/posts.jsonl", true);
    read("/org/tocsin/index/languages.tsv", false);
    directory = FSDirectory.open(dir);
    try (IndexWriter w = new IndexWriter(directory, new IndexWriterConfig(ANALYZER))) {
      for (ScoredPost sp : posts) {
        w.addDocument(PostDocuments.toDocument(sp));
      }
    }
    reader = DirectoryReader.open(directory);
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    directory.close();
  }

  @Test
  void aWordKeepsTheNeutralFieldAndTheGivenLanguageFieldOnly() throws Exception {
    Query q = QUERIES.parse("refugees");
    assertThat(fields(q)).contains("text.de", "text.en", "text.ru");
    assertThat(fields(LanguageClauses.keepOnly(q, "text.de")))
        .containsOnly(PostFields.TEXT, "text.de");
    assertThat(fields(LanguageClauses.keepOnly(q, null))).containsOnly(PostFields.TEXT);
  }

  @Test
  void otherFieldsAndExclusionsStay() throws Exception {
    Query q = QUERIES.parse("refugees AND platform:gab AND NOT invaders");
    Query kept = LanguageClauses.keepOnly(q, "text.en");
    assertThat(fields(kept)).containsOnly(PostFields.TEXT, "text.en", PostFields.PLATFORM);
    assertThat(((BooleanQuery) kept).clauses())
        .extracting(c -> c.getOccur())
        .containsExactlyElementsOf(
            ((BooleanQuery) q).clauses().stream().map(c -> c.getOccur()).toList());
  }

  @Test
  void aRequiredClauseOfAnotherLanguageLeavesNothingToMark() {
    Query onlyGerman =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term("text.de", "fluchtling")), Occur.MUST)
            .add(new TermQuery(new Term(PostFields.TEXT, "refugees")), Occur.SHOULD)
            .build();
    assertThat(LanguageClauses.keepOnly(onlyGerman, "text.de")).isSameAs(onlyGerman);
    assertThat(LanguageClauses.keepOnly(onlyGerman, "text.en")).isNull();
    Query optional =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term("text.de", "fluchtling")), Occur.SHOULD)
            .add(new TermQuery(new Term("text.ru", "беженц")), Occur.SHOULD)
            .build();
    assertThat(LanguageClauses.keepOnly(optional, "text.en")).isNull();
    Query excluded =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(PostFields.TEXT, "refugees")), Occur.MUST)
            .add(new TermQuery(new Term("text.de", "fluchtling")), Occur.MUST_NOT)
            .build();
    assertThat(fields(LanguageClauses.keepOnly(excluded, "text.en"))).containsOnly(PostFields.TEXT);
  }

  @Test
  void highlightsOfRealPostsInManyLanguagesAreThoseOfTheWholeQuery() throws Exception {
    IndexSearcher searcher = new IndexSearcher(reader);
    PostHighlighter highlighter = new PostHighlighter(ANALYZER);
    List<String> languageFields = present(reader);
    int compared = 0;
    for (String text :
        List.of(
            "refugees",
            "Flüchtlinge OR Flüchtling OR refugees",
            "\"keine Flüchtlinge\" OR invaders",
            "Россия OR россии",
            "parasites~1 OR invad* OR jews",
            "\"push them back\" OR boat")) {
      Query q = QUERIES.parse(text, languageFields);
      ScoreDoc[] hits = searcher.search(q, 50).scoreDocs;
      String[] texts = new String[hits.length];
      String[] fields = new String[hits.length];
      for (int i = 0; i < hits.length; i++) {
        ScoredPost sp =
            PostDocuments.read(
                searcher.storedFields().document(hits[i].doc, PostDocuments.STORED_FIELDS), "doc");
        texts[i] = sp.post().text();
        fields[i] = LanguageAnalyzers.fieldFor(sp.post().lang(), texts[i]);
      }
      String[] narrowed = highlighter.highlight(searcher, q, hits, texts, fields);
      String[] whole = highlighter.highlight(searcher, q, hits, texts, null);
      assertThat(narrowed).as("highlights of %s", text).containsExactly(whole);
      compared += hits.length;
    }
    assertThat(compared).isGreaterThan(15);
  }

  private static List<String> present(DirectoryReader r) {
    List<String> out = new ArrayList<>();
    for (String f : LanguageAnalyzers.FIELDS) {
      if (r.leaves().stream().anyMatch(l -> l.reader().getFieldInfos().fieldInfo(f) != null)) {
        out.add(f);
      }
    }
    return out;
  }

  private static Set<String> fields(Query q) {
    Set<String> out = new HashSet<>();
    q.visit(
        new QueryVisitor() {
          @Override
          public boolean acceptField(String field) {
            out.add(field);
            return true;
          }

          @Override
          public QueryVisitor getSubVisitor(Occur occur, Query parent) {
            return this;
          }
        });
    return out;
  }

  private static void read(String resource, boolean jsonl) throws Exception {
    try (InputStream in = LanguageClausesTest.class.getResourceAsStream(resource);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        Post p = jsonl ? PostJson.read(line) : tsv(line.split("\t"));
        long seq = posts.size() + 1;
        Score score =
            new Score(
                "test",
                "1",
                0.5,
                0.5,
                0.1,
                0.0,
                List.of(),
                Factors.NONE,
                new Explanation(List.of(), List.of(), List.of("test")));
        posts.add(new ScoredPost(p, score, new EvidenceRef(seq, "ab".repeat(32), p.createdAt())));
      }
    }
  }

  private static Post tsv(String[] f) {
    return new Post(
        "twitter",
        f[1],
        null,
        new org.tocsin.core.post.Author("a-" + f[1], "h" + f[1].hashCode(), null, null, null),
        Instant.parse("2024-03-03T00:00:00Z"),
        f[2],
        f[0],
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
