package org.tocsin.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.evidence.format.v1.FormatV1;

class FileEvidenceLogTest {

  @TempDir Path dir;

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void newLedgerIsEmptyAndSound() throws IOException {
    try (FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      assertThat(log.lastSeq()).isZero();
      assertThat(log.recovery().clean()).isTrue();
      assertThat(log.verify()).isEqualTo(VerifyReport.passed(0));
      assertThat(log.ledgerId()).hasSize(32);
      List<LedgerRecord> seen = new ArrayList<>();
      log.scan(1, seen::add);
      assertThat(seen).isEmpty();
    }
    assertThat(Files.size(dir.resolve(FormatV1.FILE_NAME))).isEqualTo(FormatV1.HEADER_BYTES);
  }

  @Test
  void appendReadScanVerifyRoundTrip() throws Exception {
    try (FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      LedgerEntry e1 = log.append(RecordType.CAPTURE, bytes("first")).get();
      LedgerEntry e2 = log.append(RecordType.CUSTODY, bytes("")).get();
      LedgerEntry e3 = log.append(RecordType.TREE_HEAD, bytes("third")).get();
      assertThat(List.of(e1.seq(), e2.seq(), e3.seq())).containsExactly(1L, 2L, 3L);
      assertThat(e2.time()).isAfterOrEqualTo(e1.time());
      assertThat(log.lastSeq()).isEqualTo(3);

      LedgerRecord r1 = log.read(1);
      LedgerRecord r2 = log.read(2);
      LedgerRecord r3 = log.read(3);
      assertThat(r1.payload()).isEqualTo(bytes("first"));
      assertThat(r1.type()).isEqualTo(RecordType.CAPTURE);
      assertThat(r1.hash()).isEqualTo(e1.hash()).matches("[0-9a-f]{64}");
      assertThat(r1.time()).isEqualTo(e1.time());
      assertThat(r2.payload()).isEmpty();
      assertThat(r2.type()).isEqualTo(RecordType.CUSTODY);
      assertThat(r2.prevHash()).isEqualTo(r1.hash());
      assertThat(r3.prevHash()).isEqualTo(r2.hash());
      assertThat(r3.type()).isEqualTo(RecordType.TREE_HEAD);

      List<LedgerRecord> seen = new ArrayList<>();
      log.scan(2, seen::add);
      assertThat(seen).containsExactly(r2, r3);
      seen.clear();
      log.scan(1, r -> seen.add(r) && r.seq() < 2);
      assertThat(seen).extracting(LedgerRecord::seq).containsExactly(1L, 2L);
      seen.clear();
      log.scan(4, seen::add);
      assertThat(seen).isEmpty();

      assertThat(log.verify()).isEqualTo(VerifyReport.passed(3));
    }
    assertThat(FileEvidenceLog.verify(dir)).isEqualTo(VerifyReport.passed(3));
  }

  @Test
  void reopenKeepsEverythingAndContinuesTheChain() throws Exception {
    String id;
    String lastHash;
    try (FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      id = log.ledgerId();
      log.appendAll(RecordType.CAPTURE, List.of(bytes("a"), bytes("b")));
      lastHash = log.read(2).hash();
    }
    try (FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      assertThat(log.ledgerId()).isEqualTo(id);
      assertThat(log.recovery().clean()).isTrue();
      assertThat(log.lastSeq()).isEqualTo(2);
      assertThat(log.read(1).payload()).isEqualTo(bytes("a"));
      assertThat(log.append(RecordType.CUSTODY, bytes("c")).get().seq()).isEqualTo(3);
      assertThat(log.read(3).prevHash()).isEqualTo(lastHash);
      assertThat(log.verify().ok()).isTrue();
    }
    try (FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      assertThat(log.lastSeq()).isEqualTo(3);
      assertThat(log.verify()).isEqualTo(VerifyReport.passed(3));
    }
  }

