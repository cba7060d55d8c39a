package org.tocsin.evidence.custody;

import java.time.Instant;
import java.util.Objects;

/**
 * A custody event as stored in the ledger.
 *
 * @param seq the seq of the CUSTODY record
 * @param recordTime when the ledger wrote it
 * @param recordHash lower-case hex SHA-256 of the record
 * @param event the decoded event
 */
public record CustodyRecord(long seq, Instant recordTime, String recordHash, CustodyEvent event) {

  /** Checks the fields. */
  public CustodyRecord {
    Objects.requireNonNull(recordTime, "recordTime");
    Objects.requireNonNull(recordHash, "recordHash");
    Objects.requireNonNull(event, "event");
  }
}
