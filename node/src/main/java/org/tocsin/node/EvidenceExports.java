package org.tocsin.node;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.tocsin.core.json.Json;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.json.PostJson;
import org.tocsin.core.json.ScoreJson;
import org.tocsin.core.post.Post;
import org.tocsin.core.post.PostKey;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.evidence.export.DerivedData;
import org.tocsin.evidence.export.EvidenceExporter;
import org.tocsin.evidence.export.ExportRequest;
import org.tocsin.evidence.export.ExportResult;
import org.tocsin.index.InvalidQueryException;
import org.tocsin.index.SearchHit;
import org.tocsin.index.SearchRequest;
import org.tocsin.index.SearchResult;

/**
 * Exports evidence bundles for posts chosen by key, by query or by campaign: finds the ledger
 * records of every version of each post, gathers the posts parsed from each capture and the scores
 * with the model and version that made them (the reproducibility record), and has the evidence
 * module write and seal the BagIt bag.
 */
public final class EvidenceExports {
  /** The most posts one export may hold. */
  public static final int MAX_POSTS = 10_000;

  /** Bag directories chosen by an export in flight in this process, not yet written. */
  private static final Set<Path> RESERVED = ConcurrentHashMap.newKeySet();

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final TocsinNode node;
  private final CaptureParsers parsers = CaptureParsers.standard();

  /** Creates the exporter of a node. */
  public EvidenceExports(TocsinNode node) {
    this.node = node;
  }

  /**
   * The ledger seqs of every version of the given posts.
   *
   * @throws IllegalArgumentException naming a post the index does not hold
   * @throws IOException if the index cannot be read
   */
  public List<Long> seqsOfPosts(List<PostKey> keys) throws IOException {
    Set<Long> seqs = new LinkedHashSet<>();
    for (PostKey k : keys) {
      List<ScoredPost> versions = node.index().versions(k);
      if (versions.isEmpty()) {
        throw new IllegalArgumentException("no post " + k);
      }
      versions.forEach(v -> seqs.add(v.evidence().seq()));
    }
    return new ArrayList<>(seqs);
  }

  /**
   * The ledger seqs of every post a query matches (at most {@link #MAX_POSTS}).
   *
   * @throws InvalidQueryException if the query is not valid search syntax
   * @throws IllegalArgumentException if it matches more than {@link #MAX_POSTS} posts
   * @throws IOException if the index cannot be read
   */
  public List<Long> seqsOfQuery(String query) throws IOException, InvalidQueryException {
    Set<Long> seqs = new LinkedHashSet<>();
    SearchRequest req = new SearchRequest(query, 0, 100, SearchRequest.Sort.OLDEST);
    while (true) {
      SearchResult r = node.index().search(req);
      if (r.totalHits() > MAX_POSTS) {
        throw new IllegalArgumentException(
            "the query matches " + r.totalHits() + " posts [max " + MAX_POSTS + "]; narrow it");
      }
      for (SearchHit h : r.hits()) {
        seqs.add(h.post().evidence().seq());
      }
      if (r.nextCursor() == null) {
        return new ArrayList<>(seqs);
      }
      req = new SearchRequest(query, 0, 100, SearchRequest.Sort.OLDEST).withCursor(r.nextCursor());
    }
  }

  /**
   * Writes the bundle of the given captures to {@code bagDir} (which must not exist) and records
   * the export in the custody log.
   *
   * @throws IllegalArgumentException if a seq is not a capture
   * @throws IOException if the ledger cannot be read or the bag cannot be written
   */
  public ExportResult export(
      List<Long> seqs, String reason, String actorKeyId, String actorRole, Path bagDir)
      throws IOException {
    return export(seqs, reason, actorKeyId, actorRole, bagDir, Map.of());
  }

