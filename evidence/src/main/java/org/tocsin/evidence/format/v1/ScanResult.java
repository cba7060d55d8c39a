package org.tocsin.evidence.format.v1;

/**
 * What a scan of a ledger file found.
 *
 * @param header the file header, or {@code null} if it was unusable
 * @param records how many whole, correctly chained records were found before any problem
 * @param lastHash the hash of the last such record (the header hash when there are none), or {@code
 *     null} if the header was unusable
 * @param lastTimeMicros the time of the last such record, or {@link Long#MIN_VALUE} if none
 * @param validEnd the byte offset just after the last such record
 * @param tornOffset where a torn tail starts, or -1 if there is none
 * @param tornReason why the bytes at {@code tornOffset} are not a whole record, or {@code null}
 * @param problem the first corruption found, naming the seq and byte offset, or {@code null}
 */
public record ScanResult(
    LedgerHeader header,
    long records,
    byte[] lastHash,
    long lastTimeMicros,
    long validEnd,
    long tornOffset,
    String tornReason,
    String problem) {

  /** Whether the file was sound to its end, with no torn tail. */
  public boolean ok() {
    return problem == null && tornOffset < 0;
  }

  /** Whether the file ends in a torn tail (and has no other problem). */
  public boolean torn() {
    return problem == null && tornOffset >= 0;
  }

  /** The first thing wrong, for a report: the problem, or the torn tail, or {@code null}. */
  public String describe() {
    if (problem != null) {
      return problem;
    }
    if (tornOffset >= 0) {
      return "torn tail at offset "
          + tornOffset
          + " after seq "
          + records
          + " ("
          + tornReason
          + "); opening the ledger quarantines it";
    }
    return null;
  }
}
