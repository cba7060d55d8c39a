package org.tocsin.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.json.PostJson;
import org.tocsin.core.post.PostKey;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.node.config.TocsinConfig;
import org.tocsin.testkit.RealPosts;

/**
 * An import parses each line once: the indexer takes the posts the import parsed instead of reading
 * the captures back from the ledger, and what it indexes is exactly what a rebuild from the ledger
 * alone indexes (same posts, same evidence, same scores).
 */
class ParseOnceTest {
  @TempDir Path dir;

  @Test
  void importedCapturesAreParsedOnceAndIndexedAsTheLedgerHoldsThem() throws Exception {
    List<String> lines = RealPosts.sampleLines();
    Path file = dir.resolve("posts.jsonl");
    Files.write(file, lines, StandardCharsets.UTF_8);
    Path conf = dir.resolve("small-batches.json");
    // small batches: many catch-ups, some running while the import appends and hands over
    Files.writeString(conf, "{\"ingest\": {\"batchSize\": 3}}", StandardCharsets.UTF_8);
    TocsinConfig config = TocsinConfig.load(conf);
    Path data = dir.resolve("data");
    List<CatchUpReport> reports = new ArrayList<>();
    Map<PostKey, ScoredPost> imported = new LinkedHashMap<>();
    ImportReport r;
    try (TocsinNode node = TocsinNode.open(data, config)) {
      r =
          node.importer()
              .importFile(
                  file,
                  new ImportListener() {
                    @Override
                    public void indexed(CatchUpReport report) {
                      reports.add(report);
                    }
                  });
      assertThat(r.accepted()).isEqualTo(lines.size());
      assertThat(reports.stream().mapToLong(CatchUpReport::postsIndexed).sum())
          .isEqualTo(r.accepted());
      assertThat(reports.stream().mapToLong(CatchUpReport::capturesParsed).sum())
          .as("captures the indexer read back and parsed again")
          .isZero();
      for (String line : lines) {
        PostKey key = PostJson.read(line).key();
        imported.put(key, node.index().get(key).orElseThrow());
      }
    }

    // the same ledger, the index rebuilt from it alone: every capture is read and parsed there
    TocsinNode.deleteTree(data.resolve("index"));
    try (TocsinNode node = TocsinNode.open(data, config)) {
      assertThat(node.startupCatchUp().capturesParsed()).isEqualTo(r.accepted());
      for (Map.Entry<PostKey, ScoredPost> e : imported.entrySet()) {
        assertThat(node.index().get(e.getKey())).contains(e.getValue());
      }
    }
  }
}
