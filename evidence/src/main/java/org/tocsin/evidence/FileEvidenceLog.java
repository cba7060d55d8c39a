package org.tocsin.evidence;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.tocsin.core.evidence.Capture;
import org.tocsin.core.evidence.EvidenceRef;
import org.tocsin.evidence.blob.BlobStore;
import org.tocsin.evidence.capture.CaptureCodec;
import org.tocsin.evidence.custody.CustodyCodec;
import org.tocsin.evidence.custody.CustodyEvent;
import org.tocsin.evidence.custody.CustodyRecord;
import org.tocsin.evidence.format.v1.FormatV1;
import org.tocsin.evidence.format.v1.LedgerHeader;
import org.tocsin.evidence.format.v1.LedgerScanner;
import org.tocsin.evidence.format.v1.RecordCodec;
import org.tocsin.evidence.format.v1.ScanResult;
import org.tocsin.evidence.sign.SignedTreeHead;
import org.tocsin.evidence.sign.TreeHeadEntry;

/**
 * The evidence log in one file, {@code ledger.tlg}, in a directory of its own, in format v1.
 *
 * <p>Opening scans the whole file, checks every hash and link, and builds an index from seq to byte
 * offset in memory. A torn tail left by a crash is copied to {@code ledger.tlg.torn-<offset>} and
 * cut off (see {@link #recovery()}); any other damage refuses the open with {@link
 * EvidenceCorruptException}. One writer thread appends with group commit; reads are positional and
 * run alongside it. A lock file keeps a second writer out of the directory.
 */
public final class FileEvidenceLog implements EvidenceLog {

  private final Path file;
  private final LedgerHeader header;
  private final FileChannel lockChannel;
  private final FileChannel writeChannel;
  private final ReopeningReader reader;
  private final OffsetIndex index;
  private final GroupCommitWriter writer;
  private final RecoveryReport recovery;
  private final LedgerState state;
  private final AtomicBoolean closed = new AtomicBoolean();
  private BlobStore blobs; // guarded by this

  /** The blob store's directory inside the ledger directory. */
  public static final String BLOB_DIR = "blobs";

  private FileEvidenceLog(
      Path file,
      LedgerHeader header,
      FileChannel lockChannel,
      FileChannel writeChannel,
      ReopeningReader reader,
      OffsetIndex index,
      GroupCommitWriter writer,
      RecoveryReport recovery,
      LedgerState state) {
    this.state = state;
    this.file = file;
    this.header = header;
    this.lockChannel = lockChannel;
    this.writeChannel = writeChannel;
    this.reader = reader;
    this.index = index;
    this.writer = writer;
    this.recovery = recovery;
  }

  /** Opens the ledger in {@code dir} with the default configuration, creating it if absent. */
  public static FileEvidenceLog open(Path dir) throws IOException {
    return open(dir, LedgerConfig.DEFAULT);
  }

  /**
   * Opens the ledger in {@code dir}, creating the directory and the ledger if absent, checking the
   * whole file and recovering a torn tail.
   *
   * @throws EvidenceCorruptException if the file is damaged in any way a crash cannot explain
   * @throws IOException if the directory is locked by another writer or cannot be used
   */
  public static FileEvidenceLog open(Path dir, LedgerConfig config) throws IOException {
    return open(dir, config, Clock.systemUTC());
  }

  static FileEvidenceLog open(Path dir, LedgerConfig config, Clock clock) throws IOException {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(clock, "clock");
    Files.createDirectories(dir);
    Path file = dir.resolve(FormatV1.FILE_NAME);
    List<Closeable> opened = new ArrayList<>();
    try {
      FileChannel lock = LedgerFiles.lock(dir);
      opened.add(lock);
      if (!Files.exists(file)) {
        LedgerFiles.create(file, clock);
      }
      ReopeningReader reader = new ReopeningReader(file);
      opened.add(reader);
      FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
      opened.add(ch);
      long size = ch.size();
      OffsetIndex index = new OffsetIndex(FormatV1.HEADER_BYTES);
      LedgerState state = new LedgerState();
      ScanResult scan =
          LedgerScanner.scan(
              reader,
              size,
              new LedgerScanner.RecordSink() {
                @Override
                public void record(long seq, long end, int type, byte[] leaf, byte[] payload) {
                  index.add(end);
                  state.record(seq, end, type, leaf, payload);
                }

                @Override
                public boolean wantsPayload(int typeCode, long payloadLength) {
                  return state.wantsPayload(typeCode, payloadLength);
                }
              });
      if (scan.problem() != null) {
        throw new EvidenceCorruptException(scan.problem(), file);
      }
      RecoveryReport recovery =
          scan.torn()
              ? LedgerFiles.quarantine(ch, file, scan.tornOffset(), size, scan.tornReason())
              : new RecoveryReport(0, null, "clean: " + scan.records() + " records");
      String name = "tocsin-ledger-writer[" + dir.toAbsolutePath().getFileName() + "]";
      GroupCommitWriter writer =
          new GroupCommitWriter(
              name, ch, index, config, clock, scan.lastHash(), scan.lastTimeMicros(), state);
      writer.start();
      return new FileEvidenceLog(
          file, scan.header(), lock, ch, reader, index, writer, recovery, state);
    } catch (IOException | RuntimeException | Error e) {
      LedgerFiles.closeAll(opened, e);
      throw e;
    }
  }

