package org.tocsin.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.evidence.format.v1.FormatV1;
import org.tocsin.evidence.merkle.MerkleHash;
import org.tocsin.evidence.merkle.MerkleVerifier;
import org.tocsin.evidence.sign.SignedTreeHead;
import org.tocsin.evidence.sign.TreeHeadEntry;
import org.tocsin.evidence.sign.TreeHeadKeys;
import org.tocsin.evidence.sign.TreeHeadSigner;

/** The Merkle tree over a real ledger, signed tree heads, and proofs checked from bytes alone. */
class SignedLedgerTest {

  @TempDir Path tmp;

  static void appendSome(FileEvidenceLog log, int from, int n) throws IOException {
    for (int i = from; i < from + n; i++) {
      log.appendCapture(HeadTamperTest.capture("post " + i + " " + "x".repeat(i % 7 * 10))).join();
    }
  }

  @Test
  void proofsFromTheLedgerVerifyAgainstSignedHeadsAndSurviveReopen() throws IOException {
    Path dir = tmp.resolve("ledger");
    TreeHeadKeys keys = TreeHeadKeys.loadOrCreate(tmp.resolve("keys"));
    byte[] rootBefore;
    List<TreeHeadEntry> heads;
    try (FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      TreeHeadSigner signer = new TreeHeadSigner(log, keys, Duration.ofMinutes(5));
      appendSome(log, 1, 37);
      signer.signNow();
      appendSome(log, 38, 40);
      signer.close(); // signs what is left on shutdown
      signer.close(); // nothing new: no second head
      heads = log.treeHeads();
      assertThat(heads).hasSize(2);
      assertThat(heads.get(0).head().treeSize()).isEqualTo(37);
      assertThat(heads.get(1).head().treeSize()).isEqualTo(78); // 77 captures and the first head
      for (TreeHeadEntry e : heads) {
        SignedTreeHead h = e.head();
        assertThat(h.verify(keys.publicKey())).isTrue();
        for (long seq = 1; seq <= h.treeSize(); seq++) {
          byte[] leaf = MerkleHash.leaf(log.recordBytes(seq));
          assertThat(leaf).isEqualTo(log.leafHash(seq));
          List<byte[]> path = log.inclusionProof(seq, h.treeSize());
          assertThat(
                  MerkleVerifier.verifyInclusion(leaf, seq - 1, h.treeSize(), path, h.rootHash()))
              .as("seq %d in head of size %d", seq, h.treeSize())
              .isTrue();
        }
      }
      SignedTreeHead a = heads.get(0).head();
      SignedTreeHead b = heads.get(1).head();
      assertThat(
              MerkleVerifier.verifyConsistency(
                  a.treeSize(),
                  b.treeSize(),
                  a.rootHash(),
                  b.rootHash(),
                  log.consistencyProof(a.treeSize(), b.treeSize())))
          .isTrue();
      rootBefore = log.rootHash(log.treeSize());
    }
    try (FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      assertThat(log.rootHash(log.treeSize())).isEqualTo(rootBefore);
      assertThat(log.treeHeads()).isEqualTo(heads);
    }
    VerifyReport report = FileEvidenceLog.verify(dir, List.of(keys.publicKey()), List.of());
    assertThat(report.ok()).as(report.toString()).isTrue();
    assertThat(report.recordsChecked()).isEqualTo(79);
  }

  @Test
  void keysPersistWithOwnerOnlyPermissionsAndAPemPublicKey() throws IOException {
    Path kd = tmp.resolve("keys");
    TreeHeadKeys k1 = TreeHeadKeys.loadOrCreate(kd);
    TreeHeadKeys k2 = TreeHeadKeys.loadOrCreate(kd);
    assertThat(k2.keyIdHex()).isEqualTo(k1.keyIdHex());
    String pem = Files.readString(kd.resolve(TreeHeadKeys.PUBLIC_FILE));
    assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").isEqualTo(k1.publicKeyPem());
    assertThat(TreeHeadKeys.publicKeyFromPem(pem)).isEqualTo(k1.publicKey());
    Path priv = kd.resolve(TreeHeadKeys.PRIVATE_FILE);
    if (Files.getFileStore(priv).supportsFileAttributeView("posix")) {
      assertThat(Files.getPosixFilePermissions(priv))
          .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }
  }

  @Test
  void signIfDueWaitsForTheIntervalAndForNewRecords() throws IOException {
    MutableClock clock = new MutableClock();
    try (FileEvidenceLog log = FileEvidenceLog.open(tmp.resolve("l"))) {
      TreeHeadSigner s =
          new TreeHeadSigner(
              log, TreeHeadKeys.loadOrCreate(tmp.resolve("k")), Duration.ofSeconds(10), clock);
      assertThat(s.signIfDue()).isEmpty(); // empty log
      appendSome(log, 1, 3);
      assertThat(s.signIfDue()).isPresent();
      appendSome(log, 4, 1);
      clock.advance(Duration.ofSeconds(5));
      assertThat(s.signIfDue()).isEmpty(); // too soon
      clock.advance(Duration.ofSeconds(5));
      assertThat(s.signIfDue()).isPresent();
      clock.advance(Duration.ofSeconds(60));
      assertThat(s.signIfDue()).isEmpty(); // nothing new since the last head
    }
  }

  /** A key pair that is not the ledger's. */
  static PublicKey otherKey() throws Exception {
    return KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
  }

  /**
   * Re-links and re-hashes every record from {@code seq} on, as a forger with write access would.
   */
  static void rechainFrom(LedgerBytes b, int seq) {
    List<Long> offs = b.offsets();
    for (int s = seq; s <= offs.size(); s++) {
      int start = offs.get(s - 1).intValue();
      System.arraycopy(
          b.bytes, start - FormatV1.HASH_BYTES, b.bytes, start + 26, FormatV1.HASH_BYTES);
      b.rehash(start);
    }
  }

  static int payloadStart(LedgerBytes b, int seq) {
    return b.start(seq) + FormatV1.RECORD_HEADER_BYTES;
  }

  static void putSignatureByte(LedgerBytes b, int seq, int i) {
    int at = payloadStart(b, seq) + SignedTreeHead.SIGNED_BYTES + 2 + i;
    ByteBuffer.wrap(b.bytes).put(at, (byte) (b.bytes[at] ^ 0x01));
  }
}
