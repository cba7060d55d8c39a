package org.tocsin.evidence;

import java.time.Instant;
import java.util.Objects;

/**
 * What an append returns once its record is durable.
 *
 * @param seq the record's sequence number (1 is the first record)
 * @param time the time the ledger wrote into the record (microsecond precision)
 * @param hash lower-case hex SHA-256 of the record's bytes, as stored in the record
 */
public record LedgerEntry(long seq, Instant time, String hash) {

  /** Checks the fields. */
  public LedgerEntry {
    if (seq < 1) {
      throw new IllegalArgumentException("seq must be >= 1 [got " + seq + "]");
    }
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(hash, "hash");
  }
}
