package org.tocsin.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.tocsin.core.post.PostKey;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.index.analysis.PostAnalyzers;
import org.tocsin.index.highlight.PostHighlighter;
import org.tocsin.index.query.PostQueries;
import org.tocsin.index.schema.PostDocuments;
import org.tocsin.index.schema.PostFields;

/**
 * The Lucene index of scored posts on local disk: a derived view of the evidence ledger.
 *
 * <p>Each commit records, in its user data under {@link #LEDGER_SEQ_KEY}, the last ledger sequence
 * number whose post it holds; on start the pipeline reads {@link #lastIndexedSeq()} and replays the
 * ledger from the next record. Replay is safe: {@link #add} replaces a post with the same key.
 * Changes that were added but not committed are dropped on {@link #close()}, so the index never
 * holds more than its recorded seq says without a replay bringing it back.
 *
 * <p>Threads: {@link #add}, {@link #commit} and {@link #refresh} belong to one writer thread (they
 * are safe from several, but the seq contract assumes one); {@link #search}, {@link #get} and
 * {@link #count} may run from any number of threads at once, on the searcher of the last commit or
 * refresh.
 *
 * <p>Queries are described at {@link #search}.
 */
public final class PostIndex implements Closeable {

  /** The key of the commit user data that holds the last ledger sequence number indexed. */
  public static final String LEDGER_SEQ_KEY = "ledger.seq";

  private final Path path;
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Search search;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile long committedSeq;

  private PostIndex(Path path, Directory directory, IndexWriter writer, SearcherManager searchers)
      throws IOException {
    Analyzer analyzer = writer.getAnalyzer();
    this.path = path;
    this.directory = directory;
    this.writer = writer;
    this.searchers = searchers;
    this.search = new Search(new PostQueries(analyzer), new PostHighlighter(analyzer));
    this.committedSeq = readSeq(writer, path);
  }

  /**
   * Opens the index in a directory on disk, creating the directory and an empty index if absent.
   *
   * @throws IOException if the directory cannot be created or read, is locked by another writer, or
   *     holds a corrupt index
   */
  public static PostIndex open(Path dir) throws IOException {
    Objects.requireNonNull(dir, "dir");
    Files.createDirectories(dir);
    Directory directory = FSDirectory.open(dir);
    IndexWriter writer = null;
    SearcherManager searchers = null;
    try {
      IndexWriterConfig config =
          new IndexWriterConfig(PostAnalyzers.create())
              .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
              .setCommitOnClose(false);
      writer = new IndexWriter(directory, config);
      searchers = new SearcherManager(writer, new SearcherFactory());
      return new PostIndex(dir, directory, writer, searchers);
    } catch (IOException | RuntimeException e) {
      IOUtils.closeWhileHandlingException(searchers, writer, directory);
      throw e;
    }
  }

  /** The last ledger sequence number recorded by a commit; 0 for a new index. */
  public long lastIndexedSeq() {
    return committedSeq;
  }

  /**
   * Adds scored posts, replacing any post with the same key ({@code platform/id}), so that adding a
   * post again on replay leaves one document. The posts become visible to searches after the next
   * {@link #commit} or {@link #refresh}, and durable only after the next commit.
   *
   * @throws IllegalArgumentException if a post could not be read back from the index (it breaks the
   *     bounds of Post JSON); no post of the list is added then
   * @throws IOException if the index cannot be written
   */
  public void add(List<ScoredPost> posts) throws IOException {
    Objects.requireNonNull(posts, "posts");
    ensureOpen();
    List<Document> docs = new ArrayList<>(posts.size());
    for (ScoredPost sp : posts) {
      docs.add(PostDocuments.toDocument(Objects.requireNonNull(sp, "post")));
    }
    for (int i = 0; i < docs.size(); i++) {
      String key = posts.get(i).post().key().toString();
      writer.updateDocument(new Term(PostFields.KEY, key), docs.get(i));
    }
  }

  /**
   * Makes everything added so far durable, records {@code ledgerSeq} as the last ledger sequence
   * number indexed, and makes it visible to searches.
   *
   * @throws IllegalArgumentException if {@code ledgerSeq} is less than {@link #lastIndexedSeq()}
   * @throws IOException if the commit fails; the index then still holds its previous commit
   */
  public synchronized void commit(long ledgerSeq) throws IOException {
    ensureOpen();
    if (ledgerSeq < committedSeq) {
      throw new IllegalArgumentException(
          "ledgerSeq must not go back: the index already holds up to "
              + committedSeq
              + " [got "
              + ledgerSeq
              + "]");
    }
    writer.setLiveCommitData(Map.of(LEDGER_SEQ_KEY, Long.toString(ledgerSeq)).entrySet());
    writer.commit();
    committedSeq = ledgerSeq;
    searchers.maybeRefreshBlocking();
  }

