package org.tocsin.index.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * The counts of a large segment, cut into ranges and counted on several threads, equal a plain
 * count of its live documents: single-valued and multi-valued facets, documents without a value,
 * deleted documents, and a segment too small to be cut.
 */
class LiveDocCounterTest {

  private static final List<Facet> DIMS = List.of(Facet.LANGUAGE, Facet.TARGET, Facet.LABEL);
  private static final String[] LANGS = {"en", "de", "ar", "my", "am", "ru"};
  private static final String[] GROUPS = {"muslim", "jewish", "refugee", "gay", "black"};

  @Test
  void aLargeSegmentCountedInRangesEqualsAPlainCount() throws Exception {
    check(LiveDocCounter.PARALLEL_MIN_DOCS + 12_345);
  }

  @Test
  void aSmallSegmentIsCountedToo() throws Exception {
    check(1_000);
  }

  private static void check(int docs) throws Exception {
    Random random = new Random(docs);
    List<Map<String, Long>> expected = List.of(new HashMap<>(), new HashMap<>(), new HashMap<>());
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter w =
            new IndexWriter(
                dir,
                new IndexWriterConfig(new KeywordAnalyzer())
                    .setMergePolicy(NoMergePolicy.INSTANCE)
                    .setRAMBufferSizeMB(256))) {
      boolean[] deleted = new boolean[docs];
      for (int i = 0; i < docs; i++) {
        deleted[i] = random.nextInt(10) == 0;
      }
      long live = 0;
      for (int i = 0; i < docs; i++) {
        Document d = new Document();
        d.add(new StringField("id", Integer.toString(i), Field.Store.NO));
        String lang = LANGS[random.nextInt(LANGS.length)];
        d.add(new SortedSetDocValuesField(Facet.LANGUAGE.field(), new BytesRef(lang)));
        int groups = random.nextInt(3); // 0, 1 or 2 target groups
        java.util.Set<String> these = new java.util.TreeSet<>();
        while (these.size() < groups) {
          these.add(GROUPS[random.nextInt(GROUPS.length)]);
        }
        for (String g : these) {
          d.add(new SortedSetDocValuesField(Facet.TARGET.field(), new BytesRef(g)));
        }
        String label = i % 17 == 0 ? null : (i % 3 == 0 ? "hate" : "normal");
        if (label != null) {
          d.add(new SortedSetDocValuesField(Facet.LABEL.field(), new BytesRef(label)));
        }
        w.addDocument(d);
        if (!deleted[i]) {
          live++;
          expected.get(0).merge(lang, 1L, Long::sum);
          these.forEach(g -> expected.get(1).merge(g, 1L, Long::sum));
          if (label != null) {
            expected.get(2).merge(label, 1L, Long::sum);
          }
        }
      }
      for (int i = 0; i < docs; i++) {
        if (deleted[i]) {
          w.deleteDocuments(new Term("id", Integer.toString(i)));
        }
      }
      w.commit();
      try (DirectoryReader r = DirectoryReader.open(w)) {
        assertThat(r.leaves()).hasSize(1);
        LeafReader leaf = r.leaves().get(0).reader();
        assertThat(leaf.maxDoc()).isEqualTo(docs);
        for (int round = 0; round < 3; round++) {
          FacetCache.Counts c = LiveDocCounter.count(leaf, DIMS);
          assertThat(c.hits()).isEqualTo(live);
          assertThat(c.byFacet()).isEqualTo(expected);
        }
      }
    }
  }
}
