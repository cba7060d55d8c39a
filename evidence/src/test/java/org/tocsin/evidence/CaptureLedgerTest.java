package org.tocsin.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.evidence.Capture;
import org.tocsin.core.evidence.EvidenceRef;
import org.tocsin.evidence.capture.CaptureCodec;

class CaptureLedgerTest {

  @TempDir Path dir;

  private static Capture capture(int i) {
    return new Capture(
        "mastodon:example.social",
        "mastodon",
        "GET",
        "https://example.social/api/v1/statuses/" + i,
        200,
        Map.of("Content-Type", "application/json"),
        "application/json",
        Instant.parse("2024-11-22T09:14:04Z"),
        Instant.parse("2024-11-22T09:14:05.25Z").plusSeconds(i),
        ("{\"id\":\"" + i + "\",\"content\":\"<p>post " + i + "</p>\"}")
            .getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void appendedCapturesReadBackWithTheirReferences() throws Exception {
    try (FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      EvidenceRef one = log.appendCapture(capture(1)).get();
      assertThat(one.seq()).isEqualTo(1);
      assertThat(one.sha256()).isEqualTo(CaptureCodec.sha256Hex(capture(1).body()));
      assertThat(one.capturedAt()).isEqualTo(capture(1).receivedAt());

      long syncs = log.syncCount();
      List<EvidenceRef> refs = log.appendCaptures(List.of(capture(2), capture(3), capture(4)));
      assertThat(log.syncCount()).isEqualTo(syncs + 1);
      assertThat(refs).extracting(EvidenceRef::seq).containsExactly(2L, 3L, 4L);
      assertThat(refs.get(2).capturedAt()).isEqualTo(capture(4).receivedAt());

      Capture back = log.readCapture(3);
      assertThat(back.url()).isEqualTo(capture(3).url());
      assertThat(back.body()).isEqualTo(capture(3).body());
      assertThat(CaptureCodec.sha256Hex(back.body())).isEqualTo(refs.get(1).sha256());
      assertThat(log.read(3).type()).isEqualTo(RecordType.CAPTURE);

      log.append(RecordType.CUSTODY, new byte[] {42}).get();
      assertThatThrownBy(() -> log.readCapture(5))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("[got CUSTODY]");
    }
  }

  @Test
  void aCapturePayloadThatDoesNotDecodeIsReportedAsCorrupt() throws IOException {
    try (FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      log.append(RecordType.CAPTURE, new byte[] {0, 0, 0, 9}).join();
      assertThatThrownBy(() -> log.readCapture(1))
          .isInstanceOf(EvidenceCorruptException.class)
          .hasMessageContaining("record seq 1");
    }
  }

  @Test
  void aScanReadsInlineAndBlobCapturesThroughTheInterfaceAlike() throws Exception {
    byte[] big = new byte[300 * 1024];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) ('a' + i % 26);
    }
    Capture large =
        new Capture(
            "rss:example.org",
            "rss",
            "GET",
            "https://example.org/feed.xml",
            200,
            Map.of(),
            "application/rss+xml",
            Instant.parse("2024-11-22T09:14:04Z"),
            Instant.parse("2024-11-22T09:14:05Z"),
            big);
    try (FileEvidenceLog file = FileEvidenceLog.open(dir)) {
      file.appendCapture(capture(1)).get();
      file.appendCaptureWithBlob(large).get();
      file.append(RecordType.CUSTODY, new byte[] {42}).get();
      EvidenceLog log = file;
      List<Capture> read = new java.util.ArrayList<>();
      log.scan(
          1,
          r -> {
            if (r.type() == RecordType.CAPTURE) {
              read.add(log.capture(r));
            }
            return true;
          });
      assertThat(read).extracting(Capture::url).containsExactly(capture(1).url(), large.url());
      assertThat(read.get(1).body()).isEqualTo(big);
      assertThat(log.readCapture(2).body()).isEqualTo(big);
      LedgerRecord custody = log.read(3);
      assertThatThrownBy(() -> log.capture(custody))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("[got CUSTODY]");
    }
  }
}
