package org.tocsin.node.sources;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.tocsin.node.files.AtomicFiles;

/**
 * What admins changed about the sources, in {@code DATA/sources/admin.json} (replaced atomically):
 * the entries they added (the same JSON as a config file's {@code crawler.sources[]} entry), the
 * names they paused and the names they removed. {@link #merge} lays these over the config file's
 * sources: a removed name hides the config file's source of that name, an added entry replaces it.
 * Safe from any thread; writes block (fsync), so call them off the event loop.
 */
public final class SourceStore {

  /** The format version written; files of other versions are refused. */
  static final int VERSION = 1;

  private final Path file;
  private final Map<String, JsonObject> added = new LinkedHashMap<>();
  private final Set<String> paused = new LinkedHashSet<>();
  private final Set<String> removed = new LinkedHashSet<>();

  private SourceStore(Path file) {
    this.file = file;
  }

  /**
   * Opens the admin changes of a data directory (none if the file does not exist).
   *
   * @throws IOException if the file cannot be read or is not a store of this version
   */
  public static SourceStore open(Path dataDir) throws IOException {
    SourceStore s = new SourceStore(dataDir.resolve("sources").resolve("admin.json"));
    if (!Files.exists(s.file)) {
      return s;
    }
    try {
      JsonObject root = new JsonObject(Files.readString(s.file, StandardCharsets.UTF_8));
      if (root.getInteger("version", -1) != VERSION) {
        throw new IOException(
            s.file + ": unknown source store version [got " + root.getValue("version") + "]");
      }
      for (Object o : root.getJsonArray("added", new JsonArray())) {
        JsonObject e = (JsonObject) o;
        s.added.put(e.getString("name"), e);
      }
      root.getJsonArray("paused", new JsonArray()).forEach(n -> s.paused.add((String) n));
      root.getJsonArray("removed", new JsonArray()).forEach(n -> s.removed.add((String) n));
    } catch (DecodeException | ClassCastException e) {
      throw new IOException(s.file + ": unreadable source store: " + e.getMessage(), e);
    }
    return s;
  }

  /**
   * The sources to run: the config file's entries, less those removed or replaced by an admin, then
   * the admin's added entries, in the order they were added.
   */
  public synchronized JsonArray merge(JsonArray configured) {
    JsonArray out = new JsonArray();
    for (Object o : configured) {
      Object name = o instanceof JsonObject e ? e.getValue("name") : null;
      if (!removed.contains(name) && !added.containsKey(name)) {
        out.add(o);
      }
    }
    added.values().forEach(e -> out.add(e.copy()));
    return out;
  }

  /** The names an admin paused. */
  public synchronized Set<String> paused() {
    return Set.copyOf(paused);
  }

  /** Records an added source entry (named by its {@code name}), running. */
  public synchronized void added(JsonObject entry) throws IOException {
    String name = entry.getString("name");
    added.put(name, entry.copy());
    paused.remove(name);
    write();
  }

  /** Records a source as paused ({@code true}) or running. */
  public synchronized void paused(String name, boolean isPaused) throws IOException {
    if (isPaused ? paused.add(name) : paused.remove(name)) {
      write();
    }
  }

  /** Records a source as removed: it stays away after a restart, even if the config lists it. */
  public synchronized void removed(String name) throws IOException {
    added.remove(name);
    paused.remove(name);
    removed.add(name);
    write();
  }

  private void write() throws IOException {
    JsonObject root =
        new JsonObject()
            .put("version", VERSION)
            .put("added", new JsonArray(java.util.List.copyOf(added.values())))
            .put("paused", new JsonArray(java.util.List.copyOf(paused)))
            .put("removed", new JsonArray(java.util.List.copyOf(removed)));
    AtomicFiles.write(file, root.encodePrettily().getBytes(StandardCharsets.UTF_8));
  }
}
