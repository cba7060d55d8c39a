package org.tocsin.evidence.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.json.Json;
import org.tocsin.evidence.FileEvidenceLog;
import org.tocsin.evidence.LedgerAudit;
import org.tocsin.evidence.sign.PublishedHead;
import org.tocsin.evidence.sign.SignedTreeHead;
import org.tocsin.evidence.sign.TrustedKeys;

/**
 * Head files in every form a user holds one (a bundle's tree-head.bin and tree-head.json, the API's
 * JSON), read back to the same signed head; trusted keys by id and by file; and the facts {@link
 * FileEvidenceLog#audit} reports about a real ledger.
 */
class PublishedHeadTest {
  @TempDir Path tmp;

  @Test
  void everyHeadFileFormReadsToTheSignedHead() throws Exception {
    Path bag = tmp.resolve("bag");
    String keyId;
    try (ExportFixture f = new ExportFixture(tmp, true)) {
      f.exporter().export(ExportFixture.request(List.of(1L)), bag);
      keyId = f.keys.keyIdHex();
      Files.writeString(tmp.resolve("pub.pem"), f.keys.publicKeyPem());
    }
    SignedTreeHead h = PublishedHead.read(bag.resolve("data/tree-head.bin")).head();
    assertThat(PublishedHead.read(bag.resolve("data/tree-head.json")).head()).isEqualTo(h);

    ObjectNode api = Json.mapper().createObjectNode();
    api.put("ledgerId", java.util.HexFormat.of().formatHex(h.ledgerId()));
    api.put("lastSeq", 9);
    api.put("publicKeyPem", Files.readString(tmp.resolve("pub.pem")));
    ObjectNode th = api.putObject("treeHead");
    th.put("treeSize", h.treeSize());
    th.put("rootHash", h.rootHashHex());
    th.put("keyId", h.keyIdHex());
    th.put("signature", Base64.getEncoder().encodeToString(h.signature()));
    th.put("signedMessage", Base64.getEncoder().encodeToString(h.signedMessage()));
    Path apiFile = Files.write(tmp.resolve("api.json"), Json.mapper().writeValueAsBytes(api));
    PublishedHead p = PublishedHead.read(apiFile);
    assertThat(p.head()).isEqualTo(h);
    assertThat(TrustedKeys.idOf(p.publishedKey())).isEqualTo(keyId);

    th.put("treeSize", h.treeSize() + 1); // a field that disagrees with the signed bytes
    Files.write(apiFile, Json.mapper().writeValueAsBytes(api));
    assertThatThrownBy(() -> PublishedHead.read(apiFile))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("treeSize says");
    api.remove("treeHead");
    Files.write(apiFile, Json.mapper().writeValueAsBytes(api));
    assertThatThrownBy(() -> PublishedHead.read(apiFile)).hasMessageContaining("no tree head");
    Path junk = Files.write(tmp.resolve("junk"), new byte[] {1, 2, 3});
    assertThatThrownBy(() -> PublishedHead.read(junk))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("head file " + junk);

    TrustedKeys byId = TrustedKeys.parse(List.of(keyId.toUpperCase(java.util.Locale.ROOT)));
    TrustedKeys byFile = TrustedKeys.parse(List.of(tmp.resolve("pub.pem").toString()));
    assertThat(byId.trusts(keyId)).isTrue();
    assertThat(byId.resolve(List.of())).isEmpty();
    assertThat(byId.resolve(List.of(p.publishedKey()))).hasSize(1);
    assertThat(byFile.resolve(List.of())).hasSize(1);
    assertThat(byFile.ids()).containsExactly(keyId);
    assertThatThrownBy(() -> TrustedKeys.parse(List.of(junk.toString())))
        .hasMessageContaining("trusted key file");
  }

  @Test
  void auditNamesTheHeadsAndTheirKeys() throws Exception {
    String keyId;
    try (ExportFixture f = new ExportFixture(tmp, true)) {
      keyId = f.keys.keyIdHex();
    }
    LedgerAudit unchecked = FileEvidenceLog.audit(tmp.resolve("ledger"), List.of(), List.of());
    assertThat(unchecked.ok()).isTrue();
    assertThat(unchecked.treeHeads()).isEqualTo(1);
    assertThat(unchecked.headKeyIds()).containsExactly(keyId);
    assertThat(unchecked.lastHeadSize()).isEqualTo(5);
    assertThat(unchecked.signaturesChecked()).isFalse();
  }
}
