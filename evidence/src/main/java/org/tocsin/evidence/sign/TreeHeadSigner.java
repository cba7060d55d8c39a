package org.tocsin.evidence.sign;

import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.tocsin.evidence.FileEvidenceLog;
import org.tocsin.evidence.LedgerEntry;
import org.tocsin.evidence.RecordType;
import org.tocsin.evidence.format.v1.RecordHeader;

/**
 * Signs the ledger's Merkle tree and appends the head as a {@code TREE_HEAD} record. It has no
 * thread of its own: call {@link #signIfDue()} from a timer (say every second; it signs only when
 * {@code interval} has passed since the last head and records came in since), and {@link #close()}
 * on shutdown, before closing the ledger, to sign what is left. Thread-safe.
 */
public final class TreeHeadSigner implements Closeable {

  private final FileEvidenceLog log;
  private final TreeHeadKeys keys;
  private final Duration interval;
  private final Clock clock;
  private Instant lastSigned; // guarded by this

  /** A signer with the system clock. */
  public TreeHeadSigner(FileEvidenceLog log, TreeHeadKeys keys, Duration interval) {
    this(log, keys, interval, Clock.systemUTC());
  }

  /**
   * A signer.
   *
   * @param interval the least time between two heads; must be positive
   */
  public TreeHeadSigner(FileEvidenceLog log, TreeHeadKeys keys, Duration interval, Clock clock) {
    this.log = Objects.requireNonNull(log, "log");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.interval = Objects.requireNonNull(interval, "interval");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive [got " + interval + "]");
    }
    this.lastSigned = log.latestTreeHead().map(e -> e.head().time()).orElse(Instant.EPOCH);
  }

  /**
   * Whether records were appended after the last tree head (or there is none and the log is not
   * empty), other than that head's time-stamp tokens.
   */
  public boolean hasUnsignedRecords() {
    TreeHeadEntry last = log.latestTreeHead().orElse(null);
    if (last == null) {
      return log.lastSeq() > 0;
    }
    // Unsigned: records after the last head, or records before it that it does not cover (they
    // became durable while it was being signed).
    if (last.head().treeSize() < last.seq() - 1) {
      return true;
    }
    // The time-stamp tokens of the last head do not count: a head for its own token would be
    // stamped in turn, and an idle node would sign and stamp a head every interval forever. A
    // token is covered by the next head that new records bring.
    for (long seq = last.seq() + 1; seq <= log.lastSeq(); seq++) {
      try {
        if (log.read(seq).type() != RecordType.TIMESTAMP) {
          return true;
        }
      } catch (IOException e) {
        return true; // cannot tell: sign (a head too many is harmless, a head too few is not)
      }
    }
    return false;
  }

  /**
   * Signs and appends a head if {@code interval} has passed since the last one and records came in
   * since; returns it once durable.
   */
  public synchronized Optional<TreeHeadEntry> signIfDue() throws IOException {
    if (!hasUnsignedRecords()
        || Duration.between(lastSigned, clock.instant()).compareTo(interval) < 0) {
      return Optional.empty();
    }
    return Optional.of(signNow());
  }

  /**
   * Signs the tree as it is now (every durable record) and appends the head; returns it once it is
   * durable.
   *
   * @throws IOException if the append fails
   */
  public synchronized TreeHeadEntry signNow() throws IOException {
    long size = log.treeSize();
    byte[] root = log.rootHash(size);
    Instant now = clock.instant();
    long micros = RecordHeader.toMicros(now);
    byte[] ledgerId = log.ledgerIdBytes();
    byte[] keyId = keys.keyId();
    byte[] sig = keys.sign(SignedTreeHead.signedMessage(ledgerId, size, root, micros, keyId));
    SignedTreeHead head = new SignedTreeHead(ledgerId, size, root, micros, keyId, sig);
    LedgerEntry entry;
    try {
      entry = log.append(RecordType.TREE_HEAD, head.encode()).join();
    } catch (CompletionException e) {
      throw new IOException(
          "appending the tree head of size " + size + " failed: " + e.getCause(), e);
    }
    lastSigned = now;
    return new TreeHeadEntry(entry.seq(), head);
  }

  /**
   * Signs an export bag's tag manifest with this ledger's key ({@link BagSignature}): 64 bytes. The
   * key id is {@link #keyIdHex()}.
   */
  public byte[] signBag(byte[] tagManifest) {
    return BagSignature.sign(keys, tagManifest);
  }

  /** The key id of the signing key, lower-case hex. */
  public String keyIdHex() {
    return keys.keyIdHex();
  }

  /** Signs the records appended since the last head, if any; call before closing the ledger. */
  @Override
  public synchronized void close() throws IOException {
    if (hasUnsignedRecords()) {
      signNow();
    }
  }
}
