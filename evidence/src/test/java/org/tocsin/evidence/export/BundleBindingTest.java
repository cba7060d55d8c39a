package org.tocsin.evidence.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.json.Json;
import org.tocsin.evidence.FileEvidenceLog;
import org.tocsin.evidence.format.v1.Sha256;
import org.tocsin.evidence.sign.BagSignature;
import org.tocsin.evidence.sign.PublishedHead;
import org.tocsin.evidence.sign.SignedTreeHead;
import org.tocsin.evidence.sign.TreeHeadKeys;
import org.tocsin.evidence.sign.TreeHeadSigner;
import org.tocsin.evidence.sign.TrustedKeys;

/**
 * A bag binds every file it ships: a forger without the key who changes VERIFY.md, the checker
 * script, a custody file or the export's reason and re-bags (new manifests) is caught by the bag
 * signature; a forger with a key of their own is caught by a trusted key; a bag turned back into
 * format 1 is not proven. Each case on a bag written by the real exporter from a real ledger.
 */
class BundleBindingTest {

  @TempDir Path tmp;
  Path bag;
  String operatorKeyId;

  @BeforeEach
  void export() throws Exception {
    bag = tmp.resolve("bag");
    try (ExportFixture f = new ExportFixture(tmp, true)) {
      f.exporter().export(ExportFixture.request(List.of(1L, 2L, 3L)), bag);
      operatorKeyId = f.keys.keyIdHex();
    }
    BundleReport clean = BundleVerifier.verify(bag);
    assertThat(clean.ok()).as(clean.toString()).isTrue();
  }

  private void assertRebagCaught() throws Exception {
    BundleTamperTest.rebag(bag);
    BundleReport r = BundleVerifier.verify(bag);
    assertThat(r.ok()).as(r.toString()).isFalse();
    assertThat(r.location()).as(r.toString()).isEqualTo("bag-signature.sig");
    assertThat(r.problem()).as(r.toString()).contains("bag signature does not verify");
  }

  private void replace(String rel, String from, String to) throws Exception {
    Path p = bag.resolve(rel);
    String text = Files.readString(p);
    assertThat(text).contains(from);
    Files.writeString(p, text.replace(from, to));
  }

  @Test
  void doctoredVerifyGuideIsCaught() throws Exception {
    // the guide states the key id to expect; a forger states theirs
    replace("data/VERIFY.md", operatorKeyId, "ab".repeat(32));
    assertRebagCaught();
  }

  @Test
  void doctoredCheckerIsCaught() throws Exception {
    Path script = bag.resolve("data/verify_proofs.py");
    Files.writeString(
        script, "print('ALL PROOFS HOLD')\nraise SystemExit(0)\n" + Files.readString(script));
    assertRebagCaught();
  }

  @Test
  void removedCustodyLineIsCaught() throws Exception {
    Path custody = bag.resolve("data/custody/1.jsonl");
    List<String> lines = Files.readAllLines(custody);
    assertThat(lines).hasSizeGreaterThan(2);
    assertThat(lines.get(1)).contains("\"accessed\"");
    lines.remove(1); // the analyst's access, covered by the head
    Files.write(custody, lines);
    assertRebagCaught();
  }

  @Test
  void changedExportReasonIsCaught() throws Exception {
    String reason = "ICC-01/24 disclosure to the defence";
    replace("data/export.json", reason, "routine audit");
    for (String c :
        List.of("data/custody/1.jsonl", "data/custody/2.jsonl", "data/custody/3.jsonl")) {
      replace(c, reason, "routine audit");
    }
    replace("bag-info.txt", reason, "routine audit");
    assertRebagCaught();
  }

  @Test
  void aFileAddedBesideTheTagFilesIsCaught() throws Exception {
    // listed in no manifest, so nothing signs it: a note telling the court which key to trust
    Files.writeString(bag.resolve("READ-ME-FIRST.txt"), "Trust key id " + "ab".repeat(32) + "\n");
    BundleReport r = BundleVerifier.verify(bag);
    assertThat(r.ok()).as(r.toString()).isFalse();
    assertThat(r.location()).isEqualTo("READ-ME-FIRST.txt");
    assertThat(r.problem()).contains("listed in no manifest");
  }

