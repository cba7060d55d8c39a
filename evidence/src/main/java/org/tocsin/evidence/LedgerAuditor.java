package org.tocsin.evidence;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tocsin.evidence.blob.BlobStore;
import org.tocsin.evidence.capture.CaptureCodec;
import org.tocsin.evidence.custody.CustodyCodec;
import org.tocsin.evidence.custody.CustodyEvent;
import org.tocsin.evidence.format.v1.FormatV1;
import org.tocsin.evidence.format.v1.LedgerHeader;
import org.tocsin.evidence.format.v1.LedgerScanner;
import org.tocsin.evidence.format.v1.ScanResult;
import org.tocsin.evidence.format.v1.Sha256;
import org.tocsin.evidence.merkle.MerkleTree;
import org.tocsin.evidence.merkle.MerkleVerifier;
import org.tocsin.evidence.sign.SignedTreeHead;
import org.tocsin.evidence.sign.TreeHeadKeys;
import org.tocsin.evidence.timestamp.TimestampRecord;
import org.tocsin.evidence.timestamp.TimestampTokens;

/**
 * The full read-only check behind {@link FileEvidenceLog#verify(Path, Collection, Collection)}: the
 * chain, then what the records say (capture bodies and blobs, custody events, tree heads and their
 * signatures, time-stamp tokens), then heads held outside the ledger.
 */
final class LedgerAuditor implements LedgerScanner.RecordSink {

  /** The first problem, thrown out of the scan to stop it. */
  private static final class Problem extends IOException {
    final long seq;

    Problem(long seq, String message) {
      super(message, null);
      this.seq = seq;
    }
  }

  private final Path dir;
  private final Map<String, PublicKey> keys = new HashMap<>();
  private final MerkleTree tree = new MerkleTree();
  private final Map<Long, byte[]> headPayloads = new HashMap<>();
  private final Map<String, Long> timestampSigners = new LinkedHashMap<>();
  private LedgerHeader header;
  private BlobStore blobs;
  private SignedTreeHead lastHead;
  private long heads;
  private final java.util.LinkedHashSet<String> headKeyIds = new java.util.LinkedHashSet<>();
  private long start = FormatV1.HEADER_BYTES;

  private LedgerAuditor(Path dir, Collection<PublicKey> trusted) {
    this.dir = dir;
    for (PublicKey k : trusted) {
      keys.put(Sha256.hex(TreeHeadKeys.keyId(k)), k);
    }
  }

