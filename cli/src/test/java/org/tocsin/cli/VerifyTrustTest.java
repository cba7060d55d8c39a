package org.tocsin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.evidence.Capture;
import org.tocsin.core.json.Json;
import org.tocsin.evidence.FileEvidenceLog;
import org.tocsin.evidence.LedgerRecord;
import org.tocsin.evidence.RecordType;
import org.tocsin.evidence.sign.SignedTreeHead;
import org.tocsin.evidence.sign.TreeHeadEntry;
import org.tocsin.evidence.sign.TreeHeadKeys;
import org.tocsin.evidence.sign.TreeHeadSigner;
import org.tocsin.evidence.timestamp.LoopbackTsa;
import org.tocsin.evidence.timestamp.TimestampClient;
import org.tocsin.testkit.RealPosts;
import org.tocsin.testkit.TestNodes;

/**
 * {@code tocsin verify} under attack, on a ledger written by {@code tocsin import}: a cut at a
 * record boundary, a full forge re-signed with a key dropped into {@code ledger-keys/}, a deleted
 * public key and a missing key directory. Each must fail, or say plainly what it could not prove,
 * with the documented exit code.
 */
class VerifyTrustTest {
  @TempDir Path dir;
  Path d;
  String operatorKeyId;
  Path operatorPem;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return Main.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  @BeforeEach
  void importLedger() throws Exception {
    d = dir.resolve("d");
    Path file = TestNodes.writeJsonl(dir.resolve("in.jsonl"), RealPosts.sample().subList(0, 20));
    assertThat(run("import", "--data", d.toString(), file.toString())).isZero();
    Path pub = d.resolve("ledger-keys").resolve(TreeHeadKeys.PUBLIC_FILE);
    // the operator's key as published through a trusted channel: a copy outside the data dir
    operatorPem = Files.copy(pub, dir.resolve("operator.pub.pem"));
    operatorKeyId = TreeHeadKeys.loadOrCreate(d.resolve("ledger-keys")).keyIdHex();
  }

  /** The latest head as GET /api/v1/evidence/tree-head returns it (EvidenceRoutes#treeHead). */
  private Path publishHead(String name) throws Exception {
    TreeHeadKeys keys = TreeHeadKeys.loadOrCreate(d.resolve("ledger-keys"));
    ObjectNode body = Json.mapper().createObjectNode();
    try (FileEvidenceLog log = FileEvidenceLog.open(d.resolve("ledger"))) {
      TreeHeadEntry e = log.latestTreeHead().orElseThrow();
      SignedTreeHead h = e.head();
      body.put("ledgerId", log.ledgerId());
      body.put("lastSeq", log.lastSeq());
      body.put("keyId", keys.keyIdHex());
      body.put("publicKeyPem", keys.publicKeyPem());
      ObjectNode o = body.putObject("treeHead");
      o.put("seq", e.seq());
      o.put("treeSize", h.treeSize());
      o.put("rootHash", HexFormat.of().formatHex(h.rootHash()));
      o.put("time", h.time().toString());
      o.put("keyId", HexFormat.of().formatHex(h.keyId()));
      o.put("signature", Base64.getEncoder().encodeToString(h.signature()));
      o.put("signedMessage", Base64.getEncoder().encodeToString(h.signedMessage()));
      o.putArray("timestamps");
    }
    return Files.write(dir.resolve(name), Json.mapper().writeValueAsBytes(body));
  }

  private long lastSeq() throws Exception {
    try (FileEvidenceLog log = FileEvidenceLog.open(d.resolve("ledger"))) {
      return log.lastSeq();
    }
  }

  @Test
  void cleanLedgerWithTrustedKeyAndHeldHeadIsProvenAndKeyIdsArePrinted() throws Exception {
    Path head = publishHead("head.json");
    assertThat(
            run(
                "verify",
                "--data",
                d.toString(),
                "--trusted-key",
                operatorKeyId,
                "--head",
                head.toString()))
        .as(out.toString())
        .isZero();
    assertThat(out.toString())
        .contains("ledger OK, signed by a trusted key, consistent with 1 held head(s)")
        .contains(operatorKeyId)
        .doesNotContain("NOT PROVEN: no trusted key")
        .doesNotContain(TreeHeadKeys.PUBLIC_FILE);
    assertThat(run("verify", "--data", d.toString(), "--trusted-key", operatorPem.toString()))
        .isZero();
  }

  @Test
  void withoutTrustedKeyOrHeadVerifySaysWhatItCouldNotProve() throws Exception {
    assertThat(run("verify", "--data", d.toString())).as(out.toString()).isZero();
    assertThat(out.toString())
        .contains(
            "NOT PROVEN: no trusted key given: the signatures prove only that the keys in"
                + " ledger-keys/ signed these heads (key id "
                + operatorKeyId)
        .contains(
            "NOT PROVEN: no held head given: a ledger cut at a record boundary cannot be"
                + " detected")
        .doesNotContain(d.resolve("ledger-keys").toString());
  }