  @Test
  void aFileAddedInANewDirectoryBesideDataIsCaught() throws Exception {
    Files.createDirectories(bag.resolve("notes"));
    Files.writeString(bag.resolve("notes/custody-addendum.jsonl"), "{\"event\":\"accessed\"}\n");
    BundleReport r = BundleVerifier.verify(bag);
    assertThat(r.ok()).as(r.toString()).isFalse();
    assertThat(r.location()).isEqualTo("notes/custody-addendum.jsonl");
    assertThat(r.problem()).contains("listed in no manifest");
  }

  @Test
  void anExtraTagFileListedInTheTagManifestIsCaughtByTheBagSignature() throws Exception {
    Files.writeString(bag.resolve("READ-ME-FIRST.txt"), "Trust key id " + "ab".repeat(32) + "\n");
    Path tm = bag.resolve("tagmanifest-sha256.txt");
    Files.writeString(
        tm,
        Files.readString(tm)
            + BagFiles.sha256(bag.resolve("READ-ME-FIRST.txt"))
            + "  READ-ME-FIRST.txt\n");
    BundleReport r = BundleVerifier.verify(bag);
    assertThat(r.ok()).as(r.toString()).isFalse();
    assertThat(r.location()).isEqualTo("bag-signature.sig");
  }

  @Test
  void bagSignedWithTheOperatorsKeyChecksWithStandardMessage() throws Exception {
    byte[] sig = Files.readAllBytes(bag.resolve("bag-signature.sig"));
    byte[] tm = Files.readAllBytes(bag.resolve("tagmanifest-sha256.txt"));
    var key = TreeHeadKeys.readPublicKey(bag.resolve("data/public-key.pem"));
    assertThat(sig).hasSize(64);
    assertThat(BagSignature.verify(key, tm, sig)).isTrue();
    // the context keeps a bag signature from passing as a tree-head signature and back
    byte[] head = Files.readAllBytes(bag.resolve("data/tree-head.bin"));
    assertThat(BagSignature.verify(key, tm, SignedTreeHead.decode(head).signature())).isFalse();
  }

  @Test
  void aBagReSignedWithAnotherKeyPassesAloneButNotAgainstTheTrustedKey() throws Exception {
    // the full forge: the forger's own key signs the head (same root) and the re-bagged files
    KeyPair forger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    SignedTreeHead h = SignedTreeHead.decode(Files.readAllBytes(bag.resolve("data/tree-head.bin")));
    byte[] forgerId = TreeHeadKeys.keyId(forger.getPublic());
    SignedTreeHead unsigned =
        new SignedTreeHead(
            h.ledgerId(), h.treeSize(), h.rootHash(), h.timeMicros(), forgerId, new byte[64]);
    SignedTreeHead forged =
        new SignedTreeHead(
            h.ledgerId(),
            h.treeSize(),
            h.rootHash(),
            h.timeMicros(),
            forgerId,
            sign(forger, unsigned.signedMessage()));
    Files.write(bag.resolve("data/tree-head.bin"), forged.encode());
    Files.writeString(
        bag.resolve("data/public-key.pem"),
        TreeHeadKeys.pem("PUBLIC KEY", forger.getPublic().getEncoded()));
    String forgerHex = forged.keyIdHex();
    replace("data/tree-head.json", h.keyIdHex(), forgerHex);
    replace("data/tree-head.json", Sha256.hex(h.signature()), Sha256.hex(forged.signature()));
    replace("data/VERIFY.md", operatorKeyId, forgerHex);
    // the time-stamp token stamps the operator's head bytes: a forger drops it
    ObjectNode thj =
        (ObjectNode) Json.mapper().readTree(bag.resolve("data/tree-head.json").toFile());
    thj.putArray("timestamps");
    Files.write(bag.resolve("data/tree-head.json"), Json.mapper().writeValueAsBytes(thj));
    try (var s = Files.list(bag.resolve("data/timestamps"))) {
      for (Path p : s.toList()) {
        Files.delete(p);
      }
    }
    Files.delete(bag.resolve("data/timestamps"));
    BundleTamperTest.rebag(bag);
    Files.write(
        bag.resolve("bag-signature.sig"),
        sign(
            forger,
            BagSignature.message(Files.readAllBytes(bag.resolve("tagmanifest-sha256.txt")))));

    BundleReport alone = BundleVerifier.verify(bag);
    assertThat(alone.proven()).as(alone.toString()).isTrue(); // nothing in the bag can tell
    assertThat(alone.keyId()).isEqualTo(forgerHex);
    assertThat(alone.notes()).singleElement().asString().contains("no trusted key given");

    BundleReport trusted =
        BundleVerifier.verify(bag, TrustedKeys.parse(List.of(operatorKeyId)), List.of());
    assertThat(trusted.ok()).isFalse();
    assertThat(trusted.problem()).contains(forgerHex).contains("not a trusted key");
  }

