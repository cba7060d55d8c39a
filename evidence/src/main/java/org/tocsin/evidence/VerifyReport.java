package org.tocsin.evidence;

/**
 * The result of a full check of a ledger file.
 *
 * @param ok whether the header, every record and every hash link were sound
 * @param recordsChecked how many records were found whole and correctly chained before the first
 *     problem (all of them when {@code ok})
 * @param firstProblem what was wrong first, naming the seq and byte offset, or {@code null} when
 *     {@code ok}
 */
public record VerifyReport(boolean ok, long recordsChecked, String firstProblem) {

  /** Checks that a problem is given exactly when the report is not ok. */
  public VerifyReport {
    if (ok != (firstProblem == null)) {
      throw new IllegalArgumentException(
          "firstProblem must be null exactly when ok [got ok=" + ok + ", " + firstProblem + "]");
    }
  }

  /** A report that found nothing wrong in the given number of records. */
  public static VerifyReport passed(long recordsChecked) {
    return new VerifyReport(true, recordsChecked, null);
  }

  /** A report that found a problem after the given number of good records. */
  public static VerifyReport failed(long recordsChecked, String problem) {
    return new VerifyReport(false, recordsChecked, problem);
  }
}
