package org.tocsin.node.sources;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Supplier;
import org.tocsin.crawler.source.SourceStatus;

/**
 * The node's live sources as the admin routes change them. Failures are values: a bad entry fails
 * with {@link IllegalArgumentException} (its message names the key), a name in use with {@link
 * IllegalStateException}, an unknown name with {@link NoSuchElementException}, and a node that runs
 * no crawler with {@link UnsupportedOperationException}.
 */
public interface SourceAdmin {

  /** Why a node without a crawler refuses every change (answered as 503). */
  String NO_CRAWLER = "this node runs no crawler; sources cannot change";

  /** The status of every source, paused ones too, in configuration order. */
  List<SourceStatus> status();

  /** Adds and starts a source from a config-file {@code crawler.sources[]} entry, and keeps it. */
  Future<SourceStatus> add(JsonObject entry);

  /** Pauses a source (kept paused across restarts). */
  Future<SourceStatus> pause(String name);

  /** Resumes a paused source from its cursor. */
  Future<SourceStatus> resume(String name);

  /** Stops and forgets a source; its cursor and captures stay in the ledger. */
  Future<Void> remove(String name);

  /** The sources of a node that runs no crawler: listed, never changed. */
  static SourceAdmin readOnly(Supplier<List<SourceStatus>> sources) {
    Objects.requireNonNull(sources, "sources");
    return new SourceAdmin() {
      @Override
      public List<SourceStatus> status() {
        return sources.get();
      }

      @Override
      public Future<SourceStatus> add(JsonObject entry) {
        return Future.failedFuture(new UnsupportedOperationException(NO_CRAWLER));
      }

      @Override
      public Future<SourceStatus> pause(String name) {
        return refuse(name);
      }

      @Override
      public Future<SourceStatus> resume(String name) {
        return refuse(name);
      }

      @Override
      public Future<Void> remove(String name) {
        return refuse(name);
      }

      private <T> Future<T> refuse(String name) {
        boolean known = sources.get().stream().anyMatch(s -> s.source().equals(name));
        return Future.failedFuture(
            known
                ? new UnsupportedOperationException(NO_CRAWLER)
                : new NoSuchElementException("no source with this name [got " + name + "]"));
      }
    };
  }
}
