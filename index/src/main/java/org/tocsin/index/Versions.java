package org.tocsin.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.tocsin.core.post.PostKey;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.index.schema.PostDocuments;
import org.tocsin.index.schema.PostFields;

/**
 * Writes versions of posts and keeps the latest flag right.
 *
 * <p>A document is one version of a post: its identity is {@code platform/id@seq} ({@link
 * PostFields#VERSION_ID}), so adding the same ledger record again replaces the same document. The
 * version with the highest ledger seq carries {@link PostFields#LATEST}. When a newer version
 * arrives, the previous latest is re-added without the flag (from its stored fields); a version
 * older than the latest, as a replay out of order would add, is added without it. To see versions
 * it added but has not yet published, it refreshes the searcher when a key comes back before the
 * next refresh (an edit within one batch: rare). Not thread-safe: the index calls it under its
 * lock.
 */
final class Versions {

  private static final int MAX_LATEST = 16;

  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Set<String> unpublished = new HashSet<>();

  Versions(IndexWriter writer, SearcherManager searchers) {
    this.writer = writer;
    this.searchers = searchers;
  }

  /** Adds versions; see {@link PostIndex#add(List, Map)}. */
  void add(List<ScoredPost> posts, Map<PostKey, ? extends Collection<String>> campaigns)
      throws IOException {
    List<Document> docs = new ArrayList<>(posts.size());
    for (ScoredPost sp : posts) {
      Collection<String> ids = campaigns.get(sp.post().key());
      docs.add(PostDocuments.toDocument(sp, ids == null ? List.of() : ids, false));
    }
    for (int i = 0; i < docs.size(); i++) {
      ScoredPost sp = posts.get(i);
      String key = sp.post().key().toString();
      long seq = sp.evidence().seq();
      if (!unpublished.add(key)) {
        searchers.maybeRefreshBlocking();
        unpublished.clear();
        unpublished.add(key);
      }
      if (demoteOlderThan(key, seq)) {
        PostDocuments.markLatest(docs.get(i));
      }
      writer.updateDocument(
          new Term(PostFields.VERSION_ID, PostDocuments.versionId(key, seq)), docs.get(i));
    }
  }

  /** Called after a refresh or commit made everything added so far visible. */
  void published() {
    unpublished.clear();
  }

  /**
   * Re-adds, without the latest flag, every latest version of a key older than {@code seq}.
   *
   * @return whether {@code seq} is now the latest version (no version newer than it exists)
   */
  private boolean demoteOlderThan(String key, long seq) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      ScoreDoc[] latest = searcher.search(latestOf(key), MAX_LATEST).scoreDocs;
      boolean newest = true;
      for (ScoreDoc sd : latest) {
        Document stored =
            searcher.storedFields().document(sd.doc, PostDocuments.STORED_FIELDS_WITH_CAMPAIGNS);
        ScoredPost old = PostDocuments.read(stored, "doc " + sd.doc + " of " + key);
        long oldSeq = old.evidence().seq();
        if (oldSeq > seq) {
          newest = false;
        } else if (oldSeq < seq) {
          Document d = PostDocuments.toDocument(old, PostDocuments.readCampaigns(stored), false);
          writer.updateDocument(
              new Term(PostFields.VERSION_ID, PostDocuments.versionId(key, oldSeq)), d);
        }
      }
      return newest;
    } finally {
      searchers.release(searcher);
    }
  }

  /** The query for the latest version of a key. */
  static Query latestOf(String key) {
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term(PostFields.KEY, key)), BooleanClause.Occur.FILTER)
        .add(
            new TermQuery(new Term(PostFields.LATEST, PostFields.LATEST_VALUE)),
            BooleanClause.Occur.FILTER)
        .build();
  }
}
