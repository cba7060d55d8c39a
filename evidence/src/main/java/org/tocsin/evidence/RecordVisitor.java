package org.tocsin.evidence;

import java.io.IOException;

/** Receives records from {@link EvidenceLog#scan(long, RecordVisitor)}, one at a time, in order. */
@FunctionalInterface
public interface RecordVisitor {

  /**
   * Handles one record.
   *
   * @return {@code true} to go on with the next record, {@code false} to stop the scan
   * @throws IOException to abort the scan; it is passed on to the caller of {@code scan}
   */
  boolean visit(LedgerRecord record) throws IOException;
}
