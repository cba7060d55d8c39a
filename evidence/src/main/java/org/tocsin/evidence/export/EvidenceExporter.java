package org.tocsin.evidence.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.tocsin.core.evidence.Capture;
import org.tocsin.evidence.EvidenceCorruptException;
import org.tocsin.evidence.FileEvidenceLog;
import org.tocsin.evidence.LedgerEntry;
import org.tocsin.evidence.RecordType;
import org.tocsin.evidence.custody.CustodyEvent;
import org.tocsin.evidence.custody.CustodyEventType;
import org.tocsin.evidence.format.v1.Sha256;
import org.tocsin.evidence.sign.TreeHeadEntry;
import org.tocsin.evidence.sign.TreeHeadKeys;
import org.tocsin.evidence.sign.TreeHeadSigner;

/**
 * Exports chosen captures of an open ledger as a BagIt bag that a court can check with standard
 * tools and nothing from Tocsin (layout: {@code docs/evidence-format.md}, "Export bundles").
 *
 * <p>The proofs lead to the latest signed tree head if it covers every exported capture; otherwise
 * the export signs a new head first ({@link ExportResult#signedNewHead()}). The bag is built in a
 * hidden sibling directory, sealed, and renamed to its name; then one {@code exported} custody
 * event naming every exported seq is appended with the bag's name and digest. A bag cannot hold a
 * record of its own digest, so its custody files carry that event as announced ({@code "pending":
 * true}).
 *
 * <p>Blocking: reads the ledger and writes files; run it off any event loop. Thread-safe as far as
 * the ledger is.
 */
public final class EvidenceExporter {

  private final FileEvidenceLog log;
  private final PublicKey publicKey;
  private final TreeHeadSigner signer;
  private final Clock clock;

  /**
   * An exporter with the system clock.
   *
   * @param log the open ledger
   * @param publicKey the public key of the ledger's tree-head key pair ({@link
   *     TreeHeadKeys#publicKey()}); the head used must be signed by it
   * @param signer the ledger's tree-head signer, used only when no head covers the export
   */
  public EvidenceExporter(FileEvidenceLog log, PublicKey publicKey, TreeHeadSigner signer) {
    this(log, publicKey, signer, Clock.systemUTC());
  }

