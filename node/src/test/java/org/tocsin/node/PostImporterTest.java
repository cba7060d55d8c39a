package org.tocsin.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.json.PostJson;
import org.tocsin.core.post.Post;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.evidence.LedgerRecord;
import org.tocsin.evidence.capture.CaptureCodec;
import org.tocsin.index.SearchRequest;
import org.tocsin.node.config.TocsinConfig;
import org.tocsin.testkit.RealPosts;
import org.tocsin.testkit.TestNodes;

class PostImporterTest {
  @TempDir Path dir;

  @Test
  void importsRealPostsIntoLedgerAndIndexWithEvidenceOfTheExactBytes() throws Exception {
    List<Post> posts = RealPosts.sample();
    Path file = TestNodes.writeJsonl(dir.resolve("posts.jsonl"), posts);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    try (TocsinNode node = TocsinNode.open(dir.resolve("data"), TocsinConfig.defaults())) {
      ImportReport r = node.importer().importFile(file, ImportListener.NONE);

      assertThat(r.accepted()).isEqualTo(posts.size());
      assertThat(r.rejected()).isZero();
      assertThat(r.firstSeq()).isEqualTo(1);
      assertThat(r.lastSeq()).isEqualTo(posts.size());
      assertThat(node.indexer().indexedThrough()).isGreaterThanOrEqualTo(posts.size());
      // every ledger record holds the exact bytes of its line, with file and line as provenance
      for (int i = 0; i < lines.size(); i++) {
        LedgerRecord rec = node.ledger().read(i + 1);
        byte[] body = CaptureCodec.decode(rec.payload()).body();
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(lines.get(i));
        assertThat(CaptureCodec.decode(rec.payload()).url()).endsWith("#line=" + (i + 1));
      }
      Post first = posts.get(0);
      ScoredPost indexed = node.index().get(first.key()).orElseThrow();
      assertThat(indexed.post()).isEqualTo(first);
      assertThat(indexed.evidence().seq()).isEqualTo(1);
      assertThat(indexed.evidence().sha256())
          .isEqualTo(CaptureCodec.sha256Hex(lines.get(0).getBytes(StandardCharsets.UTF_8)));
    }
  }

  @Test
  void theCascadeOnTwoThreadsScoresEveryImportedPostAsItsOwn() throws Exception {
    List<Post> posts = RealPosts.sample();
    Path file = TestNodes.writeJsonl(dir.resolve("posts.jsonl"), posts);
    Path conf = dir.resolve("cascade.json");
    // deepStage off keeps CoreNLP out of the fast suite; the batch still goes over two threads
    Files.writeString(
        conf,
        "{\"nlp\": {\"cascade\": {\"enabled\": true, \"deepStage\": false, \"threads\": 2}}}",
        StandardCharsets.UTF_8);
    TocsinConfig config = TocsinConfig.load(conf);
    org.tocsin.core.score.PostScorer alone = TocsinNode.scorer(config);
    try (TocsinNode node = TocsinNode.open(dir.resolve("data"), config)) {
      ImportReport r = node.importer().importFile(file, ImportListener.NONE);
      assertThat(r.accepted()).isEqualTo(posts.size());
      assertThat(node.index().count()).isEqualTo(posts.size());
      for (Post p : posts) {
        ScoredPost indexed = node.index().get(p.key()).orElseThrow();
        org.tocsin.core.score.Score expected = alone.score(p);
        assertThat(indexed.score().hate()).isEqualTo(expected.hate());
        assertThat(indexed.score().offensive()).isEqualTo(expected.offensive());
        assertThat(indexed.score().explanation().lexicon())
            .isEqualTo(expected.explanation().lexicon());
        assertThat(indexed.score().explanation().notes()).contains("deep stage: off");
      }
    }
  }

  @Test
  void badLinesAreReportedWithTheirNumberAndSkippedWithoutStoppingTheRest() throws Exception {
    List<Post> posts = RealPosts.sample().subList(0, 5);
    List<String> lines = new ArrayList<>();
    lines.add(PostJson.write(posts.get(0)));
    lines.add("{not json");
    lines.add(PostJson.write(posts.get(1)));
    lines.add("{\"platform\":\"x\",\"id\":\"1\"}");
    lines.add("");
    lines.add("[1,2,3]");
    lines.add(
        PostJson.write(posts.get(2)).replace("\"createdAt\":\"", "\"createdAt\":\"yesterday "));
    lines.add(PostJson.write(posts.get(3)));
    lines.add("x".repeat(PostJson.MAX_LINE_BYTES + 10));
    lines.add(PostJson.write(posts.get(4)));
    Path file = dir.resolve("mixed.jsonl");
    Files.write(file, lines, StandardCharsets.UTF_8);
    List<String> rejected = new ArrayList<>();
    try (TocsinNode node = TocsinNode.open(dir.resolve("data"), TocsinConfig.defaults())) {
      ImportReport r =
          node.importer()
              .importFile(
                  file,
                  new ImportListener() {
                    @Override
                    public void rejected(long lineNumber, String reason) {
                      rejected.add(lineNumber + ": " + reason);
                    }
                  });

      assertThat(r.accepted()).isEqualTo(4);
      assertThat(r.rejected()).isEqualTo(5);
      assertThat(r.linesRead()).isEqualTo(10);
      assertThat(rejected)
          .hasSize(5)
          .satisfiesExactly(
              l -> assertThat(l).startsWith("2: not valid JSON"),
              l -> assertThat(l).startsWith("4: text: required string is missing"),
              l -> assertThat(l).startsWith("6: a post must be a JSON object"),
              l -> assertThat(l).startsWith("7: createdAt"),
              l -> assertThat(l).startsWith("9: line is too long"));
      assertThat(node.index().count()).isEqualTo(4);
      assertThat(
              node.index()
                  .search(new SearchRequest("", 0, 10, SearchRequest.Sort.NEWEST))
                  .totalHits())
          .isEqualTo(4);
    }
  }

