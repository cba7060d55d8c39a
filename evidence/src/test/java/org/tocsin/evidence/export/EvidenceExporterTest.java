package org.tocsin.evidence.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.reader.BagReader;
import gov.loc.repository.bagit.verify.BagVerifier;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;
import org.tocsin.evidence.FileEvidenceLog;
import org.tocsin.evidence.VerifyReport;
import org.tocsin.evidence.custody.CustodyEventType;
import org.tocsin.evidence.custody.CustodyRecord;
import org.tocsin.evidence.format.v1.Sha256;

/** Exports a real ledger and checks the bag with third-party readers and with BundleVerifier. */
class EvidenceExporterTest {

  @TempDir Path tmp;

  @Test
  void bagValidatesWithLibraryOfCongressBagitJwarcAndBundleVerifier() throws Exception {
    Path bag = tmp.resolve("out/case-0001");
    ExportResult r;
    try (ExportFixture f = new ExportFixture(tmp, true)) {
      r = f.exporter().export(ExportFixture.request(List.of(3L, 1L, 2L, 1L)), bag);
      assertThat(r.seqs()).containsExactly(1L, 2L, 3L);
      assertThat(r.signedNewHead()).isFalse();
      assertThat(r.head().seq()).isEqualTo(6);
      assertThat(r.bagSha256()).isEqualTo(BagFiles.sha256(bag.resolve("tagmanifest-sha256.txt")));
      for (long seq : r.seqs()) {
        List<CustodyRecord> h = f.log.custodyHistory(seq);
        CustodyRecord last = h.get(h.size() - 1);
        assertThat(last.seq()).isEqualTo(r.exportEventSeq());
        assertThat(last.event().type()).isEqualTo(CustodyEventType.EXPORTED);
        assertThat(last.event().reason()).isEqualTo("ICC-01/24 disclosure to the defence");
        assertThat(last.event().details())
            .containsEntry("bag", "case-0001")
            .containsEntry("bagSha256", r.bagSha256());
      }
    }
    Bag loc = new BagReader().read(bag);
    try (BagVerifier v = new BagVerifier()) {
      v.isValid(loc, false); // throws on any fault
    }
    assertThat(loc.getMetadata().get("Payload-Oxum")).hasSize(1);
    assertThat(Files.readString(bag.resolve("bag-info.txt")))
        .contains("Source-Organization: Tocsin")
        .contains("External-Description: ")
        .contains("Reason: ICC-01/24 disclosure to the defence");
    assertThat(Files.readString(bag.resolve("data/custody/1.jsonl")).split("\n"))
        .hasSize(4); // scored, accessed (covered), accessed later (not covered), this export
    assertThat(bag.resolve("data/timestamps/7.tst")).exists();
    assertWarcReadsBackWithDigests(bag.resolve("data/captures.warc.gz"));

    BundleReport report = BundleVerifier.verify(bag);
    assertThat(report.ok()).as(report.toString()).isTrue();
    assertThat(report.items()).isEqualTo(3);
    assertThat(report.bagSha256()).isEqualTo(r.bagSha256());
    assertThat(r.bag().getParent())
        .isDirectoryNotContaining(p -> p.getFileName().toString().startsWith("."));
  }

  private static void assertWarcReadsBackWithDigests(Path warc) throws Exception {
    List<String> types = new ArrayList<>();
    List<String> metaSeqs = new ArrayList<>();
    try (WarcReader reader = new WarcReader(warc)) {
      for (Optional<WarcRecord> o = reader.next(); o.isPresent(); o = reader.next()) {
        WarcRecord rec = o.get();
        types.add(rec.type());
        if (rec instanceof WarcResponse || rec instanceof WarcResource) {
          WarcTargetRecord t = (WarcTargetRecord) rec;
          byte[] body;
          try (InputStream in = t.payload().orElseThrow().body().stream()) {
            body = in.readAllBytes();
          }
          assertThat(t.payloadDigest().orElseThrow().bytes())
              .isEqualTo(MessageDigest.getInstance("SHA-256").digest(body));
          assertThat(t.payloadDigest().orElseThrow().toString()).startsWith("sha256:");
        }
        if (rec instanceof WarcResponse resp) {
          assertThat(resp.http().status()).isEqualTo(200);
          assertThat(resp.date().toString()).startsWith("2026-11-22T09:14:0").endsWith(".999345Z");
        }
        if (rec instanceof WarcMetadata m) {
          metaSeqs.add(m.fields().sole(CaptureWarc.SEQ).orElseThrow());
        }
      }
    }
    assertThat(types)
        .containsExactly(
            "warcinfo", "response", "metadata", "response", "metadata", "resource", "metadata");
    assertThat(metaSeqs).containsExactly("1", "2", "3");
  }