  /** An exporter with a clock for the export event and the bag's dates. */
  public EvidenceExporter(
      FileEvidenceLog log, PublicKey publicKey, TreeHeadSigner signer, Clock clock) {
    this.log = Objects.requireNonNull(log, "log");
    this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
    this.signer = Objects.requireNonNull(signer, "signer");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Writes the bag to {@code bagDir} (which must not exist; its name is the bag's name) and appends
   * the {@code exported} custody event.
   *
   * @throws IllegalArgumentException if a seq is not a CAPTURE record of this ledger, derived data
   *     is not one JSON object per element, or {@code bagDir} exists
   * @throws IllegalStateException if the tree head is not signed by {@code publicKey}
   * @throws EvidenceCorruptException if a capture, blob, head or stored token does not check
   * @throws IOException if the ledger cannot be read or the bag written
   */
  public ExportResult export(ExportRequest request, Path bagDir) throws IOException {
    Objects.requireNonNull(request, "request");
    Path bag = bagDir.toAbsolutePath().normalize();
    if (Files.exists(bag)) {
      throw new IllegalArgumentException("the bag directory exists [got " + bag + "]");
    }
    String bagName = bag.getFileName().toString();
    BundleContent.check(request);
    List<CaptureWarc.Item> items = new ArrayList<>();
    for (long seq : request.seqs()) {
      if (seq < 1 || seq > log.lastSeq() || log.read(seq).type() != RecordType.CAPTURE) {
        throw new IllegalArgumentException("not a capture record of this ledger [got " + seq + "]");
      }
      Capture c = log.readCapture(seq);
      items.add(new CaptureWarc.Item(seq, c, log.read(seq).hash(), Sha256.hex(log.leafHash(seq))));
    }
    if (!signer.keyIdHex().equals(Sha256.hex(TreeHeadKeys.keyId(publicKey)))) {
      throw new IllegalStateException(
          "the signer's key "
              + signer.keyIdHex()
              + " is not the given public key "
              + Sha256.hex(TreeHeadKeys.keyId(publicKey)));
    }
    boolean[] signed = {false};
    TreeHeadEntry head = chooseHead(request.seqs().get(request.seqs().size() - 1), signed);
    Instant now = clock.instant();
    String exportId = UUID.randomUUID().toString();
    Map<String, String> exportDetails = new LinkedHashMap<>();
    exportDetails.put("bag", bagName);
    exportDetails.put("exportId", exportId);
    exportDetails.put("headSeq", Long.toString(head.seq()));
    exportDetails.put("treeSize", Long.toString(head.head().treeSize()));
    CustodyEvent announced =
        new CustodyEvent(
            CustodyEventType.EXPORTED,
            request.seqs(),
            request.actorKeyId(),
            request.actorRole(),
            request.reason(),
            null,
            now,
            exportDetails);
    Path tmp =
        Files.createDirectories(bag.getParent())
            .resolve("." + bagName + ".partial-" + now.toEpochMilli());
    String digest;
    try {
      Path data = Files.createDirectories(tmp.resolve(BagFiles.DATA));
      CaptureWarc.write(data.resolve(CaptureWarc.FILE), items, log.ledgerId(), bagName, now);
      BundleContent content = new BundleContent(log, data, head.head());
      for (CaptureWarc.Item it : items) {
        ProofFiles.writeProof(log, data, it.seq(), head.head());
        content.custody(it.seq(), announced);
      }
      content.derived(request);
      int stamps =
          ProofFiles.writeHead(
              log, data, head, TreeHeadKeys.pem("PUBLIC KEY", publicKey.getEncoded()));
      content.exportJson(request, bagName, exportId, now, head, signed[0], stamps);
      VerifyGuide.write(data, bagName, head, request.seqs(), stamps, signed[0]);
      Map<String, String> info = new LinkedHashMap<>();
      info.put("Source-Organization", request.sourceOrganization());
      info.put("External-Identifier", exportId);
      info.put(
          "External-Description",
          "Tocsin evidence export of "
              + items.size()
              + " capture(s) from ledger "
              + log.ledgerId()
              + " by "
              + request.actorKeyId()
              + " ("
              + request.actorRole()
              + "). Reason: "
              + request.reason());
      info.put("Internal-Sender-Identifier", bagName);
      digest = BagFiles.seal(tmp, info, BagFiles.today(now));
      // Format 2: the tree-head key signs the tag manifest, so every file of the bag is bound.
      Files.write(
          tmp.resolve(BagFiles.BAG_SIGNATURE),
          signer.signBag(Files.readAllBytes(tmp.resolve(BagFiles.TAG_MANIFEST))));
      Files.move(tmp, bag, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      deleteTree(tmp, e);
      throw e;
    }
    Map<String, String> details = new LinkedHashMap<>(exportDetails);
    details.put("bagSha256", digest);
    LedgerEntry event;
    try {
      event =
          log.appendCustody(
                  new CustodyEvent(
                      CustodyEventType.EXPORTED,
                      request.seqs(),
                      request.actorKeyId(),
                      request.actorRole(),
                      request.reason(),
                      null,
                      now,
                      details))
              .join();
    } catch (CompletionException e) {
      throw new IOException(
          "the bag " + bag + " was written but its exported event failed: " + e.getCause(), e);
    }
    return new ExportResult(
        bag, bagName, digest, exportId, head, signed[0], event.seq(), request.seqs());
  }

  private TreeHeadEntry chooseHead(long maxSeq, boolean[] signed) throws IOException {
    TreeHeadEntry head = log.latestTreeHead().orElse(null);
    if (head == null || head.head().treeSize() < maxSeq) {
      head = signer.signNow();
      signed[0] = true;
    }
    if (!Arrays.equals(head.head().keyId(), TreeHeadKeys.keyId(publicKey))
        || !head.head().verify(publicKey)) {
      throw new IllegalStateException(
          "the tree head at seq "
              + head.seq()
              + " is not signed by the given public key [got key id "
              + head.head().keyIdHex()
              + "]");
    }
    if (!Arrays.equals(log.rootHash(head.head().treeSize()), head.head().rootHash())) {
      throw new EvidenceCorruptException(
          "record seq " + head.seq() + ": tree head root is not the root of the ledger",
          log.file());
    }
    return head;
  }

  private static void deleteTree(Path dir, Exception cause) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
  }
}
