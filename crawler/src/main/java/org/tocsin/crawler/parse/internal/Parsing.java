package org.tocsin.crawler.parse.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.tocsin.core.evidence.Capture;
import org.tocsin.core.json.Json;
import org.tocsin.core.json.PostFormatException;

/** Bounded, exception-safe reading of JSON values, times and URLs from hostile payloads. */
public final class Parsing {

  /** The largest capture body any parser reads, in bytes. */
  public static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

  private static final BigDecimal MAX_EPOCH_SECONDS = BigDecimal.valueOf(100_000_000_000L);

  private Parsing() {}

  /**
   * Reads the capture body as one JSON value with the shared bounded mapper.
   *
   * @throws PostFormatException if the body is too large, empty or not JSON
   */
  public static JsonNode readJson(Capture c) throws PostFormatException {
    return readJson(c.body(), c.platform());
  }

  /**
   * Reads bytes as one JSON value with the shared bounded mapper.
   *
   * @throws PostFormatException if the bytes are too large, empty or not JSON; names {@code where}
   */
  public static JsonNode readJson(byte[] body, String where) throws PostFormatException {
    checkSize(body, where);
    try {
      JsonNode n = Json.mapper().readTree(body);
      if (n == null || n.isMissingNode()) {
        throw new PostFormatException(where + ": empty body");
      }
      return n;
    } catch (JacksonException e) {
      throw new PostFormatException(where + ": not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new PostFormatException(where + ": not readable: " + e.getMessage(), e);
    }
  }

  /**
   * Fails if the body is larger than {@link #MAX_BODY_BYTES}.
   *
   * @throws PostFormatException naming {@code where} and the size
   */
  public static void checkSize(byte[] body, String where) throws PostFormatException {
    if (body.length > MAX_BODY_BYTES) {
      throw new PostFormatException(
          where + ": body too large [got " + body.length + " bytes, max " + MAX_BODY_BYTES + "]");
    }
  }

  /** The text of a field if it is a string (numbers are written out), else {@code null}. */
  public static String text(JsonNode o, String field) {
    if (o == null || !o.isObject()) {
      return null;
    }
    JsonNode n = o.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isIntegralNumber()) {
      return n.asText();
    }
    return null;
  }

  /** A field's text, or {@code null} if it is missing or blank. */
  public static String nonBlank(JsonNode o, String field) {
    String s = text(o, field);
    return s == null || s.isBlank() ? null : s;
  }

  /**
   * A required non-blank string field.
   *
   * @throws PostFormatException naming {@code where} and the field
   */
  public static String required(JsonNode o, String field, String where) throws PostFormatException {
    String s = nonBlank(o, field);
    if (s == null) {
      throw new PostFormatException(where + "." + field + ": required string is missing");
    }
    return s;
  }

  /** A non-negative whole count, or {@code null} if missing or not a count. */
  public static Long count(JsonNode o, String field) {
    if (o == null || !o.isObject()) {
      return null;
    }
    JsonNode n = o.get(field);
    if (n == null || !n.isNumber() || !n.canConvertToLong()) {
      return null;
    }
    long v = n.longValue();
    return v < 0 ? null : v;
  }

  /** An ISO-8601 time with offset, or {@code null} if missing or not parseable. */
  public static Instant time(String s) {
    if (s == null || s.isBlank() || s.length() > 64) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s.trim()).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * A required ISO-8601 time.
   *
   * @throws PostFormatException naming {@code where} and the bad value
   */
  public static Instant requiredTime(JsonNode o, String field, String where)
      throws PostFormatException {
    String s = text(o, field);
    Instant t = time(s);
    if (t == null) {
      throw new PostFormatException(where + "." + field + ": not an ISO-8601 time [got " + s + "]");
    }
    return t;
  }

  /** Seconds since the epoch (whole or fractional) as an instant, or {@code null}. */
  public static Instant epochSeconds(JsonNode n) {
    if (n == null || !n.isNumber()) {
      return null;
    }
    BigDecimal d = n.decimalValue();
    if (d.abs().compareTo(MAX_EPOCH_SECONDS) > 0) {
      return null;
    }
    long secs = d.longValue();
    long nanos = d.subtract(BigDecimal.valueOf(secs)).movePointRight(9).longValue();
    return Instant.ofEpochSecond(secs, nanos);
  }

  /** The host (and port if any) of a URL, lower-cased, or {@code null} if it has none. */
  public static String host(String url) {
    if (url == null) {
      return null;
    }
    try {
      URI u = new URI(url);
      if (u.getHost() == null) {
        return null;
      }
      String h = u.getHost().toLowerCase(Locale.ROOT);
      return u.getPort() > 0 ? h + ":" + u.getPort() : h;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** Whether a string is an absolute http(s) URL. */
  public static boolean isWebUrl(String s) {
    if (s == null || s.length() > 8192) {
      return false;
    }
    String l = s.toLowerCase(Locale.ROOT);
    return l.startsWith("http://") || l.startsWith("https://");
  }
}
