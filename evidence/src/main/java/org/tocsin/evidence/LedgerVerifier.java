package org.tocsin.evidence;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.tocsin.evidence.format.v1.FormatV1;
import org.tocsin.evidence.format.v1.LedgerHeader;
import org.tocsin.evidence.format.v1.LedgerScanner;
import org.tocsin.evidence.format.v1.ScanResult;

/** The read-only full checks behind {@link FileEvidenceLog#verify()} and its static twin. */
final class LedgerVerifier {

  private LedgerVerifier() {}

  /** Checks a ledger file that no one is writing; a torn tail is a problem. */
  static VerifyReport verifyClosed(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ScanResult scan =
          LedgerScanner.scan(new ChannelReader(ch, file), ch.size(), (s, e, t, l, p) -> {});
      return scan.ok()
          ? VerifyReport.passed(scan.records())
          : VerifyReport.failed(scan.records(), scan.describe());
    }
  }

  /**
   * Checks the durable part of an open ledger, as of now, against the file and against what open
   * found: the same header, and every record where the index says it is.
   */
  static VerifyReport verifyOpen(ReopeningReader reader, OffsetIndex index, LedgerHeader header)
      throws IOException {
    long records = index.count();
    long end = records == 0 ? FormatV1.HEADER_BYTES : index.end(records);
    long size = reader.size();
    if (size < end) {
      return VerifyReport.failed(
          0, "file is " + size + " bytes, shorter than its durable end at offset " + end);
    }
    long[] misplaced = {-1};
    ScanResult scan =
        LedgerScanner.scan(
            reader,
            end,
            (seq, recordEnd, type, leaf, payload) -> {
              if (misplaced[0] < 0 && index.end(seq) != recordEnd) {
                misplaced[0] = seq;
              }
            });
    if (!scan.ok()) {
      return VerifyReport.failed(scan.records(), scan.describe());
    }
    if (!scan.header().equals(header)) {
      return VerifyReport.failed(
          0, "header at offset 0 changed since open: " + scan.header() + " was " + header);
    }
    if (misplaced[0] > 0 || scan.records() != records) {
      long seq = misplaced[0] > 0 ? misplaced[0] : Math.min(scan.records(), records) + 1;
      return VerifyReport.failed(
          seq - 1,
          "record seq " + seq + " at offset " + index.start(seq) + " is not where it was at open");
    }
    return VerifyReport.passed(records);
  }
}