  static LedgerAudit audit(Path dir, Collection<PublicKey> trusted, Collection<SignedTreeHead> held)
      throws IOException {
    Path file = dir.resolve(FormatV1.FILE_NAME);
    LedgerAuditor a = new LedgerAuditor(dir, List.copyOf(trusted));
    ScanResult scan;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      byte[] hb = new byte[(int) Math.min(ch.size(), FormatV1.HEADER_BYTES)];
      ch.read(java.nio.ByteBuffer.wrap(hb), 0);
      if (LedgerHeader.problem(hb) == null) {
        a.header = LedgerHeader.decode(hb, null);
      }
      scan = LedgerScanner.scan(new ChannelReader(ch, file), ch.size(), a);
    } catch (Problem p) {
      return a.result(VerifyReport.failed(p.seq - 1, p.getMessage()), 0);
    }
    if (!scan.ok()) {
      return a.result(VerifyReport.failed(scan.records(), scan.describe()), 0);
    }
    int matched = 0;
    for (SignedTreeHead h : held) {
      String why = a.heldProblem(h);
      if (why != null) {
        return a.result(
            VerifyReport.failed(
                scan.records(),
                "held tree head of size "
                    + h.treeSize()
                    + " (root "
                    + h.rootHashHex()
                    + ", key "
                    + h.keyIdHex()
                    + "): "
                    + why),
            matched);
      }
      matched++;
    }
    return a.result(VerifyReport.passed(scan.records()), matched);
  }

  private LedgerAudit result(VerifyReport report, int heldMatched) {
    return new LedgerAudit(
        report,
        heads,
        List.copyOf(headKeyIds),
        lastHead == null ? -1 : lastHead.treeSize(),
        !keys.isEmpty(),
        heldMatched,
        timestampSigners);
  }

  @Override
  public boolean wantsPayload(int typeCode, long payloadLength) {
    return true;
  }

  @Override
  public void record(long seq, long end, int typeCode, byte[] leafHash, byte[] payload)
      throws IOException {
    String at = "record seq " + seq + " at offset " + start + ": ";
    String why;
    try {
      why = check(seq, RecordType.fromCode(typeCode), payload);
    } catch (IllegalArgumentException | EvidenceCorruptException e) {
      why = e.getMessage();
    } catch (java.nio.file.NoSuchFileException e) {
      why = "missing blob file " + e.getMessage();
    }
    if (why != null) {
      throw new Problem(seq, at + why);
    }
    tree.append(leafHash);
    start = end;
  }

  private String check(long seq, RecordType type, byte[] payload) throws IOException {
    switch (type) {
      case CAPTURE:
        CaptureCodec.decode(payload, name -> blobs().get(name));
        return null;
      case CUSTODY:
        CustodyEvent e = CustodyCodec.decode(payload);
        for (long s : e.subjects()) {
          if (s >= seq) {
            return "custody event names seq " + s + ", which is not before it";
          }
        }
        return null;
      case TREE_HEAD:
        return checkHead(seq, payload);
      case TIMESTAMP:
        TimestampRecord ts = TimestampRecord.decode(payload);
        byte[] head = headPayloads.get(ts.headSeq());
        if (head == null) {
          return "time-stamp names seq " + ts.headSeq() + ", which is no earlier tree head";
        }
        X509Certificate cert = TimestampTokens.check(ts.token(), head).tsaCertificate();
        try {
          timestampSigners.merge(
              cert.getSubjectX500Principal().getName()
                  + " (certificate sha256 "
                  + Sha256.hex(Sha256.digest(cert.getEncoded()))
                  + ")",
              1L,
              Long::sum);
        } catch (CertificateEncodingException bad) {
          return "time-stamp signer certificate cannot be encoded: " + bad.getMessage();
        }
        return null;
      default:
        return "unknown record type " + type;
    }
  }

  private String checkHead(long seq, byte[] payload) {
    SignedTreeHead h = SignedTreeHead.decode(payload);
    heads++;
    headKeyIds.add(h.keyIdHex());
    if (header != null && !Arrays.equals(h.ledgerId(), header.ledgerId())) {
      return "tree head names another ledger " + Sha256.hex(h.ledgerId());
    }
    if (h.treeSize() >= seq) {
      return "tree head of size " + h.treeSize() + " covers records not before it";
    }
    if (lastHead != null && h.treeSize() < lastHead.treeSize()) {
      return "tree head of size "
          + h.treeSize()
          + " is smaller than the one before it ("
          + lastHead.treeSize()
          + ")";
    }
    byte[] root = tree.root(h.treeSize());
    if (!Arrays.equals(root, h.rootHash())) {
      return "tree head root "
          + h.rootHashHex()
          + " is not the root of records 1 to "
          + h.treeSize()
          + " ("
          + Sha256.hex(root)
          + "): records before it were changed";
    }
    if (lastHead != null
        && !MerkleVerifier.verifyConsistency(
            lastHead.treeSize(),
            h.treeSize(),
            lastHead.rootHash(),
            h.rootHash(),
            tree.consistencyProof(lastHead.treeSize(), h.treeSize()))) {
      return "tree head of size " + h.treeSize() + " is not consistent with the previous head";
    }
    if (!keys.isEmpty()) {
      PublicKey k = keys.get(h.keyIdHex());
      if (k == null) {
        return "tree head signed by an unknown key " + h.keyIdHex();
      }
      if (!h.verify(k)) {
        return "tree head signature does not verify under key " + h.keyIdHex();
      }
    }
    lastHead = h;
    headPayloads.put(seq, payload);
    return null;
  }

  private String heldProblem(SignedTreeHead h) {
    if (!keys.isEmpty()) {
      PublicKey k = keys.get(h.keyIdHex());
      if (k == null || !h.verify(k)) {
        return "its signature does not verify under the key(s) it was checked with";
      }
    }
    if (header != null && !Arrays.equals(h.ledgerId(), header.ledgerId())) {
      return "it names another ledger";
    }
    if (h.treeSize() > tree.size()) {
      return "the ledger has only " + tree.size() + " records: it was cut";
    }
    if (!Arrays.equals(tree.root(h.treeSize()), h.rootHash())) {
      return "the ledger's first "
          + h.treeSize()
          + " records have another root "
          + Sha256.hex(tree.root(h.treeSize()))
          + ": they were rewritten";
    }
    return null;
  }

  private BlobStore blobs() throws IOException {
    if (blobs == null) {
      Path d = dir.resolve(FileEvidenceLog.BLOB_DIR);
      if (!Files.isDirectory(d)) {
        throw new java.nio.file.NoSuchFileException(d + " (capture body in blob store)");
      }
      blobs = BlobStore.open(d);
    }
    return blobs;
  }
}
