package org.tocsin.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.post.Post;
import org.tocsin.index.PostIndex;
import org.tocsin.index.SearchRequest;
import org.tocsin.node.config.TocsinConfig;
import org.tocsin.testkit.RealPosts;
import org.tocsin.testkit.TestNodes;

/** An index written with an older schema is rebuilt from the ledger when the node opens. */
class SchemaRebuildTest {
  @TempDir Path dir;

  @Test
  void anIndexOfTheSchemaBeforeTheLanguageFieldsIsRebuiltAtOpen() throws Exception {
    List<Post> posts = RealPosts.sample();
    Path file = TestNodes.writeJsonl(dir.resolve("a.jsonl"), posts);
    Path data = dir.resolve("data");
    long count;
    try (TocsinNode node = TocsinNode.open(data, TocsinConfig.defaults())) {
      node.importer().importFile(file, ImportListener.NONE);
      node.indexer().flush();
      count = node.index().count();
    }
    // Mark the index as written by schema 2 (no language fields), as an older build left it.
    try (Directory d = FSDirectory.open(data.resolve("index"));
        IndexWriter w =
            new IndexWriter(
                d,
                new IndexWriterConfig(new KeywordAnalyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      Map<String, String> commit = new HashMap<>();
      w.getLiveCommitData().forEach(e -> commit.put(e.getKey(), e.getValue()));
      assertThat(commit).containsEntry(PostIndex.SCHEMA_KEY, PostIndex.SCHEMA_VERSION);
      commit.put(PostIndex.SCHEMA_KEY, "2");
      w.setLiveCommitData(commit.entrySet());
      w.commit();
    }
    try (TocsinNode node = TocsinNode.open(data, TocsinConfig.defaults())) {
      node.indexer().catchUp();
      node.indexer().flush();
      assertThat(node.index().count()).isEqualTo(count);
      assertThat(node.index().lastIndexedSeq()).isEqualTo(node.ledger().lastSeq());
      // The rebuilt index has the Russian field: the instrumental case finds "России".
      assertThat(
              node.index().search(SearchRequest.of("Россией")).hits().stream()
                  .map(h -> h.post().post().id()))
          .contains("ira-6beb875d58971472");
    }
  }
}
