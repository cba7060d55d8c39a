package org.tocsin.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.tocsin.core.post.PostKey;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.index.analysis.PostAnalyzers;
import org.tocsin.index.highlight.PostHighlighter;
import org.tocsin.index.query.FilterQueries;
import org.tocsin.index.query.PostQueries;
import org.tocsin.index.schema.PostFields;
import org.tocsin.index.stats.Facet;
import org.tocsin.index.stats.FacetCache;
import org.tocsin.index.stats.FacetResult;
import org.tocsin.index.stats.Histogram;
import org.tocsin.index.stats.Interval;
import org.tocsin.index.stats.PostStats;

/**
 * The Lucene index of scored posts on local disk: a derived view of the evidence ledger.
 *
 * <p>Each commit records, in its user data under {@link #LEDGER_SEQ_KEY}, the last ledger sequence
 * number whose post it holds; on start the pipeline reads {@link #lastIndexedSeq()} and replays the
 * ledger from the next record. Replay is safe: a document is one version of a post, identified by
 * {@code platform/id} and the ledger seq of its capture, so adding the same record again replaces
 * the same document. Changes that were added but not committed are dropped on {@link #close()}, so
 * the index never holds more than its recorded seq says without a replay bringing it back.
 *
 * <p>Versions: a post edited upstream is captured again under a later seq; every version stays
 * findable ({@link #versions}, or {@link SearchFilters#allVersions()}) and the one with the highest
 * seq is the latest, which is what {@link #get}, {@link #count} and searches see by default.
 *
 * <p>Threads: {@link #add}, {@link #commit} and {@link #refresh} belong to one writer thread (they
 * are safe from several, but the seq contract assumes one); searches, statistics, {@link #get} and
 * {@link #count} may run from any number of threads at once, on the searcher of the last commit or
 * refresh. Every search and statistic stops after the index's time limit with a {@link
 * SearchTimeoutException}.
 *
 * <p>Queries are described at {@link #search}.
 */
public final class PostIndex implements Closeable {

  /** The key of the commit user data that holds the last ledger sequence number indexed. */
  public static final String LEDGER_SEQ_KEY = "ledger.seq";

  /** The key of the commit user data that holds the version of the index schema. */
  public static final String SCHEMA_KEY = "index.schema";

  /**
   * The version of the index schema this build writes and reads: 3 added the language fields
   * ({@code text.de}, {@code text.icu} ...), 4 the post's own URL as an exact field; an index of an
   * older schema is rebuilt from the ledger.
   */
  public static final String SCHEMA_VERSION = "4";

  /** The time limit of a search, facet count or histogram unless {@link #open(Path, Duration)}. */
  public static final Duration DEFAULT_SEARCH_TIMEOUT = Duration.ofSeconds(5);

  /** The most versions {@link #versions} returns. */
  public static final int MAX_VERSIONS = 1_000;

  private final Path path;
  private final Analyzer analyzer;
  private final PostQueries queries;
  private final Search search;
  private final Duration timeout;

  /** The open index on disk; replaced as a whole by {@link #replaceWithRebuilt()}. */
  private volatile Live live;

  private final String secret;
  private final FacetCache facetCache = new FacetCache();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile long committedSeq;

  private PostIndex(
      Path path,
      Directory directory,
      IndexWriter writer,
      SearcherManager searchers,
      Map<String, String> commitData,
      Duration timeout)
      throws IOException {
    this.analyzer = writer.getAnalyzer();
    this.path = path;
    this.live = new Live(directory, writer, searchers);
    this.timeout = timeout;
    this.committedSeq = CommitData.seq(commitData, path);
    this.secret = commitData.getOrDefault(CommitData.CURSOR_KEY, CommitData.newSecret());
    this.queries = new PostQueries(analyzer);
    this.search =
        new Search(
            queries,
            new PostHighlighter(analyzer),
            new Cursors(HexFormat.of().parseHex(secret)),
            timeout);
  }

  /** One open index directory: its writer, its searchers and its version bookkeeping. */
  private record Live(
      Directory directory, IndexWriter writer, SearcherManager searchers, Versions versions) {
    Live(Directory directory, IndexWriter writer, SearcherManager searchers) {
      this(directory, writer, searchers, new Versions(writer, searchers));
    }

    void close() throws IOException {
      IOUtils.close(searchers, writer, directory);
    }
  }

