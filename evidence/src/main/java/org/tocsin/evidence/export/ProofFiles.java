package org.tocsin.evidence.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tocsin.core.json.Json;
import org.tocsin.evidence.EvidenceCorruptException;
import org.tocsin.evidence.FileEvidenceLog;
import org.tocsin.evidence.LedgerRecord;
import org.tocsin.evidence.format.v1.Sha256;
import org.tocsin.evidence.merkle.MerkleHash;
import org.tocsin.evidence.sign.SignedTreeHead;
import org.tocsin.evidence.sign.TreeHeadEntry;
import org.tocsin.evidence.sign.TreeHeadKeys;
import org.tocsin.evidence.timestamp.TimestampRecord;
import org.tocsin.evidence.timestamp.TimestampTokens;

/**
 * Writes the ledger side of a bag under {@code data/}: {@code records/<seq>.tlr} (a record's exact
 * bytes), {@code proofs/<seq>.json} (its inclusion proof), {@code tree-head.bin} and {@code
 * tree-head.json} (the signed head) and {@code timestamps/<seq>.tst} (its RFC 3161 tokens).
 */
final class ProofFiles {

  static final String TREE_HEAD_BIN = "tree-head.bin";
  static final String TREE_HEAD_JSON = "tree-head.json";
  static final String PUBLIC_KEY = "public-key.pem";

  private static final ObjectMapper MAPPER = Json.mapper();

  private ProofFiles() {}

  static String recordPath(long seq) {
    return "records/" + seq + ".tlr";
  }

  static String proofPath(long seq) {
    return "proofs/" + seq + ".json";
  }

  /**
   * Writes record {@code seq} and its inclusion proof in the tree of the head's size, once.
   *
   * @return the lower-case hex Merkle leaf hash of the record
   */
  static String writeProof(FileEvidenceLog log, Path data, long seq, SignedTreeHead head)
      throws IOException {
    Path proof = data.resolve(proofPath(seq));
    byte[] bytes = log.recordBytes(seq);
    byte[] leaf = MerkleHash.leaf(bytes);
    if (Files.exists(proof)) {
      return Sha256.hex(leaf);
    }
    LedgerRecord r = log.read(seq);
    Files.createDirectories(proof.getParent());
    Files.createDirectories(data.resolve("records"));
    Files.write(data.resolve(recordPath(seq)), bytes);
    ObjectNode p = MAPPER.createObjectNode();
    p.put("seq", seq);
    p.put("leafIndex", seq - 1);
    p.put("recordType", r.type().name());
    p.put("record", recordPath(seq));
    p.put("recordHash", r.hash());
    p.put("leafHash", Sha256.hex(leaf));
    p.put("treeSize", head.treeSize());
    p.put("rootHash", head.rootHashHex());
    ArrayNode path = p.putArray("auditPath");
    for (byte[] h : log.inclusionProof(seq, head.treeSize())) {
      path.add(Sha256.hex(h));
    }
    Files.write(proof, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(p));
    return Sha256.hex(leaf);
  }

  /**
   * Writes the signed head, its time-stamp tokens and the public key.
   *
   * @return how many time-stamp tokens were written
   * @throws EvidenceCorruptException if a stored token does not verify over the head
   */
  static int writeHead(FileEvidenceLog log, Path data, TreeHeadEntry entry, String publicKeyPem)
      throws IOException {
    SignedTreeHead h = entry.head();
    byte[] payload = h.encode();
    Files.write(data.resolve(TREE_HEAD_BIN), payload);
    Files.writeString(data.resolve(PUBLIC_KEY), publicKeyPem);
    ObjectNode j = MAPPER.createObjectNode();
    j.put("seq", entry.seq());
    j.put("version", SignedTreeHead.VERSION);
    j.put("ledgerId", Sha256.hex(h.ledgerId()));
    j.put("treeSize", h.treeSize());
    j.put("rootHash", h.rootHashHex());
    j.put("timeMicros", h.timeMicros());
    j.put("time", h.time().toString());
    j.put("keyId", h.keyIdHex());
    j.put("signature", Sha256.hex(h.signature()));
    j.put("payload", TREE_HEAD_BIN);
    j.put("signedBytes", "ASCII TOCSIN-STH-V1 followed by the first 97 bytes of " + TREE_HEAD_BIN);
    j.put("publicKey", PUBLIC_KEY);
    ArrayNode stamps = j.putArray("timestamps");
    List<Long> seqs = log.timestampSeqs(entry.seq());
    for (long s : seqs) {
      TimestampRecord rec = TimestampRecord.decode(log.read(s).payload());
      TimestampTokens.Stamp stamp;
      try {
        stamp = TimestampTokens.check(rec.token(), payload);
      } catch (IllegalArgumentException e) {
        throw new EvidenceCorruptException(
            "record seq " + s + ": stored time-stamp token does not verify: " + e.getMessage(),
            log.file(),
            e);
      }
      String file = "timestamps/" + s + ".tst";
      Files.createDirectories(data.resolve("timestamps"));
      Files.write(data.resolve(file), rec.token());
      ObjectNode t = stamps.addObject();
      t.put("seq", s);
      t.put("token", file);
      t.put("genTime", stamp.genTime().toString());
      t.put("tsa", stamp.tsaCertificate().getSubjectX500Principal().getName());
      String cert = "timestamps/" + s + ".tsa.pem";
      Files.writeString(data.resolve(cert), TreeHeadKeys.pem("CERTIFICATE", encoded(stamp)));
      t.put("tsaCertificate", cert);
      t.put("tsaCertificateSha256", Sha256.hex(Sha256.digest(encoded(stamp))));
    }
    Files.write(
        data.resolve(TREE_HEAD_JSON), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(j));
    return seqs.size();
  }

  private static byte[] encoded(TimestampTokens.Stamp s) {
    try {
      return s.tsaCertificate().getEncoded();
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException("cannot encode the TSA certificate: " + e, e);
    }
  }
}
