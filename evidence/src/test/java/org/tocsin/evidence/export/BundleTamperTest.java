package org.tocsin.evidence.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.json.Json;
import org.tocsin.evidence.sign.BagSignature;
import org.tocsin.evidence.sign.TreeHeadKeys;

/**
 * Tampered bags, each caught and located by BundleVerifier. Most cases also re-seal the bag (new
 * manifests and Payload-Oxum, as a forger with the bag would), so the check behind the manifests
 * must catch them.
 */
class BundleTamperTest {

  @TempDir Path tmp;
  Path bag;

  @BeforeEach
  void export() throws Exception {
    bag = tmp.resolve("bag");
    try (ExportFixture f = new ExportFixture(tmp, true)) {
      f.exporter().export(ExportFixture.request(List.of(1L, 2L, 3L)), bag);
    }
    BundleReport clean = BundleVerifier.verify(bag);
    assertThat(clean.ok()).as(clean.toString()).isTrue();
  }

  /**
   * What a forger does after changing the payload: new manifests, oxum and tag manifest. Without
   * the key the bag signature then fails ({@link BundleBindingTest}); here the bag is re-signed
   * with the operator's key too, as an insider holding it could, so that the checks behind the
   * signature are tested.
   */
  static void reseal(Path bag) throws IOException {
    rebag(bag);
    TreeHeadKeys keys = TreeHeadKeys.loadOrCreate(bag.getParent().resolve("keys"));
    Files.write(
        bag.resolve(BagFiles.BAG_SIGNATURE),
        BagSignature.sign(keys, Files.readAllBytes(bag.resolve(BagFiles.TAG_MANIFEST))));
  }

  /** New manifests, oxum and tag manifest, without a new signature: a forger without the key. */
  static void rebag(Path bag) throws IOException {
    Map<String, String> info = BagFiles.parseInfo(Files.readString(bag.resolve(BagFiles.BAG_INFO)));
    info.keySet().removeAll(List.of("Bagging-Date", "Payload-Oxum", "Bag-Size"));
    BagFiles.seal(bag, info, LocalDate.of(2026, 11, 22));
  }

  private void assertCaught(String location, String problem) {
    BundleReport r = BundleVerifier.verify(bag);
    assertThat(r.ok()).as(r.toString()).isFalse();
    assertThat(r.location()).as(r.toString()).contains(location);
    assertThat(r.problem()).as(r.toString()).contains(problem);
  }

