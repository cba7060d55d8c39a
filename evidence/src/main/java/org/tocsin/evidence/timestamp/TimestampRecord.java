package org.tocsin.evidence.timestamp;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The payload of a {@code TIMESTAMP} record: the seq of the {@code TREE_HEAD} record it stamps
 * (u64, big-endian) followed by the DER of an RFC 3161 TimeStampToken (a CMS ContentInfo) whose
 * message imprint is the SHA-256 of that head's payload.
 *
 * @param headSeq the seq of the stamped {@code TREE_HEAD} record
 * @param token the DER-encoded TimeStampToken
 */
public record TimestampRecord(long headSeq, byte[] token) {

  /** Checks the fields. */
  public TimestampRecord {
    if (headSeq < 1) {
      throw new IllegalArgumentException("headSeq must be >= 1 [got " + headSeq + "]");
    }
    if (token.length == 0) {
      throw new IllegalArgumentException("empty time-stamp token");
    }
  }

  /** The record payload. */
  public byte[] encode() {
    return ByteBuffer.allocate(8 + token.length).putLong(headSeq).put(token).array();
  }

  /**
   * Decodes a payload.
   *
   * @throws IllegalArgumentException if it is shorter than 9 bytes
   */
  public static TimestampRecord decode(byte[] payload) {
    if (payload.length < 9) {
      throw new IllegalArgumentException(
          "time-stamp payload too short [got " + payload.length + " bytes]");
    }
    return new TimestampRecord(
        ByteBuffer.wrap(payload).getLong(), Arrays.copyOfRange(payload, 8, payload.length));
  }
}