  /**
   * Opens the index in a directory on disk, creating the directory and an empty index if absent,
   * with the {@link #DEFAULT_SEARCH_TIMEOUT}.
   *
   * @throws IOException if the directory cannot be created or read, is locked by another writer,
   *     holds a corrupt index, or holds posts indexed with another schema (rebuild it from the
   *     ledger)
   */
  public static PostIndex open(Path dir) throws IOException {
    return open(dir, DEFAULT_SEARCH_TIMEOUT);
  }

  /**
   * Opens the index in a directory on disk with a time limit for every search and statistic.
   *
   * @throws IllegalArgumentException if the time limit is not positive
   * @throws IOException as {@link #open(Path)}
   */
  public static PostIndex open(Path dir, Duration searchTimeout) throws IOException {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(searchTimeout, "searchTimeout");
    if (searchTimeout.isNegative() || searchTimeout.isZero()) {
      throw new IllegalArgumentException("searchTimeout must be > 0 [got " + searchTimeout + "]");
    }
    IndexRebuilds.recover(dir);
    Files.createDirectories(dir);
    Directory directory = FSDirectory.open(dir);
    IndexWriter writer = null;
    SearcherManager searchers = null;
    try {
      writer = openWriter(directory);
      Map<String, String> data = CommitData.read(writer);
      CommitData.check(writer, data, dir);
      searchers = new SearcherManager(writer, new SearcherFactory());
      return new PostIndex(dir, directory, writer, searchers, data, searchTimeout);
    } catch (IOException | RuntimeException e) {
      IOUtils.closeWhileHandlingException(searchers, writer, directory);
      throw e;
    }
  }

  private static IndexWriter openWriter(Directory directory) throws IOException {
    IndexWriterConfig config =
        new IndexWriterConfig(PostAnalyzers.create())
            .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
            .setCommitOnClose(false);
    return new IndexWriter(directory, config);
  }

  /**
   * Where a rebuild of this index is built before it replaces it ({@link #replaceWithRebuilt()}): a
   * sibling directory that {@link #open} deletes if it finds it, since a rebuild that did not
   * finish is of no use.
   */
  public Path rebuildDir() {
    return IndexRebuilds.building(path);
  }

  /**
   * Replaces this index by the complete rebuild in {@link #rebuildDir()} (built, committed and
   * closed by a {@code PostIndex} of its own), without a moment in which searches fail: searches
   * under way finish on the old index, later ones see the rebuilt one. On disk the rebuild is first
   * renamed to mark it complete, then takes the place of the old index, which is deleted; a crash
   * at any step leaves either the old or the rebuilt index in place for the next {@link #open}.
   * Whatever was added to this index since its last commit is dropped: the rebuild must hold at
   * least as much of the ledger as this index has committed.
   *
   * @throws IllegalArgumentException if the rebuild holds a lower ledger seq than this index
   * @throws IOException if the rebuild cannot be read or moved; this index then keeps serving
   */
  public synchronized void replaceWithRebuilt() throws IOException {
    ensureOpen();
    Path built = IndexRebuilds.building(path);
    long builtSeq;
    try (Directory d = FSDirectory.open(built)) {
      Map<String, String> data =
          org.apache.lucene.index.SegmentInfos.readLatestCommit(d).getUserData();
      if (!PostIndex.SCHEMA_VERSION.equals(data.get(SCHEMA_KEY))) {
        throw new IOException("the rebuild in " + built + " is not a complete index");
      }
      builtSeq = CommitData.seq(data, built);
    }
    if (builtSeq < committedSeq) {
      throw new IllegalArgumentException(
          "the rebuild holds ledger seq "
              + builtSeq
              + " but this index already holds "
              + committedSeq
              + " [rebuild "
              + built
              + "]");
    }
    IndexRebuilds.markComplete(path);
    Live old = live;
    // Searches that hold a searcher of the old index keep it (its files stay open) until they
    // release it; new ones wait on this lock in acquire() no longer than the swap takes.
    old.close();
    IndexRebuilds.swap(path);
    Directory directory = FSDirectory.open(path);
    IndexWriter writer = null;
    try {
      writer = openWriter(directory);
      Map<String, String> data = CommitData.read(writer);
      CommitData.check(writer, data, path);
      live = new Live(directory, writer, new SearcherManager(writer, new SearcherFactory()));
      committedSeq = CommitData.seq(data, path);
    } catch (IOException | RuntimeException e) {
      IOUtils.closeWhileHandlingException(writer, directory);
      closed.set(true);
      throw e;
    }
    IndexRebuilds.dropOld(path);
  }

