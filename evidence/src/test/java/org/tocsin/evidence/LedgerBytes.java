package org.tocsin.evidence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tocsin.evidence.format.v1.FormatV1;
import org.tocsin.evidence.format.v1.RecordHeader;

/** Raw access to a ledger file's bytes for tamper and torn-tail tests. */
final class LedgerBytes {

  final Path file;
  byte[] bytes;

  private LedgerBytes(Path file) throws IOException {
    this.file = file;
    this.bytes = Files.readAllBytes(file);
  }

  /** Loads the ledger file in {@code dir}. */
  static LedgerBytes of(Path dir) throws IOException {
    return new LedgerBytes(dir.resolve(FormatV1.FILE_NAME));
  }

  /** Writes a ledger with records "record 1" .. "record n" of varying length, then closes it. */
  static void writeRecords(Path dir, int n) throws IOException {
    try (FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      List<byte[]> payloads = new ArrayList<>();
      for (int i = 1; i <= n; i++) {
        payloads.add(payload(i));
      }
      log.appendAll(RecordType.CAPTURE, payloads);
    }
  }

  /** The payload {@link #writeRecords} gives record {@code i}. */
  static byte[] payload(long i) {
    return ("record " + i + " " + "x".repeat((int) (i % 7) * 10)).getBytes(StandardCharsets.UTF_8);
  }

  /** The start offset of every record, in seq order (index 0 is seq 1). */
  List<Long> offsets() {
    List<Long> out = new ArrayList<>();
    long pos = FormatV1.HEADER_BYTES;
    while (pos + FormatV1.RECORD_OVERHEAD <= bytes.length) {
      out.add(pos);
      pos += RecordHeader.parse(bytes, (int) pos).recordLength();
    }
    return out;
  }

  /** The start offset of record {@code seq}. */
  int start(int seq) {
    return offsets().get(seq - 1).intValue();
  }

  /** The end offset of record {@code seq}. */
  int end(int seq) {
    int s = start(seq);
    return (int) (s + RecordHeader.parse(bytes, s).recordLength());
  }

  /** Flips every bit of one byte. */
  LedgerBytes flip(long offset) {
    bytes[(int) offset] ^= (byte) 0xff;
    return this;
  }

  /** Removes the bytes {@code [from, to)}. */
  LedgerBytes cut(int from, int to) {
    byte[] out = new byte[bytes.length - (to - from)];
    System.arraycopy(bytes, 0, out, 0, from);
    System.arraycopy(bytes, to, out, from, bytes.length - to);
    bytes = out;
    return this;
  }

  /** Inserts bytes at {@code at}. */
  LedgerBytes insert(int at, byte[] more) {
    byte[] out = new byte[bytes.length + more.length];
    System.arraycopy(bytes, 0, out, 0, at);
    System.arraycopy(more, 0, out, at, more.length);
    System.arraycopy(bytes, at, out, at + more.length, bytes.length - at);
    bytes = out;
    return this;
  }

  /** Keeps only the first {@code length} bytes. */
  LedgerBytes truncate(int length) {
    bytes = Arrays.copyOf(bytes, length);
    return this;
  }

  /** The bytes {@code [from, to)}. */
  byte[] range(int from, int to) {
    return Arrays.copyOfRange(bytes, from, to);
  }

  /** Recomputes the record hash of the record at {@code start}, as a careful forger would. */
  LedgerBytes rehash(int start) {
    RecordHeader h = RecordHeader.parse(bytes, start);
    int hashAt = (int) (start + FormatV1.RECORD_HEADER_BYTES + h.payloadLength());
    byte[] hash =
        org.tocsin.evidence.format.v1.Sha256.digest(Arrays.copyOfRange(bytes, start, hashAt));
    System.arraycopy(hash, 0, bytes, hashAt, hash.length);
    return this;
  }

  /** Sets the 16-bit type code of the record at {@code start}. */
  LedgerBytes setType(int start, int code) {
    ByteBuffer.wrap(bytes).putShort(start + 24, (short) code);
    return this;
  }

  /** Writes the bytes back to the file. */
  void save() throws IOException {
    Files.write(file, bytes);
  }
}