  /**
   * Checks the ledger in {@code dir} without opening it for writing and without changing it; a torn
   * tail is reported as a problem. Run it on a ledger no process is writing to, or call {@link
   * #verify()} on the open log.
   *
   * @throws NoSuchFileException if there is no ledger file in {@code dir}
   */
  public static VerifyReport verify(Path dir) throws IOException {
    return LedgerVerifier.verifyClosed(dir.resolve(FormatV1.FILE_NAME));
  }

  @Override
  public CompletableFuture<LedgerEntry> append(RecordType type, byte[] payload) {
    Objects.requireNonNull(type, "type");
    checkPayload(payload);
    return writer.submit(type, List.of(payload)).thenApply(l -> l.get(0));
  }

  @Override
  public List<LedgerEntry> appendAll(RecordType type, List<byte[]> payloads) throws IOException {
    Objects.requireNonNull(type, "type");
    List<byte[]> copy = List.copyOf(payloads);
    copy.forEach(FileEvidenceLog::checkPayload);
    if (copy.isEmpty()) {
      return List.of();
    }
    refuseWriterThread("appendAll");
    return writer.submitAndWait(type, copy);
  }

  @Override
  public CompletableFuture<EvidenceRef> appendCapture(Capture capture) {
    CaptureCodec.Encoded enc = CaptureCodec.encodeWithDigest(capture);
    checkPayload(enc.payload());
    return writer
        .submit(RecordType.CAPTURE, List.of(enc.payload()))
        .thenApply(l -> new EvidenceRef(l.get(0).seq(), enc.bodySha256(), capture.receivedAt()));
  }

  /**
   * Appends a capture whose body goes to the blob store ({@link #blobs()}): the blob is made
   * durable first, then the CAPTURE record naming it is appended. Use it for large bodies and
   * media.
   *
   * @throws IOException if the blob cannot be stored
   */
  public CompletableFuture<EvidenceRef> appendCaptureWithBlob(Capture capture) throws IOException {
    CaptureCodec.Encoded enc = CaptureCodec.encodeBlobReference(capture);
    checkPayload(enc.payload());
    blobs().put(capture.body());
    return writer
        .submit(RecordType.CAPTURE, List.of(enc.payload()))
        .thenApply(l -> new EvidenceRef(l.get(0).seq(), enc.bodySha256(), capture.receivedAt()));
  }

  /** The blob store of this ledger, in {@code <ledger dir>/blobs}, created on first use. */
  public synchronized BlobStore blobs() throws IOException {
    if (blobs == null) {
      blobs = BlobStore.open(file.getParent().resolve(BLOB_DIR));
    }
    return blobs;
  }

