package org.tocsin.evidence.export;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.netpreserve.jwarc.MessageHeaders;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcPayload;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;
import org.tocsin.evidence.capture.CaptureCodec;
import org.tocsin.evidence.format.v1.Sha256;

/**
 * Reads a bag's {@code data/captures.warc.gz} with jwarc, recomputes every payload and block digest
 * while reading, and ties each exported seq to a capture record whose payload is the body its
 * (proven) ledger record commits to.
 */
final class WarcCheck {

  private static final String FILE = "data/" + CaptureWarc.FILE;

  /** A metadata record: where it is and what it says. */
  private record Meta(String at, List<URI> concurrentTo, MessageHeaders fields) {}

  private final BundleCheck bag;
  private final ProofCheck proofs;
  private final Map<URI, String> payloadSha = new HashMap<>();
  private final Map<URI, String> where = new HashMap<>();
  private final Map<Long, Meta> metas = new HashMap<>();

  WarcCheck(BundleCheck bag, ProofCheck proofs) {
    this.bag = bag;
    this.proofs = proofs;
  }

  void check(List<Long> items) throws BundleCheck.Fault, IOException {
    Path file = bag.bag.resolve(FILE);
    bag.location = FILE;
    if (!Files.isRegularFile(file)) {
      throw new BundleCheck.Fault(FILE, "missing");
    }
    try (WarcReader reader = new WarcReader(file)) {
      reader.calculateBlockDigest();
      int n = 0;
      for (Optional<WarcRecord> o = reader.next(); o.isPresent(); o = reader.next()) {
        WarcRecord rec = o.get();
        n++;
        String at = FILE + " record " + n + " (" + rec.id() + ", offset " + reader.position() + ")";
        bag.location = at;
        if (rec instanceof WarcResponse || rec instanceof WarcResource) {
          capture((WarcTargetRecord) rec, at);
        } else if (rec instanceof WarcMetadata m) {
          metadata(m, at);
        }
      }
    }
    for (long seq : items) {
      link(seq);
    }
  }

  private void capture(WarcTargetRecord rec, String at) throws BundleCheck.Fault, IOException {
    WarcDigest declared =
        rec.payloadDigest().orElseThrow(() -> new BundleCheck.Fault(at, "no WARC-Payload-Digest"));
    Optional<WarcPayload> payload = rec.payload();
    if (payload.isEmpty()) {
      throw new BundleCheck.Fault(at, "no payload");
    }
    MessageDigest md = Sha256.newDigest();
    // Not closed here: for a resource record the payload is the record body, which the reader
    // owns and consumes below to finish the block digest.
    InputStream in = payload.get().body().stream();
    byte[] buf = new byte[1 << 16];
    for (int k; (k = in.read(buf)) > 0; ) {
      md.update(buf, 0, k);
    }
    byte[] actual = md.digest();
    if (!declared.algorithm().toLowerCase(Locale.ROOT).replace("-", "").equals("sha256")
        || !MessageDigest.isEqual(declared.bytes(), actual)) {
      throw new BundleCheck.Fault(
          at,
          "WARC-Payload-Digest is "
              + declared
              + " but the payload hashes to sha256:"
              + new WarcDigest("sha256", actual).base32());
    }
    rec.body().consume();
    Optional<WarcDigest> block = rec.blockDigest();
    Optional<WarcDigest> calculated = rec.calculatedBlockDigest();
    if (block.isPresent() && calculated.isPresent() && !block.equals(calculated)) {
      throw new BundleCheck.Fault(
          at,
          "WARC-Block-Digest is " + block.get() + " but the block hashes to " + calculated.get());
    }
    payloadSha.put(rec.id(), Sha256.hex(actual));
    where.put(rec.id(), at);
  }

  private void metadata(WarcMetadata m, String at) throws BundleCheck.Fault, IOException {
    MessageHeaders f = m.fields();
    Optional<String> seq = f.sole(CaptureWarc.SEQ);
    if (seq.isEmpty()) {
      return; // not one of ours; WARC files may carry other metadata
    }
    long s;
    try {
      s = Long.parseLong(seq.get());
    } catch (NumberFormatException e) {
      throw new BundleCheck.Fault(at + " field " + CaptureWarc.SEQ, "not a seq: " + seq.get());
    }
    if (metas.putIfAbsent(s, new Meta(at, m.concurrentTo(), f)) != null) {
      throw new BundleCheck.Fault(at, "a second metadata record for ledger seq " + s);
    }
  }

  private void link(long seq) throws BundleCheck.Fault {
    Meta meta = metas.get(seq);
    if (meta == null) {
      throw new BundleCheck.Fault(FILE, "no metadata record names ledger seq " + seq);
    }
    if (meta.concurrentTo().size() != 1 || !payloadSha.containsKey(meta.concurrentTo().get(0))) {
      throw new BundleCheck.Fault(
          meta.at(), "WARC-Concurrent-To names no response or resource record of this file");
    }
    URI id = meta.concurrentTo().get(0);
    byte[] rec = proofs.record(seq);
    String recordHash = Sha256.hex(rec, rec.length - 32, rec.length);
    String body;
    try {
      body = CaptureCodec.metadata(ProofCheck.payload(rec)).path("bodySha256").asText("");
    } catch (IllegalArgumentException e) {
      throw new BundleCheck.Fault("data/" + ProofFiles.recordPath(seq), e.getMessage());
    }
    if (!recordHash.equals(meta.fields().sole(CaptureWarc.RECORD_SHA256).orElse(null))) {
      throw new BundleCheck.Fault(
          meta.at() + " field " + CaptureWarc.RECORD_SHA256,
          "is not the hash " + recordHash + " of ledger record seq " + seq);
    }
    if (!body.equals(payloadSha.get(id))) {
      throw new BundleCheck.Fault(
          where.get(id),
          "payload sha256 "
              + payloadSha.get(id)
              + " is not the body sha256 "
              + body
              + " that ledger record seq "
              + seq
              + " commits to");
    }
    if (!body.equals(meta.fields().sole(CaptureWarc.BODY_SHA256).orElse(null))) {
      throw new BundleCheck.Fault(
          meta.at() + " field " + CaptureWarc.BODY_SHA256,
          "is not the ledger's body sha256 " + body);
    }
  }
}
