package org.tocsin.evidence;

/**
 * What a ledger record holds. The code is what the record stores on disk; codes are never reused.
 */
public enum RecordType {
  /** A capture: request/response metadata and the raw body bytes (see {@code CaptureCodec}). */
  CAPTURE(1),
  /** A custody event: who accessed or exported which evidence, and when. */
  CUSTODY(2),
  /** A signed tree head over the records before it. */
  TREE_HEAD(3),
  /** An RFC 3161 time-stamp token over an earlier tree head (see {@code TimestampRecord}). */
  TIMESTAMP(4);

  private final int code;

  RecordType(int code) {
    this.code = code;
  }

  /** The code stored in a record's type field (an unsigned 16-bit value). */
  public int code() {
    return code;
  }

  /** Whether a type code is one this reader knows. */
  public static boolean isKnown(int code) {
    for (RecordType t : values()) {
      if (t.code == code) {
        return true;
      }
    }
    return false;
  }

  /**
   * The type stored under a code.
   *
   * @throws IllegalArgumentException if no type has that code
   */
  public static RecordType fromCode(int code) {
    for (RecordType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown record type code [got " + code + "]");
  }
}
