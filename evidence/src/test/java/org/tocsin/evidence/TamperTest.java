package org.tocsin.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tocsin.evidence.format.v1.FormatV1;
import org.tocsin.evidence.format.v1.Sha256;

/** Every way of changing a stored ledger that the hash chain must catch. */
class TamperTest {

  private static final int N = 10;

  @TempDir Path dir;
  private LedgerBytes ledger;

  @BeforeEach
  void writeLedger() throws IOException {
    LedgerBytes.writeRecords(dir, N);
    ledger = LedgerBytes.of(dir);
  }

  /** Asserts that open refuses the file and verify reports the same seq and offset. */
  private void assertCorruptAt(long seq, long offset, String why) throws IOException {
    String where = "record seq " + seq + " at offset " + offset + ": ";
    assertThatThrownBy(() -> FileEvidenceLog.open(dir))
        .isInstanceOf(EvidenceCorruptException.class)
        .hasMessageContaining(where)
        .hasMessageContaining(why)
        .satisfies(e -> assertThat(((EvidenceCorruptException) e).path()).isEqualTo(ledger.file));
    VerifyReport report = FileEvidenceLog.verify(dir);
    assertThat(report.ok()).isFalse();
    assertThat(report.recordsChecked()).isEqualTo(seq - 1);
    assertThat(report.firstProblem()).contains(where).contains(why);
  }

  @Test
  void flippedPayloadByteInAMiddleRecord() throws IOException {
    int start = ledger.start(5);
    ledger.flip(start + FormatV1.RECORD_HEADER_BYTES + 2).save();
    assertCorruptAt(5, start, "record hash mismatch");
  }

  @Test
  void flippedPrevHashByteInAMiddleRecord() throws IOException {
    int start = ledger.start(5);
    ledger.flip(start + 30).save();
    assertCorruptAt(5, start, "record hash mismatch");
  }

  @Test
  void forgedPrevHashWithARecomputedRecordHashBreaksTheLink() throws IOException {
    int start = ledger.start(5);
    ledger.flip(start + 30).rehash(start).save();
    assertCorruptAt(5, start, "broken hash link");
  }

  @Test
  void forgedPayloadWithARecomputedRecordHashBreaksTheNextLink() throws IOException {
    int start = ledger.start(5);
    ledger.flip(start + FormatV1.RECORD_HEADER_BYTES).rehash(start).save();
    assertCorruptAt(6, ledger.start(6), "broken hash link");
  }

  @Test
  void flippedLengthByteIsCorruptionNotATornTail() throws IOException {
    int start = ledger.start(3);
    ledger.flip(start + 4).save(); // the high byte of the length: now runs far past the end
    assertCorruptAt(3, start, "not a torn tail");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 7, 8, 11, 12, 19, 20, 35, 36, 67})
  void flippedHeaderByte(int offset) throws IOException {
    ledger.flip(offset).save();
    assertThatThrownBy(() -> FileEvidenceLog.open(dir))
        .isInstanceOf(EvidenceCorruptException.class)
        .hasMessageContaining("offset")
        .hasMessageContaining(ledger.file.toString());
    assertThat(FileEvidenceLog.verify(dir).ok()).isFalse();
  }

  @Test
  void versionOutsideTheSupportedRangeIsRefusedNamingTheFile() throws IOException {
    ByteBuffer.wrap(ledger.bytes).putInt(8, 2);
    byte[] hash = Sha256.digest(ledger.range(0, FormatV1.HEADER_HASHED_BYTES));
    System.arraycopy(hash, 0, ledger.bytes, FormatV1.HEADER_HASHED_BYTES, hash.length);
    ledger.save();
    assertThatThrownBy(() -> FileEvidenceLog.open(dir))
        .isInstanceOf(EvidenceCorruptException.class)
        .hasMessageContaining("unsupported ledger format version")
        .hasMessageContaining("[got 2]")
        .hasMessageContaining(ledger.file.toString());
  }

  @Test
  void bytesCutOutOfTheMiddle() throws IOException {
    int start = ledger.start(3);
    ledger.cut(start + 20, ledger.start(7) + 10).save();
    assertCorruptAt(3, start, "not a torn tail");
  }

  @Test
  void reorderedRecords() throws IOException {
    int s4 = ledger.start(4);
    byte[] r4 = ledger.range(s4, ledger.end(4));
    byte[] r5 = ledger.range(ledger.start(5), ledger.end(5));
    ledger.cut(s4, ledger.end(5)).insert(s4, r4).insert(s4, r5).save();
    assertCorruptAt(4, s4, "seq gap");
  }

  @Test
  void duplicatedRecord() throws IOException {
    byte[] r5 = ledger.range(ledger.start(5), ledger.end(5));
    int at = ledger.end(5);
    ledger.insert(at, r5).save();
    assertCorruptAt(6, at, "duplicate or out-of-order seq [got 5]");
  }

  @Test
  void deletedRecord() throws IOException {
    int s5 = ledger.start(5);
    ledger.cut(s5, ledger.end(5)).save();
    assertCorruptAt(5, s5, "seq gap");
  }

  @Test
  void unknownRecordTypeIsRefused() throws IOException {
    int s5 = ledger.start(5);
    ledger.setType(s5, 77).rehash(s5).save();
    assertCorruptAt(5, s5, "unknown record type code [got 77]");
  }

  @Test
  void cleanCutAtARecordBoundaryIsNotDetectableByTheChainAlone() throws IOException {
    // Signed tree heads (the next format addition) catch this; the chain alone cannot.
    ledger.truncate(ledger.end(6)).save();
    try (FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      assertThat(log.recovery().clean()).isTrue();
      assertThat(log.lastSeq()).isEqualTo(6);
      assertThat(log.verify()).isEqualTo(VerifyReport.passed(6));
    }
  }

  @Test
  void truncationInsideARecordLooksLikeATornTailAndIsQuarantined() throws IOException {
    int s4 = ledger.start(4);
    ledger.truncate(s4 + 40).save();
    try (FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      assertThat(log.lastSeq()).isEqualTo(3);
      assertThat(log.recovery().truncatedBytes()).isEqualTo(40);
      assertThat(log.recovery().quarantineFile()).hasFileName("ledger.tlg.torn-" + s4);
      assertThat(log.verify().ok()).isTrue();
    }
  }

  @Test
  void tamperingWhileOpenIsCaughtByReadAndVerify() throws IOException {
    try (FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      int s5 = ledger.start(5);
      ledger.flip(s5 + FormatV1.RECORD_HEADER_BYTES + 1).save();
      assertThatThrownBy(() -> log.read(5))
          .isInstanceOf(EvidenceCorruptException.class)
          .hasMessageContaining("record seq 5 at offset " + s5)
          .hasMessageContaining("hash mismatch");
      assertThat(log.read(4).seq()).isEqualTo(4);
      VerifyReport report = log.verify();
      assertThat(report.ok()).isFalse();
      assertThat(report.recordsChecked()).isEqualTo(4);
      assertThat(report.firstProblem()).contains("record seq 5 at offset " + s5);
    }
  }
}