  @Test
  void indexCommitsEveryNRecordsAndAtCloseAndSurvivesReopen() throws Exception {
    List<Post> posts = RealPosts.sample().subList(0, 100);
    Path file = TestNodes.writeJsonl(dir.resolve("posts.jsonl"), posts);
    Path data = dir.resolve("data");
    Path config = dir.resolve("tocsin.json");
    Files.writeString(config, "{\"ingest\": {\"batchSize\": 10, \"commitEveryRecords\": 30}}");
    try (TocsinNode node = TocsinNode.open(data, TocsinConfig.load(config))) {
      node.importer().importFile(file, ImportListener.NONE);
      long indexed = node.indexer().indexedThrough();
      assertThat(indexed).isGreaterThanOrEqualTo(100);
      // commits happen every 30 records; what came after the last commit is searchable only
      assertThat(node.indexer().committedThrough()).isBetween(30L, indexed);
      assertThat(node.index().lastIndexedSeq()).isEqualTo(node.indexer().committedThrough());
      assertThat(node.index().count()).isEqualTo(100);
    }
    try (TocsinNode node = TocsinNode.open(data, TocsinConfig.load(config))) {
      assertThat(node.startupCatchUp().postsIndexed()).isZero(); // close committed the rest
      assertThat(node.index().lastIndexedSeq()).isGreaterThanOrEqualTo(100);
      assertThat(node.index().count()).isEqualTo(100);
    }
  }

  @Test
  void aPostEditedUpstreamIsANewVersionAndACustodyEvent() throws Exception {
    Post original = RealPosts.sample().get(3);
    Post edited =
        new Post(
            original.platform(),
            original.id(),
            original.url(),
            original.author(),
            original.createdAt(),
            original.text() + " [edited]",
            original.lang(),
            null,
            null,
            null,
            original.links(),
            original.hashtags(),
            original.mentions(),
            original.media(),
            original.metrics(),
            java.time.Instant.parse("2026-01-01T00:00:00Z"),
            original.extra());
    long firstSeq;
    try (TocsinNode node = TocsinNode.open(dir.resolve("data"), TocsinConfig.defaults())) {
      node.importer()
          .importFile(
              TestNodes.writeJsonl(dir.resolve("a.jsonl"), List.of(original)), ImportListener.NONE);
      node.importer()
          .importFile(
              TestNodes.writeJsonl(dir.resolve("b.jsonl"), List.of(edited)), ImportListener.NONE);
      assertThat(node.index().get(original.key()).orElseThrow().post().text()).endsWith("[edited]");
      assertThat(node.index().versions(original.key())).hasSize(2);
      firstSeq = node.index().versions(original.key()).get(0).evidence().seq();
    } // closing waits until every custody append is durable
    try (TocsinNode node = TocsinNode.open(dir.resolve("data"), TocsinConfig.defaults())) {
      List<String> types = new ArrayList<>();
      node.ledger().custodyHistory(firstSeq).forEach(c -> types.add(c.event().type().jsonName()));
      assertThat(types).contains("parsed", "scored", "indexed", "edited-upstream");
    }
  }

  @Test
  void indexRebuiltFromLedgerAfterItIsLost() throws Exception {
    List<Post> posts = RealPosts.sample().subList(0, 40);
    Path file = TestNodes.writeJsonl(dir.resolve("posts.jsonl"), posts);
    Path data = dir.resolve("data");
    try (TocsinNode node = TocsinNode.open(data, TocsinConfig.defaults())) {
      node.importer().importFile(file, ImportListener.NONE);
    }
    TocsinNode.deleteTree(data.resolve("index"));
    try (TocsinNode node = TocsinNode.open(data, TocsinConfig.defaults())) {
      assertThat(node.startupCatchUp().postsIndexed()).isEqualTo(40);
      assertThat(node.index().count()).isEqualTo(40);
      assertThat(node.index().lastIndexedSeq()).isEqualTo(node.indexer().indexedThrough());
    }
    // a second open finds nothing to do: catch-up is idempotent
    try (TocsinNode node = TocsinNode.open(data, TocsinConfig.defaults())) {
      assertThat(node.startupCatchUp().postsIndexed()).isZero();
      assertThat(node.index().count()).isEqualTo(40);
    }
  }
}
