package org.tocsin.evidence;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One record read back from the ledger, after its hash and its link to the previous record were
 * checked.
 *
 * @param seq the sequence number (1 is the first record)
 * @param time when the ledger wrote the record (microsecond precision)
 * @param type what the payload holds
 * @param prevHash lower-case hex SHA-256 of the previous record (the header hash for seq 1)
 * @param hash lower-case hex SHA-256 of this record's bytes
 * @param payload the payload bytes; the array is not copied, so callers must not change it
 */
public record LedgerRecord(
    long seq, Instant time, RecordType type, String prevHash, String hash, byte[] payload) {

  /** Checks the fields. */
  public LedgerRecord {
    if (seq < 1) {
      throw new IllegalArgumentException("seq must be >= 1 [got " + seq + "]");
    }
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(prevHash, "prevHash");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(payload, "payload");
  }

  /** Compares all fields, the payload by content. */
  @Override
  public boolean equals(Object o) {
    return o instanceof LedgerRecord r
        && seq == r.seq
        && time.equals(r.time)
        && type == r.type
        && prevHash.equals(r.prevHash)
        && hash.equals(r.hash)
        && Arrays.equals(payload, r.payload);
  }

  /** Hashes all fields, the payload by content. */
  @Override
  public int hashCode() {
    return Objects.hash(seq, time, type, prevHash, hash, Arrays.hashCode(payload));
  }

  /** Describes the record without dumping the payload. */
  @Override
  public String toString() {
    return "LedgerRecord[seq="
        + seq
        + ", time="
        + time
        + ", type="
        + type
        + ", hash="
        + hash
        + ", payload="
        + payload.length
        + " bytes]";
  }
}