  /**
   * As {@link #export(List, String, String, String, Path)}, with further documents of the case
   * written under the bag's {@code data/documents/} ({@link ExportRequest#documents}).
   *
   * @throws IllegalArgumentException if a seq is not a capture or a document name is not plain
   * @throws IOException if the ledger cannot be read or the bag cannot be written
   */
  public ExportResult export(
      List<Long> seqs,
      String reason,
      String actorKeyId,
      String actorRole,
      Path bagDir,
      Map<String, String> documents)
      throws IOException {
    if (seqs.isEmpty()) {
      throw new IllegalArgumentException("nothing to export: no posts matched");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("an export needs a stated reason");
    }
    Map<Long, DerivedData> derived = new LinkedHashMap<>();
    for (long seq : seqs) {
      derived.put(seq, derivedOf(seq));
    }
    EvidenceExporter exporter =
        new EvidenceExporter(node.ledger(), node.signingKeys().publicKey(), node.signer());
    return exporter.export(
        new ExportRequest(
            seqs,
            reason,
            actorKeyId,
            actorRole,
            derived,
            ExportRequest.DEFAULT_SOURCE_ORGANIZATION,
            documents),
        bagDir);
  }

  /**
   * Writes the bundle of the given captures to a new bag under {@code DATA/exports}, named {@code
   * tocsin-export-<UTC second>-<key id>}, with {@code -2}, {@code -3}, ... appended when that name
   * is taken or chosen by another export in flight, so that any number of exports by one key in one
   * second each get their own bag.
   *
   * @throws IllegalArgumentException if a seq is not a capture
   * @throws IOException if the ledger cannot be read or the bag cannot be written
   */
  public ExportResult exportToNewBag(
      List<Long> seqs, String reason, String actorKeyId, String actorRole) throws IOException {
    return exportToNewBag(seqs, reason, actorKeyId, actorRole, Instant.now(), Map.of());
  }

  /**
   * As {@link #exportToNewBag(List, String, String, String)}, with the time its name carries.
   *
   * @throws IllegalArgumentException if a seq is not a capture
   * @throws IOException if the ledger cannot be read or the bag cannot be written
   */
  public ExportResult exportToNewBag(
      List<Long> seqs, String reason, String actorKeyId, String actorRole, Instant at)
      throws IOException {
    return exportToNewBag(seqs, reason, actorKeyId, actorRole, at, Map.of());
  }

  /**
   * As {@link #exportToNewBag(List, String, String, String, Instant)}, with documents of the case
   * under the bag's {@code data/documents/}.
   *
   * @throws IllegalArgumentException if a seq is not a capture or a document name is not plain
   * @throws IOException if the ledger cannot be read or the bag cannot be written
   */
  public ExportResult exportToNewBag(
      List<Long> seqs,
      String reason,
      String actorKeyId,
      String actorRole,
      Instant at,
      Map<String, String> documents)
      throws IOException {
    Path exportsDir = node.dataDir().toAbsolutePath().normalize().resolve("exports");
    Files.createDirectories(exportsDir);
    String base = "tocsin-export-" + STAMP.format(at) + "-" + actorKeyId;
    Path bag = null;
    for (int n = 1; bag == null; n++) {
      Path candidate = exportsDir.resolve(n == 1 ? base : base + "-" + n);
      if (!Files.exists(candidate) && RESERVED.add(candidate)) {
        if (Files.exists(candidate)) {
          RESERVED.remove(candidate); // written between the check and the reservation
        } else {
          bag = candidate;
        }
      }
    }
    try {
      return export(seqs, reason, actorKeyId, actorRole, bag, documents);
    } finally {
      RESERVED.remove(bag);
    }
  }

  private DerivedData derivedOf(long seq) throws IOException {
    List<Post> posts;
    try {
      posts = parsers.parse(node.ledger().readCapture(seq));
    } catch (PostFormatException e) {
      return DerivedData.NONE; // the original bytes are exported; they parse to no post
    }
    List<String> postLines = new ArrayList<>();
    List<String> scores = new ArrayList<>();
    for (Post p : posts) {
      postLines.add(PostJson.write(p));
      for (ScoredPost v : node.index().versions(p.key())) {
        if (v.evidence().seq() == seq) {
          ObjectNode rec = Json.mapper().createObjectNode();
          rec.put("model", v.score().model());
          rec.put("version", v.score().version());
          ObjectNode params = rec.putObject("parameters");
          params.put("scorer", node.scorer().getClass().getName());
          params.put("post", p.key().toString());
          rec.set("score", ScoreJson.toNode(v.score()));
          scores.add(rec.toString());
        }
      }
    }
    return new DerivedData(postLines, scores);
  }
}