  /** The last ledger sequence number recorded by a commit; 0 for a new index. */
  public long lastIndexedSeq() {
    return committedSeq;
  }

  /**
   * Adds scored posts, in no campaign; see {@link #add(List, Map)}.
   *
   * @throws IllegalArgumentException if a post could not be read back from the index (it breaks the
   *     bounds of Post JSON); no post of the list is added then
   * @throws IOException if the index cannot be written
   */
  public void add(List<ScoredPost> posts) throws IOException {
    add(posts, Map.of());
  }

  /**
   * Adds scored posts, each as the version of its post captured at its evidence seq. Adding a
   * version again (same {@code platform/id} and seq, as a replay does) replaces it; a version with
   * a higher seq than the latest becomes the latest. The posts become visible to searches after the
   * next {@link #commit} or {@link #refresh}, and durable only after the next commit.
   *
   * @param campaignIds the ids of the campaigns each post was found in, by post key; posts without
   *     an entry are in no campaign
   * @throws IllegalArgumentException if a post could not be read back from the index (it breaks the
   *     bounds of Post JSON) or is in too many campaigns; no post of the list is added then
   * @throws IOException if the index cannot be written
   */
  public synchronized void add(
      List<ScoredPost> posts, Map<PostKey, ? extends Collection<String>> campaignIds)
      throws IOException {
    Objects.requireNonNull(posts, "posts");
    Objects.requireNonNull(campaignIds, "campaignIds");
    ensureOpen();
    posts.forEach(p -> Objects.requireNonNull(p, "post"));
    live.versions().add(posts, campaignIds);
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
    Live l = live;
    l.writer()
        .setLiveCommitData(
            Map.of(
                    LEDGER_SEQ_KEY,
                    Long.toString(ledgerSeq),
                    SCHEMA_KEY,
                    SCHEMA_VERSION,
                    CommitData.CURSOR_KEY,
                    secret)
                .entrySet());
    l.writer().commit();
    committedSeq = ledgerSeq;
    l.searchers().maybeRefreshBlocking();
    l.versions().published();
  }

  /**
   * Makes everything added so far visible to searches without committing it (a near-real-time
   * reopen). Returns once the new searcher is in place.
   *
   * @throws IOException if the reopen fails
   */
  public synchronized void refresh() throws IOException {
    ensureOpen();
    Live l = live;
    l.searchers().maybeRefreshBlocking();
    l.versions().published();
  }

  /**
   * Runs a search: the query, narrowed by the request's filters, one page in the request's order.
   *
   * <p>The query uses Lucene's classic syntax: terms, {@code "phrases"}, {@code "near words"~5},
   * {@code fuzzy~1}, {@code wild*card}, {@code /regexp.*}{@code /}, {@code AND}, {@code OR}, {@code
   * NOT}, {@code +}, {@code -}, parentheses and {@code field:[a TO b]} ranges. Terms without an
   * operator must all match. Text is matched without regard to case or accents ({@code emigre}
   * finds {@code Émigré}), and a word or phrase of the text also finds its inflections in posts of
   * a language with an analyzer ({@code Flüchtling} finds {@code Flüchtlingen}, {@code Россия}
   * finds {@code России}; see {@link org.tocsin.index.analysis.LanguageAnalyzers}); the exact form
   * matches in two fields and ranks first. Burmese, Thai, Khmer, Lao, CJK and Ethiopic text is
   * segmented into words by ICU. Wildcards, prefixes, fuzzy terms and regular expressions match the
   * words as written. {@code ""}, {@code "*"} and {@code "*:*"} match every post, newest first.
   * Field names, in any case: {@code text} (the default), {@code platform}, {@code id}, {@code key}
   * (quote it: {@code key:"twitter/123"}), {@code author} (the handle; also {@code handle}), {@code
   * author.id}, {@code lang}, {@code hashtag} ({@code #} optional), {@code mention} ({@code @}
   * optional), {@code link} (exact, quoted), {@code label} ({@code hate}, {@code offensive}, {@code
   * normal}), {@code target} (target group), {@code ground}, {@code model}, {@code campaign},
   * {@code createdAt} (dates such as {@code createdAt:[2024-03-01 TO 2024-03-31]}), {@code hate},
   * {@code offensive}, {@code incitement}, {@code dehumanization} (ranges such as {@code
   * incitement:[0.8 TO 1]}), {@code seq} and {@code sha256} of the evidence. Keyword fields other
   * than ids, keys, links and campaigns ignore case. Leading wildcards and regular expressions that
   * start with a pattern are refused, and so are queries of more than {@link PostQueries#MAX_TERMS}
   * terms and term patterns that match more than {@link PostQueries#MAX_EXPANSIONS} terms.
   *
   * @throws InvalidQueryException if the query cannot be run, the cursor is not one this index made
   *     for this search, or the search ran past its time limit ({@link SearchTimeoutException});
   *     the message is for the user
   * @throws IOException if the index cannot be read
   */
  public SearchResult search(SearchRequest req) throws IOException, InvalidQueryException {
    Objects.requireNonNull(req, "req");
    return withSearcher(s -> search.run(s, req));
  }

