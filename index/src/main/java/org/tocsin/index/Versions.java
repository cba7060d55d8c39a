package org.tocsin.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
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
 * older than the latest, as a replay out of order would add, is added without it.
 *
 * <p>A batch is written with one look-up: the batch's keys are sought in the {@link PostFields#KEY}
 * terms of each segment ({@link TermsEnum#seekExact}, no search), so a key that is new (every key
 * of an import) costs one failed seek per segment, and stored fields are read only for a latest
 * version that must be demoted. Several versions of one key in a batch are resolved in memory: only
 * the highest seq can become the latest. To see versions it wrote but has not yet published, it
 * refreshes the searcher once when a batch holds a key written since the last refresh (rare: an
 * edit within one import window). Not thread-safe: the index calls it under its lock.
 */
final class Versions {

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
    // Build every document first: a post that cannot be indexed fails the batch before any write.
    List<Document> docs = new ArrayList<>(posts.size());
    // Per key, each seq of the batch and the index of its last occurrence (a later one replaces).
    Map<String, TreeMap<Long, Integer>> byKey = new LinkedHashMap<>();
    for (int i = 0; i < posts.size(); i++) {
      ScoredPost sp = posts.get(i);
      Collection<String> ids = campaigns.get(sp.post().key());
      docs.add(PostDocuments.toDocument(sp, ids == null ? List.of() : ids, false));
      byKey
          .computeIfAbsent(sp.post().key().toString(), k -> new TreeMap<>())
          .put(sp.evidence().seq(), i);
    }
    if (!Collections.disjoint(unpublished, byKey.keySet())) {
      searchers.maybeRefreshBlocking();
      unpublished.clear();
    }
    IndexSearcher searcher = searchers.acquire();
    try {
      Map<String, List<Latest>> existing = latestVersions(searcher.getIndexReader(), byKey);
      // Before any write: if a write fails part-way, the next batch still refreshes first.
      unpublished.addAll(byKey.keySet());
      Set<Integer> latest = new HashSet<>();
      for (Map.Entry<String, TreeMap<Long, Integer>> e : byKey.entrySet()) {
        if (demoteOlderThan(searcher, e.getKey(), e.getValue(), existing.get(e.getKey()))) {
          latest.add(e.getValue().lastEntry().getValue());
        }
      }
      for (int i = 0; i < posts.size(); i++) {
        ScoredPost sp = posts.get(i);
        String key = sp.post().key().toString();
        long seq = sp.evidence().seq();
        if (byKey.get(key).get(seq) != i) {
          continue; // the same version comes again later in the batch and replaces this one
        }
        if (latest.contains(i)) {
          PostDocuments.markLatest(docs.get(i));
        }
        // Always by identity, even for a new key: measured, addDocument for new keys made the
        // writer stall on merges (wall time up by half at equal CPU) in the ingest benchmark.
        writer.updateDocument(
            new Term(PostFields.VERSION_ID, PostDocuments.versionId(key, seq)), docs.get(i));
      }
    } finally {
      searchers.release(searcher);
    }
  }

  /** Called after a refresh or commit made everything added so far visible. */
  void published() {
    unpublished.clear();
  }

  /**
   * Re-adds, without the latest flag, every latest version of a key older than the newest version
   * of the batch, unless the batch replaces it.
   *
   * @param batch the batch's versions of the key: seq to index in the batch
   * @param existing the key's versions in the index that carry the latest flag, or {@code null}
   * @return whether the newest version of the batch is now the latest (none newer exists)
   */
  private boolean demoteOlderThan(
      IndexSearcher searcher, String key, TreeMap<Long, Integer> batch, List<Latest> existing)
      throws IOException {
    if (existing == null) {
      return true;
    }
    long seq = batch.lastKey();
    boolean newest = true;
    for (Latest old : existing) {
      if (old.seq() > seq) {
        newest = false;
      } else if (old.seq() < seq && !batch.containsKey(old.seq())) {
        Document stored =
            searcher.storedFields().document(old.doc(), PostDocuments.STORED_FIELDS_WITH_CAMPAIGNS);
        ScoredPost sp = PostDocuments.read(stored, "doc " + old.doc() + " of " + key);
        Document d = PostDocuments.toDocument(sp, PostDocuments.readCampaigns(stored), false);
        writer.updateDocument(
            new Term(PostFields.VERSION_ID, PostDocuments.versionId(key, old.seq())), d);
      }
    }
    return newest;
  }

  /**
   * The live documents carrying the latest flag of each of some keys, by key; keys without one are
   * absent. Seeks each key in the key terms of every segment, in term order.
   */
  private static Map<String, List<Latest>> latestVersions(IndexReader reader, Map<String, ?> keys)
      throws IOException {
    List<BytesRef> sorted = new ArrayList<>(keys.size());
    keys.keySet().forEach(k -> sorted.add(new BytesRef(k)));
    Collections.sort(sorted);
    Map<String, List<Latest>> out = new HashMap<>();
    PostingsEnum postings = null;
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader r = leaf.reader();
      Terms terms = r.terms(PostFields.KEY);
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      Bits live = r.getLiveDocs();
      List<Candidate> found = new ArrayList<>();
      for (BytesRef key : sorted) {
        if (!te.seekExact(key)) {
          continue;
        }
        postings = te.postings(postings, PostingsEnum.NONE);
        for (int d = postings.nextDoc();
            d != DocIdSetIterator.NO_MORE_DOCS;
            d = postings.nextDoc()) {
          if (live == null || live.get(d)) {
            found.add(new Candidate(d, key.utf8ToString()));
          }
        }
      }
      if (!found.isEmpty()) {
        addLatest(leaf, found, out);
      }
    }
    return out;
  }

  /** Keeps, of the candidates of one segment, those that carry the latest flag, with their seq. */
  private static void addLatest(
      LeafReaderContext leaf, List<Candidate> found, Map<String, List<Latest>> out)
      throws IOException {
    LeafReader r = leaf.reader();
    Terms flags = r.terms(PostFields.LATEST);
    if (flags == null) {
      return;
    }
    TermsEnum te = flags.iterator();
    if (!te.seekExact(new BytesRef(PostFields.LATEST_VALUE))) {
      return;
    }
    PostingsEnum latest = te.postings(null, PostingsEnum.NONE);
    NumericDocValues seqs = DocValues.getNumeric(r, PostFields.EVIDENCE_SEQ);
    found.sort((a, b) -> Integer.compare(a.doc(), b.doc()));
    for (Candidate c : found) {
      if (latest.docID() < c.doc()) {
        latest.advance(c.doc());
      }
      if (latest.docID() == c.doc()) {
        if (!seqs.advanceExact(c.doc())) {
          throw new CorruptIndexException(
              "a version of " + c.key() + " lacks its evidence seq", "doc " + c.doc());
        }
        out.computeIfAbsent(c.key(), k -> new ArrayList<>(1))
            .add(new Latest(leaf.docBase + c.doc(), seqs.longValue()));
      }
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

  /** A live document of one segment holding a key. */
  private record Candidate(int doc, String key) {}

  /** A version carrying the latest flag: its top-level doc id and ledger seq. */
  private record Latest(int doc, long seq) {}
}
