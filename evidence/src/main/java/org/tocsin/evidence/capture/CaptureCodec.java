package org.tocsin.evidence.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.tocsin.core.evidence.Capture;
import org.tocsin.core.json.Json;
import org.tocsin.evidence.format.v1.Sha256;

/**
 * Encodes a {@link Capture} as a ledger payload and back: a big-endian u32 metadata length, that
 * many bytes of UTF-8 JSON metadata, then the raw body bytes to the end of the payload.
 *
 * <p>The metadata object has the fields {@code source, platform, method, url, status, headers,
 * contentType, requestedAt, receivedAt, bodySha256, bodyLength}, written in that order with the
 * headers sorted by name, so that equal captures encode to equal bytes.
 */
public final class CaptureCodec {

  /**
   * A capture's payload together with the SHA-256 of its body, computed once while encoding.
   *
   * @param payload the encoded payload
   * @param bodySha256 lower-case hex SHA-256 of the body
   */
  public record Encoded(byte[] payload, String bodySha256) {}

  /** Loads a blob by its lower-case hex SHA-256 name, checking the digest (a {@code BlobStore}). */
  @FunctionalInterface
  public interface BlobSource {
    /** The blob's bytes. */
    byte[] get(String sha256) throws IOException;
  }

  /** The {@code bodyStorage} value of a capture whose body is in the blob store. */
  public static final String STORAGE_BLOB = "blob";

  private static final ObjectMapper MAPPER = Json.mapper();

  private CaptureCodec() {}

  /** Encodes a capture as a payload. */
  public static byte[] encode(Capture c) {
    return encodeWithDigest(c).payload();
  }

  /** Encodes a capture as a payload and returns the body digest as well. */
  public static Encoded encodeWithDigest(Capture c) {
    return encode(c, false);
  }

  /**
   * Encodes a capture whose body is stored in the blob store under its SHA-256: the metadata gains
   * {@code "bodyStorage":"blob"} as its last field and the payload ends after the metadata. The
   * caller must make the blob durable before appending the payload.
   */
  public static Encoded encodeBlobReference(Capture c) {
    return encode(c, true);
  }

  private static Encoded encode(Capture c, boolean blob) {
    String sha = sha256Hex(c.body());
    ObjectNode meta = MAPPER.createObjectNode();
    meta.put("source", c.source());
    meta.put("platform", c.platform());
    meta.put("method", c.method());
    meta.put("url", c.url());
    meta.put("status", c.status());
    ObjectNode headers = meta.putObject("headers");
    new TreeMap<>(c.headers()).forEach(headers::put);
    meta.put("contentType", c.contentType());
    meta.put("requestedAt", c.requestedAt().toString());
    meta.put("receivedAt", c.receivedAt().toString());
    meta.put("bodySha256", sha);
    meta.put("bodyLength", c.body().length);
    if (blob) {
      meta.put("bodyStorage", STORAGE_BLOB);
    }
    byte[] json;
    try {
      json = MAPPER.writeValueAsBytes(meta);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write capture metadata for " + c.url(), e);
    }
    byte[] body = blob ? new byte[0] : c.body();
    byte[] out =
        ByteBuffer.allocate(Math.addExact(4 + json.length, body.length))
            .putInt(json.length)
            .put(json)
            .put(body)
            .array();
    return new Encoded(out, sha);
  }

  /**
   * Decodes a payload written by {@link #encode(Capture)} and checks the body against its length
   * and SHA-256.
   *
   * @throws IllegalArgumentException if the payload is not an encoded capture, or the body does not
   *     match the digest in the metadata; the message says what was wrong
   */
  public static Capture decode(byte[] payload) {
    try {
      return decode(
          payload,
          sha -> {
            throw new IllegalArgumentException(
                "capture body is in the blob store (" + sha + "): decode with a BlobSource");
          });
    } catch (IOException e) {
      throw new IllegalStateException("unreachable: no blob source was called", e);
    }
  }

