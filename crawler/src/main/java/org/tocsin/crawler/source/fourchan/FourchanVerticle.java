package org.tocsin.crawler.source.fourchan;

import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.tocsin.core.evidence.Capture;
import org.tocsin.crawler.fetch.FetchException;
import org.tocsin.crawler.parse.fourchan.FourchanThreadParser;
import org.tocsin.crawler.politeness.Politeness;
import org.tocsin.crawler.source.CaptureSink;
import org.tocsin.crawler.source.CursorStore;
import org.tocsin.crawler.source.internal.HttpPollingSource;
import org.tocsin.crawler.source.internal.StepFailure;

/**
 * Crawls 4chan boards, one request per step through one host queue (at most one a second). A round
 * asks each board's listing with {@code If-Modified-Since}; a changed listing is stored, and every
 * thread whose {@code last_modified} differs from the cursor is fetched ({@code thread/N.json}),
 * stored and parsed. A thread that answers 404 was pruned or archived and is dropped. Cursor:
 * {@code {boards: {b: {lastModified, threads: {no: last_modified}}}}}; a thread's time is saved
 * only after its capture was acknowledged, so a restart fetches what was not.
 */
public final class FourchanVerticle extends HttpPollingSource {

  private record Pending(String board, String no, long lastModified) {}

  private final FourchanConfig cfg;
  private final FourchanThreadParser parser = new FourchanThreadParser();
  private final Deque<Pending> queue = new ArrayDeque<>();
  private int board;

  /**
   * Creates the connector.
   *
   * @param politeness the node's shared host queues
   * @param random seeds the backoff jitter
   */
  public FourchanVerticle(
      FourchanConfig cfg,
      CaptureSink sink,
      CursorStore cursors,
      Politeness politeness,
      Random random,
      Clock clock) {
    super(cfg.source(), cfg.pacing(), cfg.fetch(), sink, cursors, politeness, random, clock);
    this.cfg = Objects.requireNonNull(cfg, "cfg");
  }

  @Override
  protected Future<Long> poll() {
    return queue.isEmpty() ? listing() : thread(queue.peekFirst());
  }

  private Future<Long> listing() {
    String b = cfg.boards().get(board);
    board = (board + 1) % cfg.boards().size();
    long after = board == 0 ? cfg.pacing().pollIntervalMillis() : 0;
    JsonObject state = boardState(cursor(), b);
    Map<String, String> h = new HashMap<>();
    if (state.getString("lastModified") != null) {
      h.put("If-Modified-Since", state.getString("lastModified"));
    }
    String url = cfg.baseUrl() + "/" + b + "/" + cfg.listing() + ".json";
    return fetcher()
        .get(cfg.source(), FourchanThreadParser.FORMAT, url, h)
        .compose(
            c -> store(c).compose(s -> changed(b, s)).map(v -> queue.isEmpty() ? after : 0L),
            e -> {
              if (e instanceof FetchException f && f.code().equals("not_modified")) {
                nothingNew();
                return Future.succeededFuture(after);
              }
              return Future.failedFuture(e);
            });
  }

  /** Queues the changed threads of an acknowledged listing and forgets the vanished ones. */
  private Future<Void> changed(String b, Capture c) {
    JsonArray pages;
    try {
      parse(parser, c);
      pages = new JsonArray(new String(c.body(), StandardCharsets.UTF_8));
    } catch (StepFailure e) {
      return Future.failedFuture(e);
    } catch (DecodeException | ClassCastException e) {
      return Future.failedFuture(new StepFailure("parse_error", e));
    }
    JsonObject next = cursor().copy();
    JsonObject state = boardState(next, b);
    JsonObject seen = state.getJsonObject("threads", new JsonObject());
    JsonObject kept = new JsonObject();
    for (Object page : pages) {
      JsonArray threads = page instanceof JsonObject p ? p.getJsonArray("threads") : null;
      for (Object t : threads == null ? new JsonArray() : threads) {
        if (t instanceof JsonObject th && th.getValue("no") instanceof Number no) {
          String key = String.valueOf(no.longValue());
          long lm = th.getValue("last_modified") instanceof Number n ? n.longValue() : -1;
          if (seen.getLong(key, Long.MIN_VALUE) != lm) {
            queue.addLast(new Pending(b, key, lm));
          }
          if (seen.containsKey(key)) {
            kept.put(key, seen.getValue(key));
          }
        }
      }
    }
    state.put("threads", kept);
    String lastModified = header(c, "last-modified");
    if (lastModified != null && lastModified.length() <= 64) {
      state.put("lastModified", lastModified);
    }
    return save(next);
  }

  private Future<Long> thread(Pending p) {
    String url = cfg.baseUrl() + "/" + p.board() + "/thread/" + p.no() + ".json";
    return fetcher()
        .get(cfg.source(), FourchanThreadParser.FORMAT, url, Map.of())
        .compose(
            c ->
                store(c)
                    .compose(
                        s -> {
                          try {
                            parse(parser, s);
                          } catch (StepFailure e) {
                            tracker().error(e.code(), e.getMessage());
                          }
                          return done(p, true);
                        }),
            e -> {
              if (e instanceof FetchException f && f.status() == 404) {
                return done(p, false);
              }
              return Future.failedFuture(e);
            });
  }

  private Future<Long> done(Pending p, boolean fetched) {
    JsonObject next = cursor().copy();
    JsonObject threads = boardState(next, p.board()).getJsonObject("threads", new JsonObject());
    if (fetched) {
      threads.put(p.no(), p.lastModified());
    } else {
      threads.remove(p.no());
    }
    boardState(next, p.board()).put("threads", threads);
    return save(next)
        .map(
            v -> {
              queue.pollFirst();
              return 0L;
            });
  }

  private static JsonObject boardState(JsonObject cursor, String b) {
    JsonObject boards = cursor.getJsonObject("boards");
    if (boards == null) {
      boards = new JsonObject();
      cursor.put("boards", boards);
    }
    JsonObject s = boards.getJsonObject(b);
    if (s == null) {
      s = new JsonObject();
      boards.put(b, s);
    }
    return s;
  }
}