  /**
   * Makes everything added so far visible to searches without committing it (a near-real-time
   * reopen). Returns once the new searcher is in place.
   *
   * @throws IOException if the reopen fails
   */
  public void refresh() throws IOException {
    ensureOpen();
    searchers.maybeRefreshBlocking();
  }

  /**
   * Runs a search.
   *
   * <p>The query uses Lucene's classic syntax: terms, {@code "phrases"}, {@code "near words"~5},
   * {@code fuzzy~1}, {@code wild*card}, {@code /regexp.*}{@code /}, {@code AND}, {@code OR}, {@code
   * NOT}, {@code +}, {@code -}, parentheses and {@code field:[a TO b]} ranges. Terms without an
   * operator must all match. Text is matched without regard to case or accents ({@code emigre}
   * finds {@code Émigré}). {@code ""}, {@code "*"} and {@code "*:*"} match every post, newest
   * first. Field names, in any case: {@code text} (the default), {@code platform}, {@code id},
   * {@code key} (quote it: {@code key:"twitter/123"}), {@code author} (the handle; also {@code
   * handle}), {@code author.id}, {@code lang}, {@code hashtag} ({@code #} optional), {@code
   * mention} ({@code @} optional), {@code link} (exact, quoted), {@code label} ({@code hate},
   * {@code offensive}, {@code normal}), {@code target} (target group), {@code ground}, {@code
   * model}, {@code createdAt} (dates such as {@code createdAt:[2024-03-01 TO 2024-03-31]}), {@code
   * hate}, {@code offensive}, {@code incitement}, {@code dehumanization} (ranges such as {@code
   * incitement:[0.8 TO 1]}), {@code seq} and {@code sha256} of the evidence. Keyword fields other
   * than ids, keys and links ignore case. Leading wildcards and regular expressions that start with
   * a pattern are refused, and so are queries of more than {@link PostQueries#MAX_TERMS} terms.
   *
   * @throws InvalidQueryException if the query cannot be run; the message is for the user
   * @throws IOException if the index cannot be read
   */
  public SearchResult search(SearchRequest req) throws IOException, InvalidQueryException {
    Objects.requireNonNull(req, "req");
    ensureOpen();
    IndexSearcher searcher = searchers.acquire();
    try {
      return search.run(searcher, req);
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * The post with a key, as last added and made visible.
   *
   * @throws IOException if the index cannot be read
   */
  public Optional<ScoredPost> get(PostKey key) throws IOException {
    Objects.requireNonNull(key, "key");
    ensureOpen();
    IndexSearcher searcher = searchers.acquire();
    try {
      TopDocs top = searcher.search(new TermQuery(new Term(PostFields.KEY, key.toString())), 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      return Optional.of(Search.load(searcher, top.scoreDocs[0].doc));
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * How many posts searches see now.
   *
   * @throws IOException if the index cannot be read
   */
  public long count() throws IOException {
    ensureOpen();
    IndexSearcher searcher = searchers.acquire();
    try {
      return searcher.getIndexReader().numDocs();
    } finally {
      searchers.release(searcher);
    }
  }

  /** Closes the index, dropping what was added since the last commit. Idempotent. */
  @Override
  public void close() throws IOException {
    if (closed.compareAndSet(false, true)) {
      IOUtils.close(searchers, writer, directory);
    }
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("the index is closed [got " + path + "]");
    }
  }

  private static long readSeq(IndexWriter writer, Path path) throws CorruptIndexException {
    Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
    if (data == null) {
      return 0;
    }
    for (Map.Entry<String, String> e : data) {
      if (LEDGER_SEQ_KEY.equals(e.getKey())) {
        long seq;
        try {
          seq = Long.parseLong(e.getValue());
        } catch (NumberFormatException ex) {
          seq = -1;
        }
        if (seq < 0) {
          throw new CorruptIndexException(
              "commit user data " + LEDGER_SEQ_KEY + " is not a seq [got " + e.getValue() + "]",
              path.toString());
        }
        return seq;
      }
    }
    return 0;
  }
}
