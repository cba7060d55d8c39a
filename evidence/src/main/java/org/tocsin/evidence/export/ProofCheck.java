package org.tocsin.evidence.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.tocsin.evidence.RecordType;
import org.tocsin.evidence.format.v1.Sha256;
import org.tocsin.evidence.merkle.MerkleHash;
import org.tocsin.evidence.merkle.MerkleVerifier;
import org.tocsin.evidence.sign.SignedTreeHead;

/**
 * Checks every {@code data/proofs/<seq>.json} of a bag against its record bytes and the signed
 * head, and keeps the checked records for the later checks; then reads the exported items from
 * {@code data/export.json}.
 */
final class ProofCheck {

  private static final int FIXED = 58;

  private final BundleCheck bag;
  private final Map<Long, byte[]> records = new TreeMap<>();

  ProofCheck(BundleCheck bag) {
    this.bag = bag;
  }

  /** The exact bytes of a record whose proof was checked, or null. */
  byte[] record(long seq) {
    return records.get(seq);
  }

  /** The type code of a checked record. */
  static int typeCode(byte[] record) {
    return Short.toUnsignedInt(ByteBuffer.wrap(record).getShort(24));
  }

  /** The payload of a checked record. */
  static byte[] payload(byte[] record) {
    return Arrays.copyOfRange(record, FIXED, record.length - 32);
  }

  void checkAll() throws BundleCheck.Fault, IOException {
    Path dir = bag.data.resolve("proofs");
    bag.location = "data/proofs/";
    if (!Files.isDirectory(dir)) {
      throw new BundleCheck.Fault("data/proofs/", "missing");
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.sorted().toList();
    }
    for (Path f : files) {
      check("data/proofs/" + f.getFileName());
    }
  }

  private void check(String file) throws BundleCheck.Fault, IOException {
    JsonNode p = bag.json(file);
    long seq = p.path("seq").asLong(0);
    if (seq < 1 || !file.equals("data/" + ProofFiles.proofPath(seq))) {
      throw new BundleCheck.Fault(file + " field seq", "does not name this file's seq");
    }
    String recFile = "data/" + p.path("record").asText("");
    byte[] rec = bag.read(recFile);
    int len = rec.length;
    if (len < FIXED + 32
        || ByteBuffer.wrap(rec).getInt(4) != len - FIXED - 32
        || !Arrays.equals(
            Sha256.digest(Arrays.copyOf(rec, len - 32)), Arrays.copyOfRange(rec, len - 32, len))) {
      throw new BundleCheck.Fault(recFile, "not a whole ledger record: its hash does not match");
    }
    if (ByteBuffer.wrap(rec).getLong(8) != seq) {
      throw new BundleCheck.Fault(recFile, "holds seq " + ByteBuffer.wrap(rec).getLong(8));
    }
    SignedTreeHead h = bag.head;
    byte[] leaf = MerkleHash.leaf(rec);
    field(file, p, "recordHash", Sha256.hex(rec, len - 32, len));
    field(file, p, "leafHash", Sha256.hex(leaf));
    field(file, p, "treeSize", Long.toString(h.treeSize()));
    field(file, p, "rootHash", h.rootHashHex());
    List<byte[]> path = new ArrayList<>();
    try {
      for (JsonNode n : p.path("auditPath")) {
        path.add(HexFormat.of().parseHex(n.asText()));
      }
    } catch (IllegalArgumentException e) {
      throw new BundleCheck.Fault(file + " field auditPath", "not hex: " + e.getMessage());
    }
    if (!MerkleVerifier.verifyInclusion(leaf, seq - 1, h.treeSize(), path, h.rootHash())) {
      throw new BundleCheck.Fault(
          file + " field auditPath",
          "does not lead from the leaf of seq " + seq + " to the signed root " + h.rootHashHex());
    }
    records.put(seq, rec);
  }

  private static void field(String file, JsonNode p, String name, String want)
      throws BundleCheck.Fault {
    String got = p.path(name).asText(null);
    if (!want.equals(got)) {
      throw new BundleCheck.Fault(file + " field " + name, "says " + got + ", expected " + want);
    }
  }

  /** The exported capture seqs named in {@code data/export.json}, each with a checked proof. */
  List<Long> items() throws BundleCheck.Fault, IOException {
    String file = "data/" + BundleContent.EXPORT;
    JsonNode j = bag.json(file);
    if (!Sha256.hex(bag.head.ledgerId()).equals(j.path("ledgerId").asText())) {
      throw new BundleCheck.Fault(file + " field ledgerId", "is not the signed head's ledger id");
    }
    List<Long> items = new ArrayList<>();
    for (JsonNode n : j.path("items")) {
      long seq = n.asLong(0);
      byte[] rec = records.get(seq);
      if (rec == null || typeCode(rec) != RecordType.CAPTURE.code()) {
        throw new BundleCheck.Fault(
            file + " field items", "seq " + n + " has no checked proof of a CAPTURE record");
      }
      items.add(seq);
    }
    if (items.isEmpty()) {
      throw new BundleCheck.Fault(file + " field items", "names no capture");
    }
    return items;
  }
}
