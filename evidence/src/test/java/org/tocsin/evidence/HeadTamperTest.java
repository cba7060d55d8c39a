package org.tocsin.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.evidence.Capture;
import org.tocsin.evidence.sign.SignedTreeHead;
import org.tocsin.evidence.sign.TreeHeadKeys;
import org.tocsin.evidence.sign.TreeHeadSigner;

/**
 * The tamper matrix beyond the chain: forgers with write access who re-chain what they change, a
 * forged head, a signature byte, and a blob swapped for another valid blob. Each is caught and
 * located by {@code verify} with the trusted key, while the chain alone passes.
 */
class HeadTamperTest {

  @TempDir Path tmp;
  Path dir;
  TreeHeadKeys keys;
  List<PublicKey> trusted;
  SignedTreeHead firstHead;
  long firstHeadSeq;

  /** Ledger: captures 1-10, head (seq 11, size 10), captures 12-20, head (seq 21, size 20). */
  @BeforeEach
  void write() throws Exception {
    dir = tmp.resolve("ledger");
    keys = TreeHeadKeys.loadOrCreate(tmp.resolve("keys"));
    trusted = List.of(keys.publicKey());
    try (FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      TreeHeadSigner signer = new TreeHeadSigner(log, keys, Duration.ofHours(1));
      SignedLedgerTest.appendSome(log, 1, 10);
      var e = signer.signNow();
      firstHead = e.head();
      firstHeadSeq = e.seq();
      SignedLedgerTest.appendSome(log, 12, 9);
      signer.close();
    }
    VerifyReport clean = FileEvidenceLog.verify(dir, trusted, List.of(firstHead));
    assertThat(clean.ok()).as(clean.toString()).isTrue();
  }

  private void assertCaught(long seq, String why) throws Exception {
    VerifyReport r = FileEvidenceLog.verify(dir, trusted, List.of());
    assertThat(r.ok()).as(r.toString()).isFalse();
    assertThat(r.firstProblem()).contains("record seq " + seq + " at offset").contains(why);
    assertThat(r.recordsChecked()).isEqualTo(seq - 1);
  }

  @Test
  void flippedSignatureByteWithRechainedRecordsIsCaught() throws Exception {
    LedgerBytes b = LedgerBytes.of(dir);
    SignedLedgerTest.putSignatureByte(b, 11, 5);
    SignedLedgerTest.rechainFrom(b, 11);
    b.save();
    assertThat(FileEvidenceLog.verify(dir).ok()).isTrue(); // the chain alone cannot see it
    assertCaught(11, "signature does not verify");
  }

  @Test
  void rewrittenTailWithANewConsistentChainIsCaughtByTheNextHead() throws Exception {
    LedgerBytes b = LedgerBytes.of(dir);
    // Replace capture 15 (covered by head 21) with another well-formed capture.
    int start = b.start(15);
    int from = SignedLedgerTest.payloadStart(b, 15);
    byte[] forged =
        org.tocsin.evidence.capture.CaptureCodec.encode(capture("a post never published"));
    b.cut(from, b.end(15) - 32).insert(from, forged);
    java.nio.ByteBuffer.wrap(b.bytes).putInt(start + 4, forged.length);
    SignedLedgerTest.rechainFrom(b, 15);
    b.save();
    assertThat(FileEvidenceLog.verify(dir).ok()).isTrue();
    assertCaught(21, "is not the root of records 1 to 20");
  }

  @Test
  void rewrittenTailWithoutItsHeadsIsCaughtByAHeldHead() throws Exception {
    // Cut everything after record 5 and append new records: a fully valid ledger with no heads.
    LedgerBytes b = LedgerBytes.of(dir);
    b.truncate(b.end(5)).save();
    try (FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      SignedLedgerTest.appendSome(log, 100, 20);
    }
    assertThat(FileEvidenceLog.verify(dir, trusted, List.of()).ok()).isTrue();
    VerifyReport r = FileEvidenceLog.verify(dir, trusted, List.of(firstHead));
    assertThat(r.ok()).isFalse();
    assertThat(r.firstProblem())
        .contains("held tree head of size 10")
        .contains("they were rewritten");
  }

  @Test
  void truncatedLedgerIsCaughtByAHeldHead() throws Exception {
    LedgerBytes b = LedgerBytes.of(dir);
    b.truncate(b.end(8)).save();
    VerifyReport r = FileEvidenceLog.verify(dir, trusted, List.of(firstHead));
    assertThat(r.firstProblem()).contains("has only 8 records: it was cut");
  }

  @Test
  void forgedHeadWithoutTheKeyIsCaught() throws Exception {
    // The forger appends a head signed with a key of their own, over the true root.
    TreeHeadKeys forger = TreeHeadKeys.loadOrCreate(tmp.resolve("forger"));
    long seq;
    try (FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      seq = new TreeHeadSigner(log, forger, Duration.ofHours(1)).signNow().seq();
    }
    assertCaught(seq, "signed by an unknown key");
  }

  @Test
  void forgedHeadClaimingTheRealKeyIdIsCaught() throws Exception {
    try (FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      long size = log.treeSize();
      SignedTreeHead fake =
          new SignedTreeHead(
              log.ledgerIdBytes(), size, log.rootHash(size), 1L, keys.keyId(), new byte[64]);
      long seq = log.append(RecordType.TREE_HEAD, fake.encode()).join().seq();
      log.close();
      assertCaught(seq, "signature does not verify");
    }
  }

  @Test
  void headFromAnotherKeyIsRefusedAndUnsignedCheckStillMatchesRoots() throws Exception {
    assertThat(FileEvidenceLog.verify(dir, List.of(SignedLedgerTest.otherKey()), List.of()).ok())
        .isFalse();
    assertThat(FileEvidenceLog.verify(dir, List.of(), List.of()).ok()).isTrue();
  }

  @Test
  void blobSwappedForAnotherValidBlobIsCaught() throws Exception {
    long seq;
    String nameA;
    try (FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      seq = log.appendCaptureWithBlob(capture("body A")).join().seq();
      nameA = log.readCapture(seq).body().length > 0 ? sha("body A") : null;
      log.blobs().put("body B".getBytes(StandardCharsets.UTF_8));
      Path a = log.blobs().path(nameA);
      Path bPath = log.blobs().path(sha("body B"));
      a.toFile().setWritable(true);
      Files.copy(bPath, a, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      assertThatThrownBy(() -> log.readCapture(seq))
          .isInstanceOf(EvidenceCorruptException.class)
          .hasMessageContaining("changed or swapped");
    }
    assertCaught(seq, "blob " + nameA + " hashes to " + sha("body B"));
  }

  static Capture capture(String body) {
    Instant t = Instant.parse("2026-11-22T10:00:00Z");
    return new Capture(
        "test:source",
        "mastodon",
        "GET",
        "https://example.social/api/v1/statuses/1",
        200,
        Map.of("content-type", "application/json"),
        "application/json",
        t,
        t.plusMillis(5),
        body.getBytes(StandardCharsets.UTF_8));
  }

  static String sha(String s) {
    return org.tocsin.evidence.capture.CaptureCodec.sha256Hex(s.getBytes(StandardCharsets.UTF_8));
  }
}
