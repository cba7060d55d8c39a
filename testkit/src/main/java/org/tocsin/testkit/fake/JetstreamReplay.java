package org.tocsin.testkit.fake;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.ServerWebSocket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tocsin.core.json.Json;

/**
 * Serves recorded Jetstream events (one JSON object a line, as Jetstream sends them) over a
 * WebSocket the way Jetstream's {@code /subscribe} does: {@code cursor} (a {@code time_us}) replays
 * the events with {@code time_us >= cursor}, {@code wantedCollections} and {@code wantedDids}
 * filter commit events (identity and account events always pass). Without a cursor the whole
 * recording is replayed, standing in for the live tail. After the last event the connection stays
 * open, as a live stream would. {@link #dropAfter} makes a connection break mid-stream.
 *
 * <p>Thread-safe: may be configured from the test thread while the server runs.
 */
public final class JetstreamReplay {

  private record Event(long timeUs, String did, String collection, String line) {}

  private record Waiter(int connections, Promise<Void> promise) {}

  private final List<Event> events;
  private final Deque<Integer> drops = new ConcurrentLinkedDeque<>();
  private final List<String> connections = new CopyOnWriteArrayList<>();
  private final List<Waiter> waiters = new CopyOnWriteArrayList<>();

  private JetstreamReplay(List<Event> events) {
    this.events = List.copyOf(events);
  }

  /**
   * A replay of these event lines, in the given order.
   *
   * @throws IllegalArgumentException if a line is not a Jetstream event with {@code time_us}
   */
  public static JetstreamReplay of(List<String> lines) {
    List<Event> out = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n;
      try {
        n = Json.mapper().readTree(line);
      } catch (IOException e) {
        throw new UncheckedIOException("not a JSON event [got " + line + "]", e);
      }
      if (!n.path("time_us").canConvertToLong()) {
        throw new IllegalArgumentException("event without time_us [got " + line + "]");
      }
      String collection = n.path("commit").path("collection").asText(null);
      out.add(new Event(n.get("time_us").asLong(), n.path("did").asText(""), collection, line));
    }
    return new JetstreamReplay(out);
  }

  /** Breaks the next connection (close code 1011) after it received {@code events} events. */
  public JetstreamReplay dropAfter(int events) {
    drops.add(events);
    return this;
  }

  /** The request URI (path and query) of every connection so far, in order. */
  public List<String> connections() {
    return List.copyOf(connections);
  }

  /** Completes once {@code n} connections have been made. */
  public Future<Void> connected(int n) {
    Promise<Void> p = Promise.promise();
    waiters.add(new Waiter(n, p));
    checkWaiters();
    return p.future();
  }

  /** How many recorded events a connection with this query ({@code ?...} or empty) would get. */
  public int matching(String query) {
    return select(query).size();
  }

  void serve(ServerWebSocket ws) {
    connections.add(ws.uri());
    checkWaiters();
    List<String> lines = select(ws.query());
    Integer drop = drops.poll();
    int limit = drop == null ? lines.size() : Math.min(drop, lines.size());
    write(ws, lines, new int[] {0}, limit, drop != null);
  }

  private void write(ServerWebSocket ws, List<String> lines, int[] next, int limit, boolean drop) {
    while (next[0] < limit && !ws.writeQueueFull() && !ws.isClosed()) {
      ws.writeTextMessage(lines.get(next[0]++));
    }
    if (ws.isClosed()) {
      return;
    }
    if (next[0] < limit) {
      ws.drainHandler(v -> write(ws, lines, next, limit, drop));
    } else if (drop) {
      ws.close((short) 1011, "dropped by the fake (test)");
    }
  }

  private List<String> select(String query) {
    Map<String, List<String>> q = params(query);
    long cursor = q.containsKey("cursor") ? Long.parseLong(q.get("cursor").get(0)) : Long.MIN_VALUE;
    Set<String> collections = new HashSet<>(q.getOrDefault("wantedCollections", List.of()));
    Set<String> dids = new HashSet<>(q.getOrDefault("wantedDids", List.of()));
    List<String> out = new ArrayList<>();
    for (Event e : events) {
      boolean commit = e.collection() != null;
      if (e.timeUs() < cursor
          || (commit && !collections.isEmpty() && !collections.contains(e.collection()))
          || (commit && !dids.isEmpty() && !dids.contains(e.did()))) {
        continue;
      }
      out.add(e.line());
    }
    return out;
  }

  private static Map<String, List<String>> params(String query) {
    Map<String, List<String>> out = new HashMap<>();
    if (query == null || query.isEmpty()) {
      return out;
    }
    for (String kv : (query.startsWith("?") ? query.substring(1) : query).split("&")) {
      int eq = kv.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return out;
  }

  private void checkWaiters() {
    for (Waiter w : new ArrayList<>(waiters)) {
      if (connections.size() >= w.connections()) {
        waiters.remove(w);
        w.promise().tryComplete();
      }
    }
  }
}
