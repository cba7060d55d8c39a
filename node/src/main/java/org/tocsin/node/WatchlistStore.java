package org.tocsin.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tocsin.core.json.Json;
import org.tocsin.nlp.watchlist.Watchlist;
import org.tocsin.nlp.watchlist.WatchlistScorer;
import org.tocsin.node.files.AtomicFiles;

/**
 * Watchlists in {@code DATA/watchlists.json} (replaced atomically), pushed to the scorer on every
 * change so that they take effect at once, without a restart.
 */
public final class WatchlistStore {
  private final Path file;
  private final WatchlistScorer scorer;
  private final Map<String, Watchlist> lists = new LinkedHashMap<>();

  private WatchlistStore(Path file, WatchlistScorer scorer) {
    this.file = file;
    this.scorer = scorer;
  }

  /**
   * Opens the watchlists of a data directory and hands them to the scorer.
   *
   * @throws IOException if the file cannot be read or holds an invalid watchlist
   */
  public static WatchlistStore open(Path dataDir, WatchlistScorer scorer) throws IOException {
    WatchlistStore s = new WatchlistStore(dataDir.resolve("watchlists.json"), scorer);
    if (Files.exists(s.file)) {
      for (JsonNode n : Json.mapper().readTree(s.file.toFile()).path("watchlists")) {
        try {
          Watchlist w = fromNode(n, n.path("id").asText());
          s.lists.put(w.id(), w);
        } catch (IllegalArgumentException e) {
          throw new IOException(s.file + ": invalid watchlist: " + e.getMessage(), e);
        }
      }
    }
    scorer.setWatchlists(s.list());
    return s;
  }

  /** Reads a watchlist from JSON {@code {name, context, risk, terms[]}}. */
  public static Watchlist fromNode(JsonNode n, String id) {
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("a watchlist is a JSON object");
    }
    List<String> terms = new ArrayList<>();
    JsonNode t = n.get("terms");
    if (t == null || !t.isArray()) {
      throw new IllegalArgumentException("terms: an array of strings is required");
    }
    t.forEach(e -> terms.add(e.isTextual() ? e.textValue() : null));
    JsonNode risk = n.get("risk");
    if (risk == null || !risk.isNumber()) {
      throw new IllegalArgumentException("risk: a number in [0, 1] is required");
    }
    return new Watchlist(
        id, n.path("name").asText(null), n.path("context").asText(null), risk.doubleValue(), terms);
  }

  /** A watchlist as JSON. */
  public static ObjectNode toNode(Watchlist w) {
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("id", w.id());
    o.put("name", w.name());
    o.put("context", w.context());
    o.put("risk", w.risk());
    ArrayNode terms = o.putArray("terms");
    w.terms().forEach(terms::add);
    return o;
  }

  /** The watchlists. */
  public synchronized List<Watchlist> list() {
    return new ArrayList<>(lists.values());
  }

  /**
   * Adds or replaces a watchlist; it applies to the next post scored.
   *
   * @throws IOException if the file cannot be written
   */
  public synchronized void put(Watchlist w) throws IOException {
    lists.put(w.id(), w);
    save();
  }

  /**
   * Deletes a watchlist.
   *
   * @return whether it existed
   * @throws IOException if the file cannot be written
   */
  public synchronized boolean delete(String id) throws IOException {
    if (lists.remove(id) == null) {
      return false;
    }
    save();
    return true;
  }

  private void save() throws IOException {
    ObjectNode root = Json.mapper().createObjectNode();
    ArrayNode arr = root.putArray("watchlists");
    lists.values().forEach(w -> arr.add(toNode(w)));
    AtomicFiles.write(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    scorer.setWatchlists(list());
  }
}
