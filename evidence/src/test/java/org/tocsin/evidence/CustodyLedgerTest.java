package org.tocsin.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.evidence.custody.CustodyCodec;
import org.tocsin.evidence.custody.CustodyEvent;
import org.tocsin.evidence.custody.CustodyEventType;
import org.tocsin.evidence.custody.CustodyRecord;

/** Custody events in the ledger, the per-capture history, and blob-backed captures. */
class CustodyLedgerTest {

  @TempDir Path dir;

  @Test
  void historyOfOneCaptureIsIndexedOnAppendAndRebuiltOnOpen() throws Exception {
    Instant t = Instant.parse("2026-11-22T10:00:00Z");
    CustodyEvent scored =
        new CustodyEvent(
            CustodyEventType.SCORED,
            List.of(1L, 2L),
            "nlp",
            "system",
            null,
            null,
            t,
            Map.of("model", "incitement-mlp", "version", "3"));
    CustodyEvent accessed =
        new CustodyEvent(
            CustodyEventType.ACCESSED,
            List.of(2L),
            "key-7f3a",
            "prosecutor",
            "case ICC-01/24 review",
            "text:\"burn them\"",
            t.plusSeconds(60),
            Map.of());
    try (FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      log.appendCapture(HeadTamperTest.capture("one")).join();
      log.appendCapture(HeadTamperTest.capture("two")).join();
      log.appendCustody(scored).join();
      log.appendCustody(accessed).join();
      assertThat(log.custodyHistory(1)).extracting(CustodyRecord::event).containsExactly(scored);
      assertThat(log.custodyHistory(2)).extracting(CustodyRecord::seq).containsExactly(3L, 4L);
      assertThatThrownBy(
              () ->
                  log.appendCustody(
                      CustodyEvent.of(CustodyEventType.EXPORTED, List.of(99L), "a", "b", "c")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("[got 99]");
    }
    try (FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      assertThat(log.custodyHistory(2))
          .extracting(CustodyRecord::event)
          .containsExactly(scored, accessed);
      assertThat(log.custodyHistory(3)).isEmpty();
    }
    assertThat(FileEvidenceLog.verify(dir, List.of(), List.of()).ok()).isTrue();
  }

  @Test
  void custodyPayloadIsDeterministicJson() {
    CustodyEvent e =
        new CustodyEvent(
            CustodyEventType.DELETED_UPSTREAM,
            List.of(5L),
            "crawler",
            "system",
            null,
            null,
            Instant.parse("2026-11-22T10:00:00Z"),
            Map.of("z", "1", "a", "2"));
    String json = new String(CustodyCodec.encode(e), StandardCharsets.UTF_8);
    assertThat(json)
        .isEqualTo(
            "{\"v\":1,\"event\":\"deleted-upstream\",\"subjects\":[5],\"actor\":{\"keyId\":\"crawler\","
                + "\"role\":\"system\"},\"reason\":null,\"query\":null,\"time\":\"2026-11-22T10:00:00Z\","
                + "\"details\":{\"a\":\"2\",\"z\":\"1\"}}");
    assertThat(CustodyCodec.decode(CustodyCodec.encode(e))).isEqualTo(e);
  }

  @Test
  void blobCapturesAreStoredOnceAndReadBackChecked() throws Exception {
    try (FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      var a = log.appendCaptureWithBlob(HeadTamperTest.capture("big body")).join();
      var b = log.appendCaptureWithBlob(HeadTamperTest.capture("big body")).join();
      assertThat(a.sha256()).isEqualTo(b.sha256());
      assertThat(log.readCapture(b.seq()).body())
          .isEqualTo("big body".getBytes(StandardCharsets.UTF_8));
      assertThat(log.read(a.seq()).payload().length).isLessThan(400); // the body is not inline
      assertThat(java.nio.file.Files.list(log.blobs().path(a.sha256()).getParent())).hasSize(1);
      java.nio.file.Files.delete(log.blobs().path(a.sha256()));
    }
    VerifyReport r = FileEvidenceLog.verify(dir, List.of(), List.of());
    assertThat(r.firstProblem()).contains("record seq 1 at offset 68: missing blob file");
  }
}
