package org.tocsin.index.saved;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.lucene.util.IOUtils;
import org.tocsin.core.json.Json;
import org.tocsin.index.InvalidQueryException;
import org.tocsin.index.ScoreRange;
import org.tocsin.index.SearchRequest;
import org.tocsin.index.analysis.PostAnalyzers;
import org.tocsin.index.query.PostQueries;

/**
 * Saved searches in one JSON file, {@value #FILE_NAME}, in a directory the caller gives.
 *
 * <p>Every change rewrites the file atomically: the new content goes to a temporary file in the
 * same directory, is forced to disk, then renamed over the old file, and the directory is forced
 * too; a crash leaves the old file or the new one, never a mix. The store keeps the searches in
 * memory in the order they were added. Thread-safe; one store per directory (two processes writing
 * the same file lose each other's changes).
 */
public final class SavedSearchStore {

  /** The name of the file in the store's directory. */
  public static final String FILE_NAME = "saved-searches.json";

  /** The format name written in the file. */
  public static final String FORMAT = "tocsin-saved-searches";

  /** The version of the file format this build writes and reads. */
  public static final int VERSION = 1;

  /** The most searches a store holds. */
  public static final int MAX_SEARCHES = 10_000;

  private final Path dir;
  private final Path file;
  private final PostQueries queries = new PostQueries(PostAnalyzers.create());
  private final Map<String, SavedSearch> searches;

  private SavedSearchStore(Path dir, Map<String, SavedSearch> searches) {
    this.dir = dir;
    this.file = dir.resolve(FILE_NAME);
    this.searches = searches;
  }