  /**
   * Counts the values of facets over the posts that match a query and filters. The counts of each
   * segment are kept for the next time the same question is asked (see {@link FacetCache}): a
   * dashboard then only counts the segments that changed since.
   *
   * @param facets the facets to count, in the order the result lists them
   * @param topN how many values to return per facet, in [1, {@link PostStats#MAX_TOP_N}]
   * @throws IllegalArgumentException if no facet is given or {@code topN} is out of bounds
   * @throws InvalidQueryException as {@link #search}
   * @throws IOException if the index cannot be read
   */
  public FacetResult facets(String query, SearchFilters filters, List<Facet> facets, int topN)
      throws IOException, InvalidQueryException {
    Query q = filtered(query, filters);
    return withTimedSearcher(s -> PostStats.facets(s, q, facets, topN, facetCache));
  }

  /**
   * Counts the posts that match a query and filters per hour or UTC day, optionally split by the
   * values of a facet. The time range is the filters' {@code [from, to)}, rounded out to whole
   * buckets; the buckets sum to the hits of a search with the same query and filters.
   *
   * @param splitBy a {@link Facet#splittable()} facet, or {@code null} for no split
   * @throws IllegalArgumentException if the filters lack {@code from} or {@code to}, the range
   *     holds more than {@link org.tocsin.index.stats.Histogram#MAX_BUCKETS} buckets (the message
   *     names the numbers), or the facet cannot split a histogram
   * @throws InvalidQueryException as {@link #search}
   * @throws IOException if the index cannot be read
   */
  public Histogram histogram(String query, SearchFilters filters, Interval interval, Facet splitBy)
      throws IOException, InvalidQueryException {
    Objects.requireNonNull(filters, "filters");
    if (filters.from() == null || filters.to() == null) {
      throw new IllegalArgumentException(
          "a histogram needs a time range: set both from and to [got from "
              + filters.from()
              + ", to "
              + filters.to()
              + "]");
    }
    Query q = filtered(query, filters);
    return withTimedSearcher(
        s -> PostStats.histogram(s, q, interval, filters.from(), filters.to(), splitBy));
  }

  /**
   * Finds the posts whose text is most like the text of a post (Lucene's MoreLikeThis over the
   * latest version's text), best first, without the post itself.
   *
   * @param limit how many posts to return, in [1, {@link SearchRequest#MAX_LIMIT}]
   * @return the similar posts; empty if no post has the key
   * @throws InvalidQueryException if the search ran past its time limit
   * @throws IOException if the index cannot be read
   */
  public Optional<SearchResult> moreLikeThis(PostKey key, SearchFilters filters, int limit)
      throws IOException, InvalidQueryException {
    Objects.requireNonNull(key, "key");
    SearchRequest req = SearchRequest.of("", filters, SearchRequest.Sort.RELEVANCE, limit);
    return withSearcher(
        s -> {
          long started = System.nanoTime();
          Optional<Query> like = SimilarPosts.query(s, analyzer, key);
          if (like.isEmpty()) {
            return Optional.<SearchResult>empty();
          }
          return Optional.of(search.execute(s, like.get(), req, "more-like-this " + key, started));
        });
  }

  /**
   * The latest version of the post with a key, as last added and made visible.
   *
   * @throws IOException if the index cannot be read
   */
  public Optional<ScoredPost> get(PostKey key) throws IOException {
    Objects.requireNonNull(key, "key");
    return withReader(
        s -> {
          TopDocs top = s.search(Versions.latestOf(key.toString()), 1);
          return top.scoreDocs.length == 0
              ? Optional.empty()
              : Optional.of(Search.load(s, top.scoreDocs[0].doc));
        });
  }

