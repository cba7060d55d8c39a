package org.tocsin.evidence.format.v1;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import org.tocsin.evidence.RecordType;

/**
 * Reads a ledger file from start to end and checks the header, every record's framing and hash, the
 * seq order and every hash link, without changing anything.
 *
 * <p>An invalid record (bad framing, a length running past the end, or a hash mismatch) is a
 * <em>torn tail</em> when no whole record starts anywhere after it: that is what a crash in the
 * middle of a write leaves. When a whole record does follow, the invalid record cannot be the
 * result of a crash, and the scan reports corruption. A whole record that is out of seq order,
 * links to the wrong hash or has an unknown type is always corruption.
 */
public final class LedgerScanner {

  /** Receives each whole, correctly chained record as the scan finds it. */
  @FunctionalInterface
  public interface RecordSink {
    /**
     * Called with the record's seq, the byte offset just after it, its type code, its Merkle leaf
     * hash ({@code SHA-256(0x00 || record bytes)}) and its payload when {@link #wantsPayload} asked
     * for it (else {@code null}).
     */
    void record(long seq, long endOffset, int typeCode, byte[] leafHash, byte[] payload)
        throws IOException;

    /** Whether {@link #record} should get the payload of a record of this type and length. */
    default boolean wantsPayload(int typeCode, long payloadLength) {
      return false;
    }
  }

  private static final int BUFFER_BYTES = 256 * 1024;
  private static final byte LEAF_PREFIX = 0x00;

  private final PositionalReader in;
  private final long size;

  private LedgerScanner(PositionalReader in, long size) {
    this.in = in;
    this.size = size;
  }

  /**
   * Scans the first {@code size} bytes of a ledger file.
   *
   * @param in reads the file
   * @param size how many bytes of the file to scan (its length, or a durable end)
   * @param sink receives each good record, in order
   * @throws IOException only if reading fails; corruption is reported in the result
   */
  public static ScanResult scan(PositionalReader in, long size, RecordSink sink)
      throws IOException {
    return new LedgerScanner(in, size).run(sink);
  }

  private ScanResult run(RecordSink sink) throws IOException {
    byte[] hb = new byte[(int) Math.min(size, FormatV1.HEADER_BYTES)];
    in.readFully(ByteBuffer.wrap(hb), 0);
    String headerProblem = LedgerHeader.problem(hb);
    if (headerProblem != null) {
      return new ScanResult(null, 0, null, Long.MIN_VALUE, 0, -1, null, headerProblem);
    }
    LedgerHeader header = LedgerHeader.decode(hb, null);
    byte[] prev = header.hash();
    long lastMicros = Long.MIN_VALUE;
    long expected = 1;
    long pos = FormatV1.HEADER_BYTES;
    SequentialInput seqIn = new SequentialInput(in, pos, size, BUFFER_BYTES);
    byte[] rh = new byte[FormatV1.RECORD_HEADER_BYTES];
    byte[] stored = new byte[FormatV1.HASH_BYTES];
    MessageDigest md = Sha256.newDigest();
    MessageDigest leaf = Sha256.newDigest();
    while (pos < size) {
      String invalid = null;
      RecordHeader head = null;
      if (size - pos < FormatV1.RECORD_HEADER_BYTES) {
        invalid = "partial record header [got " + (size - pos) + " of 58 bytes]";
      } else {
        seqIn.readFully(rh, 0, rh.length);
        head = RecordHeader.parse(rh, 0);
        invalid = head.framingProblem();
        if (invalid == null && pos + head.recordLength() > size) {
          invalid =
              "record runs past the end: declares "
                  + head.payloadLength()
                  + " payload bytes, so ends at "
                  + (pos + head.recordLength())
                  + ", but the file ends at "
                  + size;
        }
        if (invalid == null) {
          md.update(rh);
          leaf.reset();
          leaf.update(LEAF_PREFIX);
          leaf.update(rh);
          byte[] payload = null;
          if (sink.wantsPayload(head.typeCode(), head.payloadLength())) {
            payload = new byte[(int) head.payloadLength()];
            seqIn.readFully(payload, 0, payload.length);
            md.update(payload);
            leaf.update(payload);
          } else {
            seqIn.digest(md, leaf, head.payloadLength());
          }
          seqIn.readFully(stored, 0, stored.length);
          byte[] actual = md.digest();
          if (!MessageDigest.isEqual(actual, stored)) {
            invalid =
                "record hash mismatch: stored "
                    + Sha256.hex(stored)
                    + ", record hashes to "
                    + Sha256.hex(actual);
          } else {
            String broken = chainProblem(head, expected, prev);
            if (broken != null) {
              return corrupt(
                  header, expected - 1, prev, lastMicros, pos, at(expected, pos) + broken);
            }
            prev = actual;
            lastMicros = head.timeMicros();
            pos += head.recordLength();
            leaf.update(stored);
            sink.record(expected, pos, head.typeCode(), leaf.digest(), payload);
            expected++;
          }
        }
      }
      if (invalid != null) {
        long later = findWholeRecordAfter(pos + 1);
        if (later >= 0) {
          return corrupt(
              header,
              expected - 1,
              prev,
              lastMicros,
              pos,
              at(expected, pos)
                  + invalid
                  + "; a whole record follows at offset "
                  + later
                  + ", so this is not a torn tail");
        }
        String reason = invalid + "; " + (size - pos) + " bytes to the end of the file";
        return new ScanResult(header, expected - 1, prev, lastMicros, pos, pos, reason, null);
      }
    }
    return new ScanResult(header, expected - 1, prev, lastMicros, pos, -1, null, null);
  }