  @Test
  void ledgerCutAtARecordBoundaryFailsAgainstAHeldHead() throws Exception {
    Path head = publishHead("head.json");
    long last = lastSeq();
    long keep = last / 2;
    long end;
    try (FileEvidenceLog log = FileEvidenceLog.open(d.resolve("ledger"))) {
      end = 68;
      for (long s = 1; s <= keep; s++) {
        end += log.recordBytes(s).length;
      }
    }
    try (FileChannel ch =
        FileChannel.open(d.resolve("ledger").resolve("ledger.tlg"), StandardOpenOption.WRITE)) {
      ch.truncate(end);
    }
    // alone, the cut ledger is a sound shorter ledger: verify must say it cannot tell
    assertThat(run("verify", "--data", d.toString())).as(out.toString()).isZero();
    assertThat(out.toString())
        .contains("NOT PROVEN: no held head given: a ledger cut at a record boundary")
        .contains("NOT PROVEN: the ledger holds no signed tree head");
    // nothing left is signed by the trusted key: not proven
    assertThat(run("verify", "--data", d.toString(), "--trusted-key", operatorKeyId))
        .as(out.toString())
        .isEqualTo(3);
    assertThat(out.toString())
        .contains("ledger NOT VERIFIED: the ledger holds no signed tree head, so none of its");
    assertThat(
            run(
                "verify",
                "--data",
                d.toString(),
                "--trusted-key",
                operatorKeyId,
                "--head",
                head.toString()))
        .as(out.toString())
        .isEqualTo(1);
    assertThat(out.toString())
        .contains("ledger FAULT: held tree head of size")
        .contains("the ledger has only " + keep + " records: it was cut");
  }

  @Test
  void fullForgeReSignedWithANewKeyFailsAgainstTheTrustedKey() throws Exception {
    Path head = publishHead("head.json");
    TreeHeadKeys forger = TreeHeadKeys.loadOrCreate(dir.resolve("forger-keys"));
    forgeLedger(forger);
    replaceDir(dir.resolve("forger-keys"), d.resolve("ledger-keys"));

    // the forge is a sound ledger signed by the key in ledger-keys/: only trust can tell
    assertThat(run("verify", "--data", d.toString())).as(out.toString()).isZero();
    assertThat(out.toString())
        .contains("NOT PROVEN: no trusted key given")
        .contains(forger.keyIdHex());
    assertThat(run("verify", "--data", d.toString(), "--trusted-key", operatorKeyId))
        .as(out.toString())
        .isEqualTo(1);
    assertThat(out.toString())
        .contains("ledger FAULT")
        .contains(forger.keyIdHex())
        .contains("not a trusted key");
    assertThat(run("verify", "--data", d.toString(), "--trusted-key", operatorPem.toString()))
        .isEqualTo(1);
    assertThat(out.toString()).contains("tree head signed by an unknown key " + forger.keyIdHex());
    // a head the operator published earlier catches it too, even without a trusted key
    assertThat(run("verify", "--data", d.toString(), "--head", head.toString())).isEqualTo(1);
    assertThat(out.toString()).contains("ledger FAULT: held tree head");
  }

  /**
   * Rewrites the ledger as a forger with write access would: the first post's text changed, every
   * record hash, link and Merkle root recomputed, every tree head re-signed with {@code keys}.
   */
  private void forgeLedger(TreeHeadKeys keys) throws Exception {
    Path forged = dir.resolve("forged");
    try (FileEvidenceLog orig = FileEvidenceLog.open(d.resolve("ledger"));
        FileEvidenceLog fake = FileEvidenceLog.open(forged)) {
      TreeHeadSigner signer = new TreeHeadSigner(fake, keys, Duration.ofHours(1));
      boolean changed = false;
      for (long s = 1; s <= orig.lastSeq(); s++) {
        LedgerRecord r = orig.read(s);
        if (r.type() == RecordType.CAPTURE) {
          Capture c = orig.readCapture(s);
          String body = new String(c.body(), StandardCharsets.UTF_8);
          if (!changed && body.contains("\"text\":\"")) {
            body = body.replaceFirst("\"text\":\"", "\"text\":\"FORGED ");
            changed = true;
          }
          fake.appendCapture(
                  new Capture(
                      c.source(),
                      c.platform(),
                      c.method(),
                      c.url(),
                      c.status(),
                      c.headers(),
                      c.contentType(),
                      c.requestedAt(),
                      c.receivedAt(),
                      body.getBytes(StandardCharsets.UTF_8)))
              .join();
        } else if (r.type() == RecordType.TREE_HEAD) {
          signer.signNow();
        } else {
          assertThat(r.type()).isEqualTo(RecordType.CUSTODY);
          fake.append(r.type(), r.payload()).join();
        }
      }
      assertThat(changed).isTrue();
    }
    replaceDir(forged, d.resolve("ledger"));
  }