  /**
   * Every version of the post with a key, oldest (lowest ledger seq) first; the last is the latest.
   * At most {@link #MAX_VERSIONS}, the oldest ones.
   *
   * @throws IOException if the index cannot be read
   */
  public List<ScoredPost> versions(PostKey key) throws IOException {
    Objects.requireNonNull(key, "key");
    return withReader(
        s -> {
          return loadBySeq(
              s, new TermQuery(new Term(PostFields.KEY, key.toString())), MAX_VERSIONS);
        });
  }

  /**
   * Every post searches see now (the latest version of each), in ledger order (by the evidence seq
   * of its capture), read from the index's stored fields: what a batch consumer such as campaign
   * detection reads instead of parsing the ledger's captures a second time. Holds them all in
   * memory.
   *
   * @throws IOException if the index cannot be read
   */
  public List<ScoredPost> latestPosts() throws IOException {
    return withReader(
        s -> {
          Query latest = new TermQuery(new Term(PostFields.LATEST, PostFields.LATEST_VALUE));
          int n = s.count(latest);
          if (n == 0) {
            return List.of();
          }
          return loadBySeq(s, latest, n);
        });
  }

  /** The first {@code n} posts a query matches, loaded, in ledger order (by evidence seq). */
  private static List<ScoredPost> loadBySeq(IndexSearcher s, Query q, int n) throws IOException {
    Sort bySeq = new Sort(new SortField(PostFields.EVIDENCE_SEQ, SortField.Type.LONG));
    TopDocs top = s.search(q, n, bySeq);
    List<ScoredPost> out = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc sd : top.scoreDocs) {
      out.add(Search.load(s, sd.doc));
    }
    return out;
  }

  /**
   * How many posts searches see now: latest versions only.
   *
   * @throws IOException if the index cannot be read
   */
  public long count() throws IOException {
    return withReader(
        s -> (long) s.count(new TermQuery(new Term(PostFields.LATEST, PostFields.LATEST_VALUE))));
  }

  /** Drops the facet counts kept for repeated questions; the next ones count every segment. */
  public void clearCaches() {
    facetCache.clear();
  }

  /** Closes the index, dropping what was added since the last commit. Idempotent. */
  @Override
  public void close() throws IOException {
    synchronized (this) {
      if (closed.compareAndSet(false, true)) {
        live.close();
      }
    }
  }

  private Query filtered(String query, SearchFilters filters)
      throws IOException, InvalidQueryException {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(filters, "filters");
    if (query.length() > SearchRequest.MAX_QUERY_CHARS) {
      throw new IllegalArgumentException(
          "query must be at most "
              + SearchRequest.MAX_QUERY_CHARS
              + " characters [got "
              + query.length()
              + " characters]");
    }
    // Text terms are looked up in the language fields that some post is in.
    List<String> languageFields = withReader(Searchers::languageFields);
    return FilterQueries.apply(queries.parse(query, languageFields), filters);
  }

  /** Work on a searcher. */
  private interface SearcherWork<T> {
    T apply(IndexSearcher searcher) throws IOException, InvalidQueryException;
  }

  /** Work on a searcher that cannot fail with an invalid query. */
  private interface ReaderWork<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  private <T> T withSearcher(SearcherWork<T> work) throws IOException, InvalidQueryException {
    try (Acquired a = acquire()) {
      return work.apply(a.searcher());
    }
  }

  /** A searcher acquired from the searchers of one {@link Live}, released to the same. */
  private record Acquired(SearcherManager manager, IndexSearcher searcher) implements Closeable {
    @Override
    public void close() throws IOException {
      manager.release(searcher);
    }
  }

  /**
   * Acquires the current searcher; if the index is being replaced right now, waits for the
   * replacement (it holds this object's lock) and takes the new one.
   */
  private Acquired acquire() throws IOException {
    while (true) {
      ensureOpen();
      Live l = live;
      try {
        return new Acquired(l.searchers(), l.searchers().acquire());
      } catch (AlreadyClosedException e) {
        synchronized (this) {
          if (live == l) {
            ensureOpen();
            throw e;
          }
        }
      }
    }
  }

  private <T> T withTimedSearcher(ReaderWork<T> work) throws IOException, InvalidQueryException {
    return withSearcher(
        shared -> {
          IndexSearcher timed = Searchers.timed(shared, timeout);
          T result = Search.guarded(() -> work.apply(timed));
          Searchers.checkTimeout(timed, timeout);
          return result;
        });
  }

  private <T> T withReader(ReaderWork<T> work) throws IOException {
    try (Acquired a = acquire()) {
      return work.apply(a.searcher());
    }
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("the index is closed [got " + path + "]");
    }
  }
}