  /** The metadata of a capture payload, without checking the body. */
  public static JsonNode metadata(byte[] payload) {
    if (payload.length < 4) {
      throw new IllegalArgumentException(
          "capture payload too short for its metadata length [got " + payload.length + " bytes]");
    }
    long metaLen = Integer.toUnsignedLong(ByteBuffer.wrap(payload).getInt());
    if (metaLen > payload.length - 4L) {
      throw new IllegalArgumentException(
          "capture metadata length runs past the payload of "
              + payload.length
              + " bytes [got "
              + metaLen
              + "]");
    }
    JsonNode meta;
    try {
      meta = MAPPER.readTree(payload, 4, (int) metaLen);
    } catch (IOException e) {
      throw new IllegalArgumentException("capture metadata is not valid JSON: " + e, e);
    }
    if (meta == null || !meta.isObject()) {
      throw new IllegalArgumentException(
          "capture metadata must be a JSON object [got " + meta + "]");
    }
    return meta;
  }

  /** Whether a capture payload keeps its body in the blob store. */
  public static boolean isBlobReference(JsonNode meta) {
    JsonNode st = meta.get("bodyStorage");
    if (st == null || st.isNull() || "inline".equals(st.asText())) {
      return false;
    }
    if (!STORAGE_BLOB.equals(st.asText())) {
      throw new IllegalArgumentException("unknown capture bodyStorage [got " + st + "]");
    }
    return true;
  }

  /**
   * Decodes a capture payload, inline or blob reference, and checks the body against its length and
   * SHA-256.
   *
   * @throws IllegalArgumentException if the payload is not an encoded capture, or the body does not
   *     match the digest in the metadata
   * @throws IOException if the blob cannot be read (a missing blob is {@code NoSuchFileException})
   */
  public static Capture decode(byte[] payload, BlobSource blobs) throws IOException {
    JsonNode meta = metadata(payload);
    int metaLen = ByteBuffer.wrap(payload).getInt();
    byte[] body;
    if (isBlobReference(meta)) {
      if (payload.length != 4 + metaLen) {
        throw new IllegalArgumentException(
            "a blob-reference capture has no inline body [got "
                + (payload.length - 4 - metaLen)
                + " bytes]");
      }
      body = blobs.get(text(meta, "bodySha256", false));
    } else {
      body = Arrays.copyOfRange(payload, 4 + metaLen, payload.length);
    }
    long declaredLength = number(meta, "bodyLength");
    if (declaredLength != body.length) {
      throw new IllegalArgumentException(
          "capture body is " + body.length + " bytes, metadata says [got " + declaredLength + "]");
    }
    String declaredSha = text(meta, "bodySha256", false);
    String actualSha = sha256Hex(body);
    if (!actualSha.equals(declaredSha)) {
      throw new IllegalArgumentException(
          "capture body hashes to " + actualSha + ", metadata says [got " + declaredSha + "]");
    }
    return new Capture(
        text(meta, "source", false),
        text(meta, "platform", false),
        text(meta, "method", true),
        text(meta, "url", false),
        status(meta),
        headers(meta),
        text(meta, "contentType", false),
        instant(meta, "requestedAt"),
        instant(meta, "receivedAt"),
        body);
  }

  /** Lower-case hex SHA-256 of some bytes. */
  public static String sha256Hex(byte[] data) {
    return Sha256.hex(Sha256.digest(data));
  }

  private static String text(JsonNode meta, String field, boolean nullable) {
    JsonNode v = meta.get(field);
    if ((v == null || v.isNull()) && nullable) {
      return null;
    }
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException(
          "capture metadata field " + field + " must be a string [got " + v + "]");
    }
    return v.textValue();
  }

  private static long number(JsonNode meta, String field) {
    JsonNode v = meta.get(field);
    if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
      throw new IllegalArgumentException(
          "capture metadata field " + field + " must be an integer [got " + v + "]");
    }
    return v.longValue();
  }

  private static int status(JsonNode meta) {
    long status = number(meta, "status");
    if (status < 0 || status > 999) {
      throw new IllegalArgumentException(
          "capture metadata field status must be in [0, 999] [got " + status + "]");
    }
    return (int) status;
  }

  private static Instant instant(JsonNode meta, String field) {
    String s = text(meta, field, false);
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "capture metadata field " + field + " must be an ISO-8601 instant [got " + s + "]", e);
    }
  }

  private static Map<String, String> headers(JsonNode meta) {
    JsonNode h = meta.get("headers");
    if (h == null || !h.isObject()) {
      throw new IllegalArgumentException(
          "capture metadata field headers must be an object [got " + h + "]");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : h.properties()) {
      if (!e.getValue().isTextual()) {
        throw new IllegalArgumentException(
            "capture header " + e.getKey() + " must be a string [got " + e.getValue() + "]");
      }
      out.put(e.getKey(), e.getValue().textValue());
    }
    return out;
  }
}