  @Test
  void forgeReSignedWithTheOperatorsOwnKeyNeedsAHeldHead() throws Exception {
    // the private key lies in ledger-keys/, beside the ledger: whoever can rewrite the ledger can
    // read it, so a trusted key cannot catch this forge, and verify must not let it look proven
    Path head = publishHead("head.json");
    forgeLedger(TreeHeadKeys.loadOrCreate(d.resolve("ledger-keys")));
    assertThat(run("verify", "--data", d.toString(), "--trusted-key", operatorKeyId))
        .as(out.toString())
        .isZero();
    assertThat(out.toString())
        .contains(
            "NOT PROVEN: the private key of trusted key "
                + operatorKeyId
                + " is in ledger-keys/, beside the ledger: whoever could rewrite the ledger could"
                + " re-sign it with that key");
    assertThat(
            run(
                "verify",
                "--data",
                d.toString(),
                "--trusted-key",
                operatorKeyId,
                "--head",
                head.toString()))
        .as(out.toString())
        .isEqualTo(1);
    assertThat(out.toString())
        .contains("ledger FAULT: held tree head of size")
        .doesNotContain("NOT PROVEN");
  }

  @Test
  void timeStampsSayWhichAuthoritySignedAndThatItIsNotProvenTrusted() throws Exception {
    // a token is checked against the certificate it carries: a forger's own "authority" passes
    // that check, so verify names the signer and says its trust is the reader's to decide
    X509Certificate cert;
    try (LoopbackTsa tsa = new LoopbackTsa();
        FileEvidenceLog log = FileEvidenceLog.open(d.resolve("ledger"))) {
      cert = tsa.cert;
      new TimestampClient(tsa.uri(), HttpClient.newHttpClient(), Duration.ofSeconds(10))
          .stampTreeHead(log, log.latestTreeHead().orElseThrow());
    }
    assertThat(run("verify", "--data", d.toString(), "--trusted-key", operatorKeyId))
        .as(out.toString())
        .isZero();
    assertThat(out.toString())
        .contains(
            "NOT PROVEN: 1 time-stamp token(s) signed by "
                + cert.getSubjectX500Principal().getName()
                + " (certificate sha256 "
                + HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded())))
        .contains("whether that authority is one you trust");
  }

  @Test
  void deletedPublicKeyIsNotVerified() throws Exception {
    Files.delete(d.resolve("ledger-keys").resolve(TreeHeadKeys.PUBLIC_FILE));
    assertThat(run("verify", "--data", d.toString())).as(out.toString()).isEqualTo(3);
    assertThat(out.toString())
        .contains("ledger-keys/ has no public key " + TreeHeadKeys.PUBLIC_FILE)
        .contains("were NOT checked")
        .contains("ledger NOT VERIFIED");
    // the published key proves it again
    assertThat(run("verify", "--data", d.toString(), "--trusted-key", operatorPem.toString()))
        .as(out.toString())
        .isZero();
    // a key id alone cannot check a signature: nothing holds that key any more
    assertThat(run("verify", "--data", d.toString(), "--trusted-key", operatorKeyId))
        .as(out.toString())
        .isEqualTo(3);
    assertThat(out.toString()).contains("no public key for the trusted key id " + operatorKeyId);
  }

  @Test
  void missingKeyDirectoryIsNotVerified() throws Exception {
    deleteTree(d.resolve("ledger-keys"));
    assertThat(run("verify", "--data", d.toString())).as(out.toString()).isEqualTo(3);
    assertThat(out.toString()).contains("the key directory ledger-keys/ is missing");
  }

  @Test
  void badArgumentsAreUsageErrorsAndHelpListsTheExitCodes() throws Exception {
    assertThat(run("verify", "--data", d.toString(), "--trusted-key", "nope")).isEqualTo(2);
    assertThat(err.toString()).contains("neither a 64-hex-digit key id nor a public key file");
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"treeSize\":3}");
    assertThat(run("verify", "--data", d.toString(), "--head", bad.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("head file " + bad).contains("not a tree head");
    assertThat(run("verify", "--data", dir.resolve("none").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no ledger in");
    // the ledger directory itself instead of the data directory: say which to give
    assertThat(run("verify", "--data", d.resolve("ledger").toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "is the ledger directory itself: give its parent, the data directory (--data " + d);
    assertThat(run("verify", "--help")).isZero();
    assertThat(out.toString()).contains("Exit codes:").contains("NOT PROVEN");
    assertThat(run("verify-bundle", "--help")).isZero();
    assertThat(out.toString()).contains("Exit codes:");
  }

  private static void replaceDir(Path from, Path to) throws Exception {
    deleteTree(to);
    Files.move(from, to);
  }

  private static void deleteTree(Path p) throws Exception {
    try (Stream<Path> s = Files.walk(p)) {
      for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }
}