  private static String at(long seq, long offset) {
    return "record seq " + seq + " at offset " + offset + ": ";
  }

  private static String chainProblem(RecordHeader head, long expected, byte[] prev) {
    if (head.seq() < expected) {
      return "duplicate or out-of-order seq [got " + head.seq() + "]";
    }
    if (head.seq() > expected) {
      return "seq gap: records "
          + expected
          + " to "
          + (head.seq() - 1)
          + " are missing [got "
          + head.seq()
          + "]";
    }
    if (!Arrays.equals(head.prevHash(), prev)) {
      return "broken hash link: prevHash "
          + Sha256.hex(head.prevHash())
          + " is not the previous hash "
          + Sha256.hex(prev);
    }
    if (!RecordType.isKnown(head.typeCode())) {
      return "unknown record type code [got " + head.typeCode() + "]";
    }
    return null;
  }

  private static ScanResult corrupt(
      LedgerHeader header, long records, byte[] prev, long micros, long pos, String problem) {
    return new ScanResult(header, records, prev, micros, pos, -1, null, problem);
  }

  /** The offset of the first whole record (framing and hash sound) at or after {@code from}. */
  private long findWholeRecordAfter(long from) throws IOException {
    byte[] chunk = new byte[64 * 1024];
    long base = from;
    while (base + FormatV1.RECORD_OVERHEAD <= size) {
      int n = (int) Math.min(chunk.length, size - base);
      in.readFully(ByteBuffer.wrap(chunk, 0, n), base);
      for (int i = 0; i + 4 <= n; i++) {
        if (isMagicAt(chunk, i) && isWholeRecordAt(base + i)) {
          return base + i;
        }
      }
      if (base + n >= size) {
        break;
      }
      base += n - 3;
    }
    return -1;
  }

  private static boolean isMagicAt(byte[] b, int i) {
    int m = FormatV1.RECORD_MAGIC;
    return b[i] == (byte) (m >>> 24)
        && b[i + 1] == (byte) (m >>> 16)
        && b[i + 2] == (byte) (m >>> 8)
        && b[i + 3] == (byte) m;
  }

  private boolean isWholeRecordAt(long q) throws IOException {
    if (q + FormatV1.RECORD_OVERHEAD > size) {
      return false;
    }
    byte[] rh = new byte[FormatV1.RECORD_HEADER_BYTES];
    in.readFully(ByteBuffer.wrap(rh), q);
    RecordHeader head = RecordHeader.parse(rh, 0);
    if (head.framingProblem() != null || q + head.recordLength() > size) {
      return false;
    }
    MessageDigest md = Sha256.newDigest();
    md.update(rh);
    SequentialInput body = new SequentialInput(in, q + rh.length, size, 64 * 1024);
    body.digest(md, head.payloadLength());
    byte[] stored = new byte[FormatV1.HASH_BYTES];
    body.readFully(stored, 0, stored.length);
    return MessageDigest.isEqual(md.digest(), stored);
  }
}