  @Override
  public List<EvidenceRef> appendCaptures(List<Capture> captures) throws IOException {
    List<CaptureCodec.Encoded> encoded = new ArrayList<>(captures.size());
    List<byte[]> payloads = new ArrayList<>(captures.size());
    for (Capture c : captures) {
      CaptureCodec.Encoded enc = CaptureCodec.encodeWithDigest(c);
      checkPayload(enc.payload());
      encoded.add(enc);
      payloads.add(enc.payload());
    }
    List<LedgerEntry> entries = appendAll(RecordType.CAPTURE, payloads);
    List<EvidenceRef> refs = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      Instant at = captures.get(i).receivedAt();
      refs.add(new EvidenceRef(entries.get(i).seq(), encoded.get(i).bodySha256(), at));
    }
    return refs;
  }

  @Override
  public long lastSeq() {
    return index.count();
  }

  @Override
  public LedgerRecord read(long seq) throws IOException {
    ensureOpen();
    long last = index.count();
    if (seq < 1 || seq > last) {
      throw new IllegalArgumentException("seq out of range [1, " + last + "] [got " + seq + "]");
    }
    long start = index.start(seq);
    byte[] buf = new byte[Math.toIntExact(index.end(seq) - start + FormatV1.HASH_BYTES)];
    try {
      reader.readFully(ByteBuffer.wrap(buf), start - FormatV1.HASH_BYTES);
    } catch (EOFException e) {
      throw new EvidenceCorruptException(
          "record seq " + seq + " at offset " + start + ": the file ends inside it", file, e);
    }
    return RecordCodec.decode(buf, seq, start, file);
  }

  @Override
  public Capture capture(LedgerRecord r) throws IOException {
    if (r.type() != RecordType.CAPTURE) {
      throw new IllegalArgumentException(
          "record " + r.seq() + " is not a capture [got " + r.type() + "]");
    }
    try {
      return CaptureCodec.decode(r.payload(), name -> blobs().get(name));
    } catch (IllegalArgumentException e) {
      throw new EvidenceCorruptException(
          "record seq " + r.seq() + ": bad capture payload: " + e.getMessage(), file, e);
    }
  }

  @Override
  public void scan(long fromSeq, RecordVisitor visitor) throws IOException {
    Objects.requireNonNull(visitor, "visitor");
    if (fromSeq < 1) {
      throw new IllegalArgumentException("fromSeq must be >= 1 [got " + fromSeq + "]");
    }
    long last = index.count();
    for (long seq = fromSeq; seq <= last; seq++) {
      if (!visitor.visit(read(seq))) {
        return;
      }
    }
  }

  @Override
  public VerifyReport verify() throws IOException {
    ensureOpen();
    return LedgerVerifier.verifyOpen(reader, index, header);
  }

  @Override
  public RecoveryReport recovery() {
    return recovery;
  }

  /**
   * Checks the ledger in {@code dir} read-only as {@link #verify(Path)} does, and beyond the chain:
   * every tree head is well formed, covers only records before it, never shrinks, has the root of
   * the records it covers and is consistent with the head before it; every signature is valid under
   * one of {@code trustedKeys} (when none are given, signatures are not checked: say so to users);
   * every capture body matches its digest (inline, or in the blob store {@code dir/blobs}); every
   * custody and timestamp record decodes and names existing records; and every head in {@code
   * heldHeads} (heads given out earlier, say to a court) is signed and matches this ledger.
   *
   * @throws NoSuchFileException if there is no ledger file in {@code dir}
   */
  public static VerifyReport verify(
      Path dir, Collection<PublicKey> trustedKeys, Collection<SignedTreeHead> heldHeads)
      throws IOException {
    return audit(dir, trustedKeys, heldHeads).report();
  }

  /**
   * Runs the checks of {@link #verify(Path, Collection, Collection)} and also says what they rest
   * on: how many tree heads the ledger holds, which keys signed them, whether their signatures were
   * checked and how many held heads matched. A verifier shows these so that its user knows what an
   * OK proves (see {@code docs/evidence-format.md}, section 8).
   *
   * @throws NoSuchFileException if there is no ledger file in {@code dir}
   */
  public static LedgerAudit audit(
      Path dir, Collection<PublicKey> trustedKeys, Collection<SignedTreeHead> heldHeads)
      throws IOException {
    return LedgerAuditor.audit(dir, trustedKeys, heldHeads);
  }

  /** The number of leaves of the Merkle tree: every durable record, so equal to lastSeq. */
  public long treeSize() {
    return state.tree().size();
  }

  /**
   * The Merkle root of records 1 to {@code treeSize}.
   *
   * @throws IllegalArgumentException if {@code treeSize} is not in {@code [0, treeSize()]}
   */
  public byte[] rootHash(long treeSize) {
    return state.tree().root(treeSize);
  }

  /** The Merkle leaf hash of record {@code seq}: {@code SHA-256(0x00 || record bytes)}. */
  public byte[] leafHash(long seq) {
    return state.tree().leafHash(seq - 1);
  }

  /**
   * The inclusion proof of record {@code seq} (leaf index {@code seq - 1}) in the tree of size
   * {@code treeSize}, lowest sibling first (RFC 9162 section 2.1.3).
   *
   * @throws IllegalArgumentException unless {@code 1 <= seq <= treeSize <= treeSize()}
   */
  public List<byte[]> inclusionProof(long seq, long treeSize) {
    return state.tree().inclusionProof(seq - 1, treeSize);
  }

  /**
   * The consistency proof from tree size {@code first} to {@code second} (RFC 9162 section 2.1.4).
   *
   * @throws IllegalArgumentException unless {@code 0 <= first <= second <= treeSize()}
   */
  public List<byte[]> consistencyProof(long first, long second) {
    return state.tree().consistencyProof(first, second);
  }

  /** Bytes of Merkle tree hashes held in memory (about 64 per record). */
  public long merkleMemoryBytes() {
    return state.tree().memoryBytes();
  }

  /** Every signed tree head in the ledger, in seq order. */
  public List<TreeHeadEntry> treeHeads() {
    return state.heads();
  }

  /** The last signed tree head in the ledger, if any. */
  public Optional<TreeHeadEntry> latestTreeHead() {
    return Optional.ofNullable(state.latestHead());
  }

  /**
   * The seqs of the {@link RecordType#TIMESTAMP} records whose token stamps the tree head recorded
   * at {@code headSeq}, oldest first; empty if there are none.
   */
  public List<Long> timestampSeqs(long headSeq) {
    return state.timestamps(headSeq);
  }

  /**
   * Appends a custody event as a {@link RecordType#CUSTODY} record; the future completes once it is
   * durable and indexed.
   *
   * @throws IllegalArgumentException if a subject seq is not a record of this ledger
   */
  public CompletableFuture<LedgerEntry> appendCustody(CustodyEvent event) {
    long last = lastSeq();
    for (long s : event.subjects()) {
      if (s > last) {
        throw new IllegalArgumentException(
            "custody subject is not in the ledger [1, " + last + "] [got " + s + "]");
      }
    }
    return append(RecordType.CUSTODY, CustodyCodec.encode(event));
  }

  /** The custody events naming record {@code seq}, oldest first, read back and checked. */
  public List<CustodyRecord> custodyHistory(long seq) throws IOException {
    long[] seqs = state.custody().custodySeqs(seq);
    List<CustodyRecord> out = new ArrayList<>(seqs.length);
    for (long c : seqs) {
      LedgerRecord r = read(c);
      out.add(new CustodyRecord(c, r.time(), r.hash(), CustodyCodec.decode(r.payload())));
    }
    return out;
  }

  /**
   * The complete on-disk bytes of record {@code seq}, magic through record hash: the Merkle leaf.
   *
   * @throws IllegalArgumentException if {@code seq} is not in {@code [1, lastSeq()]}
   */
  public byte[] recordBytes(long seq) throws IOException {
    read(seq); // checks range, hash and link
    long start = index.start(seq);
    byte[] buf = new byte[Math.toIntExact(index.end(seq) - start)];
    reader.readFully(ByteBuffer.wrap(buf), start);
    return buf;
  }

  /** The 16-byte ledger id from the file header. */
  public byte[] ledgerIdBytes() {
    return header.ledgerId().clone();
  }

  /** The ledger file. */
  public Path file() {
    return file;
  }

  /** The random id in the file header, as lower-case hex. */
  public String ledgerId() {
    return header.ledgerIdHex();
  }

  /** When the ledger was created, from the file header. */
  public Instant created() {
    return header.created();
  }

  /** How many batches the writer has made durable, each with one fsync; for metrics. */
  public long syncCount() {
    return writer.syncCount();
  }

  Thread writerThread() {
    return writer.thread();
  }

  @Override
  public void close() throws IOException {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    refuseWriterThread("close");
    writer.close();
    LedgerFiles.closeAll(List.of(writeChannel, reader, lockChannel), null);
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("ledger is closed [" + file + "]");
    }
  }

  private void refuseWriterThread(String what) {
    if (Thread.currentThread() == writer.thread()) {
      throw new IllegalStateException(
          what
              + " would wait on the ledger's own writer thread; use the *Async stages [got "
              + Thread.currentThread().getName()
              + "]");
    }
  }

  private static void checkPayload(byte[] payload) {
    Objects.requireNonNull(payload, "payload");
    if (payload.length > FormatV1.MAX_PAYLOAD_BYTES) {
      throw new IllegalArgumentException(
          "payload is larger than "
              + FormatV1.MAX_PAYLOAD_BYTES
              + " bytes [got "
              + payload.length
              + "]");
    }
  }
}
