package org.tocsin.evidence;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.tocsin.core.evidence.Capture;
import org.tocsin.core.evidence.EvidenceRef;

/**
 * An append-only, hash-chained log of evidence records. Each record names the hash of the one
 * before it, so any change to a stored record breaks the chain where it happened.
 *
 * <p>Exception contract: arguments that are null, too large or otherwise invalid raise {@link
 * IllegalArgumentException} or {@link NullPointerException} at once, and appends to a closed or
 * failed log raise {@link IllegalStateException} at once; nothing is queued in either case. An I/O
 * failure while writing fails the futures of that batch with the {@link IOException}, and the log
 * then refuses all further appends (fail closed): a failed append may or may not have reached the
 * disk, and only reopening the log (which checks the file) says which. Stored bytes that do not
 * match their hashes raise {@link EvidenceCorruptException}.
 *
 * <p>Implementations are thread-safe: any number of threads may append, read and scan at once.
 */
public interface EvidenceLog extends Closeable {

  /**
   * Appends one record; the future completes only after the record is on stable storage.
   *
   * <p>The payload array is not copied: it must not change until the future completes. Stages
   * attached to the future without an executor run on the ledger's writer thread; keep them short,
   * or use the {@code *Async} variants.
   *
   * @throws IllegalArgumentException if the payload is larger than the format allows
   * @throws IllegalStateException if the log is closed or failed
   */
  CompletableFuture<LedgerEntry> append(RecordType type, byte[] payload);

  /**
   * Appends records with consecutive seqs in one batch and one fsync, and returns once they are
   * durable.
   *
   * @return one entry per payload, in the order given
   * @throws IOException if the batch could not be written or synced
   */
  List<LedgerEntry> appendAll(RecordType type, List<byte[]> payloads) throws IOException;

  /**
   * Appends a capture as a {@link RecordType#CAPTURE} record; the future completes once it is
   * durable.
   *
   * @return a future of the reference to the capture: its seq, the SHA-256 of its body and its
   *     {@code receivedAt} time
   */
  CompletableFuture<EvidenceRef> appendCapture(Capture capture);

  /**
   * Appends captures in one batch and one fsync, and returns once they are durable.
   *
   * @return one reference per capture, in the order given
   * @throws IOException if the batch could not be written or synced
   */
  List<EvidenceRef> appendCaptures(List<Capture> captures) throws IOException;

  /** The seq of the last durable record, or 0 when the log is empty. */
  long lastSeq();

  /**
   * Reads one record and checks its hash and its link to the previous record.
   *
   * @throws IllegalArgumentException if {@code seq} is not in {@code [1, lastSeq()]}
   * @throws EvidenceCorruptException if the stored bytes do not match their hashes
   */
  LedgerRecord read(long seq) throws IOException;

  /**
   * Reads records in seq order from {@code fromSeq} to the {@link #lastSeq()} of the moment of the
   * call, checking each as {@link #read(long)} does, until the visitor returns {@code false}.
   *
   * @throws IllegalArgumentException if {@code fromSeq} is less than 1
   */
  void scan(long fromSeq, RecordVisitor visitor) throws IOException;

  /**
   * The capture a {@link RecordType#CAPTURE} record holds, whether its body is inline or in the
   * log's blob store, with the body checked against its length and SHA-256. The one way to turn a
   * capture record into a {@link Capture}: indexing, campaigns, exports and the API all read
   * captures through it, so a large body kept as a blob reads like any other.
   *
   * @throws IllegalArgumentException if the record is not a capture
   * @throws EvidenceCorruptException if the payload is damaged or the body does not match its
   *     digest
   * @throws java.nio.file.NoSuchFileException if the capture's blob is missing
   */
  Capture capture(LedgerRecord record) throws IOException;

  /**
   * Reads a {@link RecordType#CAPTURE} record and decodes its capture as {@link
   * #capture(LedgerRecord)} does.
   *
   * @throws IllegalArgumentException if the record is not a capture or {@code seq} is out of range
   * @throws EvidenceCorruptException if the record or its capture is damaged
   * @throws java.nio.file.NoSuchFileException if the capture's blob is missing
   */
  default Capture readCapture(long seq) throws IOException {
    return capture(read(seq));
  }

  /**
   * Checks the whole file again, read-only: the header, every record's hash and every link.
   * Corruption is reported in the result, never thrown.
   *
   * @throws IOException only if the file cannot be read at all
   */
  VerifyReport verify() throws IOException;

  /** What opening the log found and did to the file. */
  RecoveryReport recovery();

  /**
   * Waits until every accepted append is durable, then releases the file. Later appends fail with
   * {@link IllegalStateException}. Calling it again does nothing.
   */
  @Override
  void close() throws IOException;
}