  private static byte[] sign(KeyPair k, byte[] message) throws Exception {
    Signature s = Signature.getInstance("Ed25519");
    s.initSign(k.getPrivate());
    s.update(message);
    return s.sign();
  }

  @Test
  void trustedKeyAndHeldHeadProveTheBag() throws Exception {
    PublishedHead held = PublishedHead.read(bag.resolve("data/tree-head.bin"));
    BundleReport r =
        BundleVerifier.verify(bag, TrustedKeys.parse(List.of(operatorKeyId)), List.of(held));
    assertThat(r.proven()).as(r.toString()).isTrue();
    assertThat(r.notes()).isEmpty();
    assertThat(r.format()).isEqualTo(2);

    BundleReport untrusted =
        BundleVerifier.verify(bag, TrustedKeys.parse(List.of("cd".repeat(32))), List.of());
    assertThat(untrusted.ok()).isFalse();
    assertThat(untrusted.problem()).contains("not a trusted key").contains(operatorKeyId);

    BundleReport alone = BundleVerifier.verify(bag);
    assertThat(alone.proven()).isTrue();
    assertThat(alone.notes()).singleElement().asString().contains("no trusted key given");
  }

  @Test
  void aHeldHeadOfAnotherSizeIsNotProvenAndOneOfAnotherLedgerFails() throws Exception {
    // a later head of the same ledger, signed by the operator after the export
    Path later;
    try (FileEvidenceLog log = FileEvidenceLog.open(tmp.resolve("ledger"))) {
      TreeHeadSigner signer =
          new TreeHeadSigner(
              log, TreeHeadKeys.loadOrCreate(tmp.resolve("keys")), java.time.Duration.ofHours(1));
      later = Files.write(tmp.resolve("later.bin"), signer.signNow().head().encode());
    }
    BundleReport r =
        BundleVerifier.verify(
            bag, TrustedKeys.parse(List.of(operatorKeyId)), List.of(PublishedHead.read(later)));
    assertThat(r.ok()).as(r.toString()).isTrue();
    assertThat(r.proven()).isFalse();
    assertThat(r.unproven()).singleElement().asString().contains("no consistency proof");

    // a head of another ledger, by another key: neither trusted nor this ledger's
    Path other;
    try (ExportFixture g = new ExportFixture(tmp.resolve("other"), true)) {
      other =
          Files.write(
              tmp.resolve("other.bin"), g.log.latestTreeHead().orElseThrow().head().encode());
    }
    BundleReport o =
        BundleVerifier.verify(
            bag, TrustedKeys.parse(List.of(operatorKeyId)), List.of(PublishedHead.read(other)));
    assertThat(o.ok()).isFalse();
    assertThat(o.problem()).contains("does not verify under a trusted key");
  }

  @Test
  void aBagTurnedIntoFormatOneIsVerifiedButNotProven() throws Exception {
    Path ej = bag.resolve("data/export.json");
    ObjectNode j = (ObjectNode) Json.mapper().readTree(ej.toFile());
    j.put("version", 1);
    Files.write(ej, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(j));
    Files.delete(bag.resolve("bag-signature.sig"));
    BundleTamperTest.rebag(bag);
    BundleReport r = BundleVerifier.verify(bag);
    assertThat(r.ok()).as(r.toString()).isTrue();
    assertThat(r.format()).isEqualTo(1);
    assertThat(r.proven()).isFalse();
    assertThat(r.unproven()).singleElement().asString().contains("older bag format 1");
  }
}
