package org.tocsin.crawler.source.mastodon;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a {@code text/event-stream} into events as the bytes arrive, keeping each event's exact
 * bytes (its lines up to and including the blank line that dispatches it). Lines end with {@code
 * \n} or {@code \r\n}; a lone {@code \r} is not treated as a line end (Mastodon never sends one).
 * Comment-only blocks (heartbeats) produce no event. Not thread-safe: one per connection.
 */
final class SseFramer {

  /** One event: its name ({@code message} if none was given), its data and its exact bytes. */
  record Frame(String name, String data, byte[] raw) {}

  private final int maxEventBytes;
  private final ByteArrayOutputStream raw = new ByteArrayOutputStream();
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private String name;
  private StringBuilder data;

  SseFramer(int maxEventBytes) {
    this.maxEventBytes = maxEventBytes;
  }

  /**
   * Feeds a chunk and returns the events it completed.
   *
   * @throws IllegalStateException if an event grows past the byte limit
   */
  List<Frame> feed(Buffer chunk) {
    List<Frame> out = new ArrayList<>();
    byte[] b = chunk.getBytes();
    for (byte x : b) {
      raw.write(x);
      if (x != '\n') {
        line.write(x);
        if (raw.size() > maxEventBytes) {
          throw new IllegalStateException(
              "event over " + maxEventBytes + " bytes [got " + raw.size() + "+]");
        }
        continue;
      }
      byte[] l = line.toByteArray();
      line.reset();
      int len = l.length > 0 && l[l.length - 1] == '\r' ? l.length - 1 : l.length;
      if (len == 0) {
        if (data != null) {
          out.add(new Frame(name == null ? "message" : name, data.toString(), raw.toByteArray()));
        }
        raw.reset();
        name = null;
        data = null;
      } else {
        field(new String(l, 0, len, StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private void field(String l) {
    if (l.charAt(0) == ':') {
      return;
    }
    int colon = l.indexOf(':');
    String f = colon < 0 ? l : l.substring(0, colon);
    String v = colon < 0 ? "" : l.substring(colon + 1);
    if (v.startsWith(" ")) {
      v = v.substring(1);
    }
    if (f.equals("event")) {
      name = v;
    } else if (f.equals("data")) {
      data = data == null ? new StringBuilder(v) : data.append('\n').append(v);
    }
  }
}