  @Test
  void appendAllIsOneBatchWithOneFsync() throws IOException {
    try (FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      log.append(RecordType.CAPTURE, bytes("warm-up")).join();
      long before = log.syncCount();
      List<byte[]> payloads = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        payloads.add(bytes("p" + i));
      }
      List<LedgerEntry> entries = log.appendAll(RecordType.CAPTURE, payloads);
      assertThat(log.syncCount()).isEqualTo(before + 1);
      assertThat(entries).extracting(LedgerEntry::seq).first().isEqualTo(2L);
      assertThat(entries).extracting(LedgerEntry::seq).last().isEqualTo(501L);
      assertThat(log.read(501).payload()).isEqualTo(bytes("p499"));
      assertThat(log.appendAll(RecordType.CAPTURE, List.of())).isEmpty();
      assertThat(log.syncCount()).isEqualTo(before + 1);
    }
  }

  @Test
  void rejectsBadArguments() throws IOException {
    try (FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      assertThatThrownBy(() -> log.read(1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("[got 1]");
      assertThatThrownBy(() -> log.append(RecordType.CAPTURE, null))
          .isInstanceOf(NullPointerException.class);
      byte[] huge = new byte[FormatV1.MAX_PAYLOAD_BYTES + 1];
      assertThatThrownBy(() -> log.append(RecordType.CAPTURE, huge))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("[got " + huge.length + "]");
      assertThatThrownBy(() -> log.appendAll(RecordType.CAPTURE, List.of(bytes("ok"), huge)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> log.scan(0, r -> true))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("[got 0]");
      assertThat(log.lastSeq()).isZero();
    }
    assertThatThrownBy(() -> new LedgerConfig(0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[got 0]");
    assertThatThrownBy(() -> new LedgerConfig(10, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RecordType.fromCode(9))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[got 9]");
  }

  @Test
  void closeWaitsForPendingAppendsThenRefusesMore() throws IOException {
    List<CompletableFuture<LedgerEntry>> futures = new ArrayList<>();
    FileEvidenceLog log = FileEvidenceLog.open(dir);
    for (int i = 0; i < 2000; i++) {
      futures.add(log.append(RecordType.CAPTURE, bytes("r" + i)));
    }
    log.close();
    assertThat(futures).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
    assertThatThrownBy(() -> log.append(RecordType.CAPTURE, bytes("late")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> log.read(1)).isInstanceOf(IllegalStateException.class);
    log.close(); // idempotent
    try (FileEvidenceLog again = FileEvidenceLog.open(dir)) {
      assertThat(again.lastSeq()).isEqualTo(2000);
    }
  }

  @Test
  void secondWriterOnTheSameDirectoryIsRefused() throws IOException {
    try (FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      assertThatThrownBy(() -> FileEvidenceLog.open(dir))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("already open");
      assertThat(log.verify().ok()).isTrue();
    }
    FileEvidenceLog.open(dir).close();
  }

  @Test
  void batchDelayConfigurationStillCommitsEverything() throws IOException {
    LedgerConfig cfg = new LedgerConfig(64, Duration.ofMillis(2));
    try (FileEvidenceLog log = FileEvidenceLog.open(dir, cfg)) {
      List<CompletableFuture<LedgerEntry>> futures = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        futures.add(log.append(RecordType.CUSTODY, bytes("c" + i)));
      }
      CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).join();
      assertThat(log.lastSeq()).isEqualTo(300);
      assertThat(log.syncCount()).isLessThan(300);
      assertThat(log.verify().ok()).isTrue();
    }
  }

  @Test
  void emptyExistingFileIsNotTakenForANewLedger() throws IOException {
    Files.createFile(dir.resolve(FormatV1.FILE_NAME));
    assertThatThrownBy(() -> FileEvidenceLog.open(dir))
        .isInstanceOf(EvidenceCorruptException.class)
        .hasMessageContaining("too short")
        .hasMessageContaining("[got 0]");
  }
}