  /**
   * Opens the store in a directory, creating the directory if absent; an absent file is an empty
   * store.
   *
   * @throws IOException if the directory cannot be created or the file cannot be read, is not JSON
   *     of this format and version, or holds an invalid search (the message names the file)
   */
  public static SavedSearchStore open(Path dir) throws IOException {
    Objects.requireNonNull(dir, "dir");
    Files.createDirectories(dir);
    Path file = dir.resolve(FILE_NAME);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new SavedSearchStore(dir, new LinkedHashMap<>());
    }
    return new SavedSearchStore(dir, read(bytes, file));
  }

  /** Every saved search, in the order they were added. */
  public synchronized List<SavedSearch> list() {
    return List.copyOf(searches.values());
  }

  /** The saved search with an id, if any. */
  public synchronized Optional<SavedSearch> get(String id) {
    Objects.requireNonNull(id, "id");
    return Optional.ofNullable(searches.get(id));
  }

  /**
   * Adds a search and writes the file.
   *
   * @throws IllegalArgumentException if the id is taken, the query does not parse (the message
   *     names the field {@code query} and the parser's reason), or the store is full
   * @throws IOException if the file cannot be written; the store is then unchanged
   */
  public synchronized void add(SavedSearch search) throws IOException {
    Objects.requireNonNull(search, "search");
    if (searches.containsKey(search.id())) {
      throw new IllegalArgumentException(
          "id is already taken by another saved search [got " + search.id() + "]");
    }
    if (searches.size() >= MAX_SEARCHES) {
      throw new IllegalArgumentException(
          "a store holds at most " + MAX_SEARCHES + " saved searches [got " + search.id() + "]");
    }
    try {
      queries.parse(search.query());
    } catch (InvalidQueryException e) {
      throw new IllegalArgumentException(
          "query does not parse: " + e.getMessage() + " [got " + search.query() + "]", e);
    }
    Map<String, SavedSearch> next = new LinkedHashMap<>(searches);
    next.put(search.id(), search);
    write(next);
    searches.put(search.id(), search);
  }

  /**
   * Deletes the search with an id and writes the file.
   *
   * @return whether there was a search with the id
   * @throws IOException if the file cannot be written; the store is then unchanged
   */
  public synchronized boolean delete(String id) throws IOException {
    Objects.requireNonNull(id, "id");
    if (!searches.containsKey(id)) {
      return false;
    }
    Map<String, SavedSearch> next = new LinkedHashMap<>(searches);
    next.remove(id);
    write(next);
    searches.remove(id);
    return true;
  }

  private void write(Map<String, SavedSearch> all) throws IOException {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    ArrayNode list = root.putArray("searches");
    all.values().forEach(s -> list.add(toJson(s)));
    byte[] bytes = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    Path tmp = Files.createTempFile(dir, FILE_NAME, ".tmp");
    boolean moved = false;
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      moved = true;
      IOUtils.fsync(dir, true);
    } finally {
      if (!moved) {
        IOUtils.deleteFilesIgnoringExceptions(tmp);
      }
    }
  }

  private static ObjectNode toJson(SavedSearch s) {
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("id", s.id());
    o.put("name", s.name());
    o.put("query", s.query());
    o.set("filters", filtersToJson(s.filters()));
    o.put("sort", s.sort().name().toLowerCase(Locale.ROOT));
    o.put("createdBy", s.createdBy());
    o.put("createdAt", s.createdAt().toString());
    return o;
  }

  private static ObjectNode filtersToJson(SavedFilters f) {
    ObjectNode o = Json.mapper().createObjectNode();
    if (f.from() != null) {
      o.put("from", f.from());
    }
    if (f.to() != null) {
      o.put("to", f.to());
    }
    putList(o, "platforms", f.platforms());
    putList(o, "languages", f.languages());
    putList(o, "targets", f.targets());
    putList(o, "grounds", f.grounds());
    putList(o, "labels", f.labels());
    putList(o, "authors", f.authors());
    putList(o, "campaigns", f.campaigns());
    if (!f.scores().isEmpty()) {
      ObjectNode scores = o.putObject("scores");
      f.scores().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              e ->
                  scores
                      .putObject(e.getKey())
                      .put("min", e.getValue().min())
                      .put("max", e.getValue().max()));
    }
    if (f.allVersions()) {
      o.put("allVersions", true);
    }
    return o;
  }

  private static void putList(ObjectNode o, String name, List<String> values) {
    if (!values.isEmpty()) {
      ArrayNode a = o.putArray(name);
      values.forEach(a::add);
    }
  }

  private static Map<String, SavedSearch> read(byte[] bytes, Path file) throws IOException {
    JsonNode root;
    try {
      root = Json.mapper().readTree(bytes);
    } catch (JacksonException e) {
      throw new IOException(
          "saved searches are not JSON: " + e.getOriginalMessage() + " [in " + file + "]", e);
    }
    if (root == null
        || !FORMAT.equals(root.path("format").asText(null))
        || root.path("version").asInt(-1) != VERSION
        || !root.path("searches").isArray()) {
      throw new IOException(
          "not a saved-searches file of format "
              + FORMAT
              + " version "
              + VERSION
              + " [in "
              + file
              + "]");
    }
    Map<String, SavedSearch> out = new LinkedHashMap<>();
    int i = 0;
    for (JsonNode n : root.get("searches")) {
      try {
        SavedSearch s = fromJson(n);
        if (out.put(s.id(), s) != null) {
          throw new IllegalArgumentException("id is repeated [got " + s.id() + "]");
        }
      } catch (IllegalArgumentException e) {
        throw new IOException(
            "saved search " + i + " is invalid: " + e.getMessage() + " [in " + file + "]", e);
      }
      i++;
    }
    return out;
  }

  private static SavedSearch fromJson(JsonNode n) {
    if (!n.isObject()) {
      throw new IllegalArgumentException("a saved search must be a JSON object");
    }
    String sort = text(n, "sort");
    SearchRequest.Sort order;
    try {
      order = sort == null ? null : SearchRequest.Sort.valueOf(sort.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("sort is unknown [got " + sort + "]", e);
    }
    String created = text(n, "createdAt");
    Instant at;
    try {
      at = created == null ? null : Instant.parse(created);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("createdAt is not ISO-8601 [got " + created + "]", e);
    }
    return new SavedSearch(
        text(n, "id"),
        text(n, "name"),
        text(n, "query"),
        filtersFromJson(n.path("filters")),
        order,
        text(n, "createdBy"),
        at);
  }

  private static SavedFilters filtersFromJson(JsonNode f) {
    if (f.isMissingNode() || f.isNull()) {
      return SavedFilters.NONE;
    }
    if (!f.isObject()) {
      throw new IllegalArgumentException("filters must be a JSON object");
    }
    Map<String, ScoreRange> scores = new LinkedHashMap<>();
    JsonNode s = f.path("scores");
    if (s.isObject()) {
      s.fields()
          .forEachRemaining(
              e ->
                  scores.put(
                      e.getKey(),
                      new ScoreRange(
                          e.getValue().path("min").asDouble(0),
                          e.getValue().path("max").asDouble(1))));
    }
    return new SavedFilters(
        text(f, "from"),
        text(f, "to"),
        list(f, "platforms"),
        list(f, "languages"),
        list(f, "targets"),
        list(f, "grounds"),
        list(f, "labels"),
        list(f, "authors"),
        list(f, "campaigns"),
        scores,
        f.path("allVersions").asBoolean(false));
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static List<String> list(JsonNode n, String field) {
    List<String> out = new ArrayList<>();
    JsonNode a = n.get(field);
    if (a != null && a.isArray()) {
      a.forEach(v -> out.add(v.asText()));
    }
    return out;
  }
}