  @Test
  void exportSignsAHeadWhenNoneCoversTheItems() throws Exception {
    try (ExportFixture f = new ExportFixture(tmp, false)) {
      assertThat(f.log.latestTreeHead()).isEmpty();
      ExportResult r =
          f.exporter().export(ExportFixture.request(List.of(1L, 3L)), tmp.resolve("b"));
      assertThat(r.signedNewHead()).isTrue();
      assertThat(r.head().head().treeSize()).isEqualTo(5);
      assertThat(Files.readString(r.bag().resolve("data/VERIFY.md")))
          .contains("was signed for the export")
          .contains("no RFC 3161 time-stamp");
      assertThat(BundleVerifier.verify(r.bag()).ok()).isTrue();
      f.log.close();
      VerifyReport v =
          FileEvidenceLog.verify(
              f.ledgerDir, List.of(f.keys.publicKey()), List.of(r.head().head()));
      assertThat(v.ok()).as(v.toString()).isTrue();
    }
  }

  @Test
  void badRequestsFailFastAndLeaveNoBag() throws Exception {
    try (ExportFixture f = new ExportFixture(tmp, false)) {
      EvidenceExporter x = f.exporter();
      assertThatThrownBy(() -> x.export(ExportFixture.request(List.of(4L)), tmp.resolve("a")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("[got 4]");
      ExportRequest noModel =
          new ExportRequest(
              List.of(1L),
              "r",
              "k",
              "analyst",
              Map.of(1L, new DerivedData(List.of(), List.of("{\"score\":1}"))));
      assertThatThrownBy(() -> x.export(noModel, tmp.resolve("a")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("model and version");
      Files.createDirectories(tmp.resolve("exists"));
      assertThatThrownBy(() -> x.export(ExportFixture.request(List.of(1L)), tmp.resolve("exists")))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(f.log.latestTreeHead()).isEmpty(); // nothing signed for a refused export
      assertThat(tmp.resolve("a")).doesNotExist();
    }
  }

  @Test
  void aMissingBlobOpensButFailsTheExportAndTheFullVerify() throws Exception {
    String sha;
    try (ExportFixture f = new ExportFixture(tmp, false)) {
      sha = Sha256.hex(Sha256.digest(f.log.readCapture(2).body()));
      Files.delete(f.log.blobs().path(sha));
    }
    try (FileEvidenceLog log = FileEvidenceLog.open(tmp.resolve("ledger"))) {
      // Opening checks the chain, not blobs: the ledger opens, the capture cannot be read.
      var keys = org.tocsin.evidence.sign.TreeHeadKeys.loadOrCreate(tmp.resolve("keys"));
      var signer =
          new org.tocsin.evidence.sign.TreeHeadSigner(log, keys, java.time.Duration.ofHours(1));
      EvidenceExporter x = new EvidenceExporter(log, keys.publicKey(), signer);
      assertThatThrownBy(() -> x.export(ExportFixture.request(List.of(1L, 2L)), tmp.resolve("b")))
          .isInstanceOf(NoSuchFileException.class)
          .hasMessageContaining(sha);
      assertThat(tmp.resolve("b")).doesNotExist();
    }
    VerifyReport v = FileEvidenceLog.verify(tmp.resolve("ledger"), List.of(), List.of());
    assertThat(v.firstProblem()).contains("record seq 2").contains("missing blob file");
  }
}
