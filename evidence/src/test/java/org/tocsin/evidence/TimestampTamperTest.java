package org.tocsin.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.evidence.sign.TreeHeadKeys;
import org.tocsin.evidence.sign.TreeHeadSigner;
import org.tocsin.evidence.timestamp.LoopbackTsa;
import org.tocsin.evidence.timestamp.TimestampClient;

/** A stored RFC 3161 token changed by a forger who re-chains the ledger is caught and located. */
class TimestampTamperTest {

  @TempDir Path tmp;

  @Test
  void flippedByteInAStoredTokenIsCaughtWhileTheChainAlonePasses() throws Exception {
    Path dir = tmp.resolve("ledger");
    TreeHeadKeys keys = TreeHeadKeys.loadOrCreate(tmp.resolve("keys"));
    long stampSeq;
    try (LoopbackTsa tsa = new LoopbackTsa();
        FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      SignedLedgerTest.appendSome(log, 1, 5);
      var head = new TreeHeadSigner(log, keys, Duration.ofHours(1)).signNow();
      stampSeq =
          new TimestampClient(tsa.uri(), HttpClient.newHttpClient(), Duration.ofSeconds(10))
              .stampTreeHead(log, head)
              .seq();
      assertThat(log.timestampSeqs(head.seq())).containsExactly(stampSeq);
      SignedLedgerTest.appendSome(log, 8, 2);
    }
    List<java.security.PublicKey> trusted = List.of(keys.publicKey());
    assertThat(FileEvidenceLog.verify(dir, trusted, List.of()).ok()).isTrue();
    LedgerBytes b = LedgerBytes.of(dir);
    int seq = (int) stampSeq;
    b.flip(b.end(seq) - 32 - 20); // inside the token's signature, near the payload's end
    SignedLedgerTest.rechainFrom(b, seq);
    b.save();
    assertThat(FileEvidenceLog.verify(dir).ok()).isTrue(); // the chain alone cannot see it
    VerifyReport r = FileEvidenceLog.verify(dir, trusted, List.of());
    assertThat(r.ok()).isFalse();
    assertThat(r.firstProblem())
        .contains("record seq " + seq + " at offset")
        .contains("time-stamp token does not verify");
    assertThat(r.recordsChecked()).isEqualTo(seq - 1);
  }
}
