package org.tocsin.crawler.parse.mastodon;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.tocsin.core.json.PostFormatException;

/** A small reader of a {@code text/event-stream} body (WHATWG server-sent events). */
final class ServerSentEvents {

  /** The most events read from one body. */
  static final int MAX_EVENTS = 10_000;

  /** One dispatched event: its name ({@code message} if none was given) and its data. */
  record Event(String name, String data) {}

  private ServerSentEvents() {}

  /**
   * Splits a body into events; an event still open at the end of the body is dropped (truncated).
   *
   * @throws PostFormatException if the body holds more than {@link #MAX_EVENTS} events, or no line
   *     of it is an event-stream field or comment (random bytes are not an empty stream)
   */
  static List<Event> parse(byte[] body, String format) throws PostFormatException {
    String text = new String(body, StandardCharsets.UTF_8);
    List<Event> out = new ArrayList<>();
    String name = null;
    StringBuilder data = null;
    boolean recognised = false;
    int unknown = 0;
    for (String raw : text.split("\r\n|\r|\n", -1)) {
      if (raw.isEmpty()) {
        if (data != null) {
          if (out.size() >= MAX_EVENTS) {
            throw new PostFormatException(format + ": too many events [max " + MAX_EVENTS + "]");
          }
          out.add(new Event(name == null ? "message" : name, data.toString()));
        }
        name = null;
        data = null;
        continue;
      }
      if (raw.charAt(0) == ':') {
        recognised = true;
        continue;
      }
      int colon = raw.indexOf(':');
      String field = colon < 0 ? raw : raw.substring(0, colon);
      String value = colon < 0 ? "" : raw.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      if (field.equals("event")) {
        name = value;
        recognised = true;
      } else if (field.equals("data")) {
        data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        recognised = true;
      } else if (field.equals("id") || field.equals("retry")) {
        recognised = true;
      } else {
        unknown++;
      }
    }
    if ((!recognised && !text.isBlank()) || (out.isEmpty() && unknown > 0)) {
      throw new PostFormatException(
          format
              + ": neither JSON nor a server-sent-events stream (no event, data or comment line)");
    }
    return out;
  }
}
