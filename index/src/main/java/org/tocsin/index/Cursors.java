package org.tocsin.index;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;

/**
 * Encodes and checks the opaque {@code searchAfter} cursors of deep paging.
 *
 * <p>A cursor holds the sort values of the last hit of a page (the version identity of the post
 * last among them, so it is unique), a fingerprint of the search it belongs to (query, filters,
 * sort), and an HMAC-SHA256 under a secret kept in the index's commit data. A cursor that was
 * damaged, changed, made up, or made by another index fails the HMAC; one made for another search
 * fails the fingerprint. Both are refused with an {@link InvalidQueryException}. Thread-safe.
 */
final class Cursors {

  private static final byte VERSION = 1;
  private static final int FINGERPRINT_BYTES = 8;
  private static final int MAC_BYTES = 16;
  private static final int MAX_STRING_BYTES = 16 * 1024;
  private static final byte FLOAT = 'F';
  private static final byte LONG = 'L';
  private static final byte DOUBLE = 'D';
  private static final byte BYTES = 'B';

  private final byte[] secret;

  Cursors(byte[] secret) {
    this.secret = secret.clone();
  }

  /** The cursor that continues a search after {@code last}, sorted by {@code fields}. */
  String encode(String search, FieldDoc last, SortField[] fields) {
    ByteBuffer buf = ByteBuffer.allocate(64 + valueBytes(last));
    buf.put(VERSION).put(fingerprint(search)).put((byte) fields.length);
    for (Object v : last.fields) {
      if (v instanceof Float f) {
        buf.put(FLOAT).putFloat(f);
      } else if (v instanceof Long l) {
        buf.put(LONG).putLong(l);
      } else if (v instanceof Double d) {
        buf.put(DOUBLE).putDouble(d);
      } else if (v instanceof BytesRef b) {
        buf.put(BYTES).putShort((short) b.length).put(b.bytes, b.offset, b.length);
      } else {
        throw new IllegalStateException("cannot encode a sort value [got " + v + "]");
      }
    }
    byte[] body = Arrays.copyOf(buf.array(), buf.position());
    byte[] out = Arrays.copyOf(body, body.length + MAC_BYTES);
    System.arraycopy(mac(body), 0, out, body.length, MAC_BYTES);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
  }

  /**
   * The last hit of the previous page, to search after.
   *
   * @throws InvalidQueryException if the cursor is not one this index made for this search
   */
  FieldDoc decode(String cursor, String search, SortField[] fields) throws InvalidQueryException {
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(cursor);
    } catch (IllegalArgumentException e) {
      throw invalid(e);
    }
    if (raw.length < 2 + FINGERPRINT_BYTES + MAC_BYTES) {
      throw invalid(null);
    }
    byte[] body = Arrays.copyOf(raw, raw.length - MAC_BYTES);
    byte[] mac = Arrays.copyOfRange(raw, body.length, raw.length);
    if (!MessageDigest.isEqual(mac, mac(body))) {
      throw invalid(null);
    }
    ByteBuffer buf = ByteBuffer.wrap(body);
    byte[] print = new byte[FINGERPRINT_BYTES];
    try {
      if (buf.get() != VERSION) {
        throw invalid(null);
      }
      buf.get(print);
      if (!MessageDigest.isEqual(print, fingerprint(search))) {
        throw new InvalidQueryException(
            "the cursor belongs to another search: a cursor continues only the search (query,"
                + " filters and sort) whose page returned it");
      }
      if (buf.get() != fields.length) {
        throw invalid(null);
      }
      Object[] values = new Object[fields.length];
      for (int i = 0; i < fields.length; i++) {
        values[i] = readValue(buf, fields[i].getType());
      }
      if (buf.hasRemaining()) {
        throw invalid(null);
      }
      // Past every document: the hit that ended the page is not returned again.
      return new FieldDoc(Integer.MAX_VALUE, Float.NaN, values);
    } catch (BufferUnderflowException e) {
      throw invalid(e);
    }
  }

  private static Object readValue(ByteBuffer buf, SortField.Type type)
      throws InvalidQueryException {
    byte tag = buf.get();
    switch (type) {
      case SCORE:
        if (tag == FLOAT) {
          return buf.getFloat();
        }
        break;
      case LONG:
        if (tag == LONG) {
          return buf.getLong();
        }
        break;
      case DOUBLE:
        if (tag == DOUBLE) {
          return buf.getDouble();
        }
        break;
      case STRING:
        if (tag == BYTES) {
          int len = Short.toUnsignedInt(buf.getShort());
          byte[] b = new byte[len];
          buf.get(b);
          return new BytesRef(b);
        }
        break;
      default:
        break;
    }
    throw invalid(null);
  }

  private static int valueBytes(FieldDoc doc) {
    int n = 0;
    for (Object v : doc.fields) {
      n += 9 + (v instanceof BytesRef b ? Math.min(b.length, MAX_STRING_BYTES) + 2 : 0);
    }
    return n;
  }

  private static InvalidQueryException invalid(Throwable cause) {
    return new InvalidQueryException(
        "the cursor is not valid: it was damaged or changed, or comes from another index; start"
            + " again from the first page",
        -1,
        cause);
  }

  private static byte[] fingerprint(String search) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(search.getBytes(StandardCharsets.UTF_8));
      return Arrays.copyOf(digest, FINGERPRINT_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private byte[] mac(byte[] body) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(new SecretKeySpec(secret, "HmacSHA256"));
      return Arrays.copyOf(m.doFinal(body), MAC_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }
}
