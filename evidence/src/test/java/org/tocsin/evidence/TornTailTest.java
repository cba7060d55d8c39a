package org.tocsin.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.evidence.format.v1.FormatV1;

/** What a crash in the middle of a write leaves at the end of the file, and how open recovers. */
class TornTailTest {

  private static final int N = 20;

  @TempDir Path dir;
  private LedgerBytes ledger;
  private int wholeLength;

  @BeforeEach
  void writeLedger() throws IOException {
    LedgerBytes.writeRecords(dir, N);
    ledger = LedgerBytes.of(dir);
    wholeLength = ledger.bytes.length;
  }

  /** Opens the ledger and checks the tail was quarantined byte for byte and N records remain. */
  private void assertRecovered(byte[] tail, int records) throws IOException {
    int offset = ledger.bytes.length - tail.length;
    VerifyReport before = FileEvidenceLog.verify(dir);
    assertThat(before.ok()).isFalse();
    assertThat(before.recordsChecked()).isEqualTo(records);
    assertThat(before.firstProblem()).contains("torn tail at offset " + offset);
    try (FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      RecoveryReport r = log.recovery();
      assertThat(r.clean()).isFalse();
      assertThat(r.truncatedBytes()).isEqualTo(tail.length);
      assertThat(r.quarantineFile()).hasFileName("ledger.tlg.torn-" + offset);
      assertThat(r.message()).contains("offset " + offset);
      assertThat(Files.readAllBytes(r.quarantineFile())).isEqualTo(tail);
      assertThat(log.lastSeq()).isEqualTo(records);
      assertThat(log.verify()).isEqualTo(VerifyReport.passed(records));
      if (records > 0) {
        assertThat(log.read(records).payload()).isEqualTo(LedgerBytes.payload(records));
      }
      assertThat(log.append(RecordType.CUSTODY, new byte[] {1, 2, 3}).join().seq())
          .isEqualTo(records + 1);
    }
    assertThat(FileEvidenceLog.verify(dir)).isEqualTo(VerifyReport.passed(records + 1));
    try (FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      assertThat(log.recovery().clean()).isTrue();
      assertThat(log.lastSeq()).isEqualTo(records + 1);
    }
  }

  @Test
  void randomGarbageAfterTheLastRecord() throws IOException {
    byte[] garbage = new byte[333];
    new Random(42).nextBytes(garbage);
    ledger.insert(wholeLength, garbage).save();
    assertRecovered(garbage, N);
  }

  @Test
  void partialRecordHeader() throws IOException {
    byte[] partial = ledger.range(ledger.start(N), ledger.start(N) + 40);
    ledger.truncate(ledger.start(N) + 40).save();
    assertRecovered(partial, N - 1);
  }

  @Test
  void declaredLengthRunsPastTheEnd() throws IOException {
    int cutAt = ledger.end(N) - 5;
    byte[] partial = ledger.range(ledger.start(N), cutAt);
    ledger.truncate(cutAt).save();
    assertRecovered(partial, N - 1);
  }

  @Test
  void lastRecordFailsItsHashWithNothingAfterIt() throws IOException {
    Arrays.fill(ledger.bytes, ledger.end(N) - 100, ledger.end(N), (byte) 0);
    byte[] tail = ledger.range(ledger.start(N), ledger.end(N));
    ledger.save();
    assertRecovered(tail, N - 1);
  }

  @Test
  void zeroFilledTailFromAnExtendedButUnwrittenFile() throws IOException {
    byte[] zeros = new byte[8192];
    ledger.insert(wholeLength, zeros).save();
    assertRecovered(zeros, N);
  }

  @Test
  void aPartialFirstRecordLeavesAnEmptyLedger() throws IOException {
    ledger.truncate(FormatV1.HEADER_BYTES + 10).save();
    byte[] tail = ledger.range(FormatV1.HEADER_BYTES, FormatV1.HEADER_BYTES + 10);
    assertRecovered(tail, 0);
  }

  @Test
  void aSecondTearAtTheSameOffsetGetsItsOwnQuarantineFile() throws IOException {
    byte[] first = {1, 2, 3};
    ledger.insert(wholeLength, first).save();
    try (FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      assertThat(log.recovery().truncatedBytes()).isEqualTo(3);
    }
    byte[] second = {4, 5, 6, 7};
    ledger = LedgerBytes.of(dir);
    ledger.insert(wholeLength, second).save();
    try (FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      Path q = log.recovery().quarantineFile();
      assertThat(q).hasFileName("ledger.tlg.torn-" + wholeLength + "-2");
      assertThat(Files.readAllBytes(q)).isEqualTo(second);
      assertThat(Files.readAllBytes(dir.resolve("ledger.tlg.torn-" + wholeLength)))
          .isEqualTo(first);
    }
  }
}
