package org.tocsin.crawler.source.bluesky;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The Jetstream connector's bookkeeping, confined to its event loop: the events handed to the sink
 * in arrival order, the acknowledged cursor (the largest {@code time_us} of the acknowledged
 * prefix, so that it never passes an event the sink has not acknowledged), and the keys of
 * acknowledged events recent enough to be replayed by a rewound reconnect, which are dropped as
 * duplicates.
 *
 * <p>The cursor JSON is {@code {"timeUs": N, "recent": ["did|collection|rkey|rev", ...]}}: the
 * recent keys survive a restart so that the rewind after a crash adds no duplicates either.
 */
final class AckWindow {

  /** One event handed to the sink. */
  static final class Entry {
    final String key;
    final long timeUs;
    boolean done;
    boolean ok;

    Entry(String key, long timeUs) {
      this.key = key;
      this.timeUs = timeUs;
    }
  }

  private final long rewindUs;
  private final Deque<Entry> pending = new ArrayDeque<>();
  private final Map<String, Long> seen = new HashMap<>();
  private long ackedTimeUs = -1;
  private int inFlight;

  AckWindow(long rewindMillis) {
    this.rewindUs = rewindMillis * 1000;
  }

  /** The de-duplication key of an event, or {@code null} if it has no usable identity. */
  static String key(JsonObject e) {
    Object did = e.getValue("did");
    Object time = e.getValue("time_us");
    if (!(did instanceof String) || !(time instanceof Number)) {
      return null;
    }
    Object commit = e.getValue("commit");
    if (commit instanceof JsonObject c) {
      return did
          + "|"
          + c.getValue("collection")
          + "|"
          + c.getValue("rkey")
          + "|"
          + c.getValue("rev")
          + "|"
          + c.getValue("operation");
    }
    return did + "|" + e.getValue("kind") + "|" + time;
  }

  /** Whether an event with this key was acknowledged already or is in flight. */
  boolean isDuplicate(String key) {
    if (seen.containsKey(key)) {
      return true;
    }
    for (Entry e : pending) {
      if (e.key.equals(key) && (!e.done || e.ok)) {
        return true;
      }
    }
    return false;
  }

  /** Records an event handed to the sink. */
  Entry add(String key, long timeUs) {
    Entry e = new Entry(key, timeUs);
    pending.addLast(e);
    inFlight++;
    return e;
  }

  /** Records the sink's answer and moves the cursor over the acknowledged prefix. */
  void settle(Entry e, boolean ok) {
    e.done = true;
    e.ok = ok;
    inFlight--;
    if (ok) {
      seen.put(e.key, e.timeUs);
    }
    while (!pending.isEmpty() && pending.peekFirst().done && pending.peekFirst().ok) {
      ackedTimeUs = Math.max(ackedTimeUs, pending.removeFirst().timeUs);
    }
  }

  /** Events handed to the sink and not answered yet. */
  int inFlight() {
    return inFlight;
  }

  /** Forgets the answered events after a failure; call only when nothing is in flight. */
  void reset() {
    if (inFlight != 0) {
      throw new IllegalStateException("events still in flight [got " + inFlight + "]");
    }
    pending.clear();
  }

  /** The acknowledged cursor, or -1 before the first acknowledgement. */
  long ackedTimeUs() {
    return ackedTimeUs;
  }

  /** The {@code cursor} to reconnect with, or -1 to start at the live tail. */
  long resumeFrom() {
    return ackedTimeUs < 0 ? -1 : Math.max(0, ackedTimeUs - rewindUs);
  }

  /** The cursor to save (and forgets keys too old to be replayed). */
  JsonObject toJson() {
    long keepFrom = ackedTimeUs - 2 * rewindUs;
    JsonArray recent = new JsonArray();
    for (Iterator<Map.Entry<String, Long>> it = seen.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Long> s = it.next();
      if (s.getValue() < keepFrom) {
        it.remove();
      } else if (s.getValue() >= ackedTimeUs - rewindUs) {
        recent.add(s.getKey() + "@" + s.getValue());
      }
    }
    return new JsonObject().put("timeUs", ackedTimeUs).put("recent", recent);
  }

  /** Restores a saved cursor. */
  void load(JsonObject cursor) {
    ackedTimeUs = cursor.getLong("timeUs", -1L);
    JsonArray recent = cursor.getJsonArray("recent", new JsonArray());
    for (int i = 0; i < recent.size(); i++) {
      String s = recent.getString(i);
      int at = s.lastIndexOf('@');
      if (at > 0) {
        seen.put(s.substring(0, at), Long.parseLong(s.substring(at + 1)));
      }
    }
  }
}
