package org.tocsin.crawler.source;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Persists each source's cursor (a small JSON object whose shape the connector owns). Connectors
 * call {@link #save} only after the sink acknowledged every capture the cursor moves past.
 */
public interface CursorStore {

  /** The last saved cursor of a source, or an empty object if none was saved. */
  Future<JsonObject> load(String source);

  /** Saves a source's cursor durably; the future succeeds once it would survive a crash. */
  Future<Void> save(String source, JsonObject cursor);
}
