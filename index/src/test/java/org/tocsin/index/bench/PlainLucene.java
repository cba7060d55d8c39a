package org.tocsin.index.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.range.LongRange;
import org.apache.lucene.facet.range.LongRangeFacetCounts;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.core.score.TargetScore;

/**
 * The baseline: the same posts in a plain Lucene index (StandardAnalyzer text, keyword facets with
 * lucene-facet's SortedSetDocValuesFacetField, points and doc values for time and hate), queried
 * the idiomatic way: top 20 with stored text, facet counts by lucene-facet, day counts by
 * LongRangeFacetCounts.
 */
final class PlainLucene implements AutoCloseable {

  static final List<String> DIMS = List.of("target", "language", "platform", "label");

  private final FSDirectory dir;
  private final IndexWriter writer;
  private final FacetsConfig config = new FacetsConfig();
  private DirectoryReader reader;
  private IndexSearcher searcher;
  private SortedSetDocValuesReaderState state;

  PlainLucene(Path path) throws IOException {
    dir = FSDirectory.open(path);
    writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()));
    config.setMultiValued("target", true);
  }

  void add(List<ScoredPost> posts) throws IOException {
    for (ScoredPost sp : posts) {
      Document d = new Document();
      d.add(new StringField("id", sp.post().key().toString(), Field.Store.YES));
      d.add(new TextField("text", sp.post().text(), Field.Store.YES));
      long t = sp.post().createdAt().toEpochMilli();
      d.add(new LongPoint("createdAt", t));
      d.add(new NumericDocValuesField("createdAt", t));
      d.add(new DoublePoint("hate", sp.score().hate()));
      d.add(new StringField("platform", sp.post().platform(), Field.Store.NO));
      d.add(new SortedSetDocValuesFacetField("platform", sp.post().platform()));
      String lang = sp.post().lang();
      if (lang != null && !lang.isEmpty()) {
        d.add(new SortedSetDocValuesFacetField("language", lang));
      }
      d.add(new SortedSetDocValuesFacetField("label", sp.score().label()));
      for (TargetScore ts : sp.score().targets()) {
        d.add(new SortedSetDocValuesFacetField("target", ts.group()));
      }
      writer.addDocument(config.build(d));
    }
  }

  void commit() throws IOException {
    writer.commit();
  }

  /** Opens the searcher and the facet state (built once per reader, as an application would). */
  void open() throws IOException {
    reader = DirectoryReader.open(writer);
    searcher = new IndexSearcher(reader);
    state = new DefaultSortedSetDocValuesReaderState(reader, config);
  }

  /** Top 20 by relevance, with their stored text. */
  int search(Query q) throws IOException {
    TopDocs top = searcher.search(q, 20);
    int chars = 0;
    for (ScoreDoc sd : top.scoreDocs) {
      chars += searcher.storedFields().document(sd.doc).get("text").length();
    }
    return chars + (int) top.totalHits.value;
  }

  /** Top 10 values of every dimension over the matches. */
  int facets(Query q) throws IOException {
    FacetsCollector fc = searcher.search(q, new FacetsCollectorManager());
    SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state, fc);
    int n = 0;
    for (String dim : DIMS) {
      var top = counts.getTopChildren(10, dim);
      n += top == null ? 0 : top.childCount;
    }
    return n;
  }

  /** Counts per UTC day over the matches. */
  int days(Query q, long start, int days) throws IOException {
    FacetsCollector fc = searcher.search(q, new FacetsCollectorManager());
    LongRange[] ranges = new LongRange[days];
    for (int i = 0; i < days; i++) {
      long s = start + i * 86_400_000L;
      ranges[i] = new LongRange("d" + i, s, true, s + 86_400_000L, false);
    }
    return new LongRangeFacetCounts("createdAt", fc, ranges).getAllChildren("createdAt").childCount;
  }

  long sizeBytes() throws IOException {
    long n = 0;
    for (String f : dir.listAll()) {
      n += dir.fileLength(f);
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    if (reader != null) {
      reader.close();
    }
    writer.close();
    dir.close();
  }
}