  private void rewriteWarc(String from, String to) throws IOException {
    Path warc = bag.resolve("data/captures.warc.gz");
    String text;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(warc))) {
      text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
    assertThat(text).contains(from);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.replaceFirst(from, to).getBytes(StandardCharsets.ISO_8859_1));
    }
    Files.write(warc, out.toByteArray());
  }

  private void flipWarcPayloadByte() throws IOException {
    Path warc = bag.resolve("data/captures.warc.gz");
    byte[] plain;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(warc))) {
      plain = in.readAllBytes();
    }
    String text = new String(plain, StandardCharsets.ISO_8859_1);
    int at = text.indexOf("\"id\":\"117020609135389699\"") + 6;
    assertThat(at).isGreaterThan(6);
    plain[at] ^= 0x01; // '1' -> '0' inside the body of seq 1
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(plain);
    }
    Files.write(warc, out.toByteArray());
  }

  @Test
  void flippedWarcPayloadByteIsCaughtByTheManifestThenByThePayloadDigest() throws Exception {
    flipWarcPayloadByte();
    assertCaught("manifest-sha256.txt line", "sha256 mismatch");
    assertCaught("(data/captures.warc.gz)", "sha256 mismatch");
    reseal(bag);
    assertCaught("data/captures.warc.gz record 2 (urn:uuid:", "WARC-Payload-Digest is sha256:");
  }

  @Test
  void editedHttpHeaderIsCaughtByTheBlockDigest() throws Exception {
    rewriteWarc("cache-control: private, no-store", "cache-control: public,  no-store");
    reseal(bag);
    assertCaught("data/captures.warc.gz record 2 (urn:uuid:", "WARC-Block-Digest is sha256:");
  }

  @Test
  void editedPostsAreCaughtByTheManifestAndForeignLinesEvenAfterResealing() throws Exception {
    Path posts = bag.resolve("data/posts.jsonl");
    Files.writeString(posts, Files.readString(posts).replace("redskins", "patriots"));
    assertCaught("(data/posts.jsonl)", "sha256 mismatch");
    Files.writeString(posts, "{\"seq\":99,\"post\":{}}\n", java.nio.file.StandardOpenOption.APPEND);
    reseal(bag);
    assertCaught("data/posts.jsonl line 5", "names no exported capture seq [got 99]");
  }

  @Test
  void editedAuditPathIsCaught() throws Exception {
    Path proof = bag.resolve("data/proofs/1.json");
    ObjectNode p = (ObjectNode) Json.mapper().readTree(proof.toFile());
    ArrayNode path = (ArrayNode) p.get("auditPath");
    path.set(0, path.get(1));
    Files.write(proof, Json.mapper().writeValueAsBytes(p));
    reseal(bag);
    assertCaught("data/proofs/1.json field auditPath", "does not lead from the leaf of seq 1");
  }

  @Test
  void swappedPublicKeyIsCaught() throws Exception {
    TreeHeadKeys other = TreeHeadKeys.loadOrCreate(tmp.resolve("other"));
    Files.writeString(bag.resolve("data/public-key.pem"), other.publicKeyPem());
    reseal(bag);
    assertCaught("data/public-key.pem", "is not the key id");
  }

  @Test
  void editedTreeHeadRootIsCaughtInTheJsonAndInTheSignedBytes() throws Exception {
    Path json = bag.resolve("data/tree-head.json");
    ObjectNode j = (ObjectNode) Json.mapper().readTree(json.toFile());
    j.put("rootHash", "00".repeat(32));
    Files.write(json, Json.mapper().writeValueAsBytes(j));
    reseal(bag);
    assertCaught("data/tree-head.json field rootHash", "the signed data/tree-head.bin says");
    byte[] bin = Files.readAllBytes(bag.resolve("data/tree-head.bin"));
    bin[30] ^= 0x01; // inside the root hash
    Files.write(bag.resolve("data/tree-head.bin"), bin);
    reseal(bag);
    assertCaught("data/tree-head.bin", "signature does not verify");
  }

  @Test
  void editedCustodyEventIsCaughtAgainstItsProvenRecord() throws Exception {
    Path c = bag.resolve("data/custody/1.jsonl");
    Files.writeString(c, Files.readString(c).replaceFirst("incitement-mlp", "other-model"));
    reseal(bag);
    assertCaught("data/custody/1.jsonl line 1 field event", "differs from the event in ledger");
  }

  @Test
  void flippedTimestampTokenIsCaught() throws Exception {
    Path tst = bag.resolve("data/timestamps/7.tst");
    byte[] b = Files.readAllBytes(tst);
    b[b.length - 10] ^= 0x01; // inside the TSA's signature
    Files.write(tst, b);
    reseal(bag);
    assertCaught("data/timestamps/7.tst", "time-stamp token does not verify");
  }

  @Test
  void malformedBagsAreReportedNotThrown() throws Exception {
    Files.delete(bag.resolve("data/records/2.tlr"));
    assertCaught("(data/records/2.tlr)", "file is missing");
    Files.delete(bag.resolve("bagit.txt"));
    assertCaught("bagit.txt", "missing");
    BundleReport none = BundleVerifier.verify(tmp.resolve("nothing-here"));
    assertThat(none.ok()).isFalse();
    assertThat(none.problem()).contains("not a directory");
  }
}
