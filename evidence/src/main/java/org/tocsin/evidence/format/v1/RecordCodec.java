package org.tocsin.evidence.format.v1;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import org.tocsin.evidence.EvidenceCorruptException;
import org.tocsin.evidence.LedgerRecord;
import org.tocsin.evidence.RecordType;

/** Decodes one record read from a known place and checks it fully. */
public final class RecordCodec {

  private RecordCodec() {}

  /**
   * Decodes the record {@code seq}, given its bytes preceded by the 32 bytes just before it in the
   * file (the previous record's hash, or the header hash for seq 1).
   *
   * @param buf the previous hash followed by exactly one record
   * @param seq the seq this record must carry
   * @param offset the record's byte offset in the file, for messages
   * @param path the file, for messages
   * @throws EvidenceCorruptException if the record is malformed, its hash does not match, it
   *     carries another seq or type that is unknown, or it does not link to the previous hash
   */
  public static LedgerRecord decode(byte[] buf, long seq, long offset, Path path)
      throws EvidenceCorruptException {
    int h = FormatV1.HASH_BYTES;
    if (buf.length < h + FormatV1.RECORD_OVERHEAD) {
      throw corrupt(seq, offset, "record is too short [got " + (buf.length - h) + " bytes]", path);
    }
    RecordHeader head = RecordHeader.parse(buf, h);
    String framing = head.framingProblem();
    if (framing != null) {
      throw corrupt(seq, offset, framing, path);
    }
    if (head.recordLength() != buf.length - h) {
      throw corrupt(
          seq,
          offset,
          "declared payload length "
              + head.payloadLength()
              + " does not fit the record's extent of "
              + (buf.length - h)
              + " bytes",
          path);
    }
    int hashAt = buf.length - h;
    MessageDigest md = Sha256.newDigest();
    md.update(buf, h, hashAt - h);
    byte[] actual = md.digest();
    byte[] stored = Arrays.copyOfRange(buf, hashAt, buf.length);
    if (!MessageDigest.isEqual(actual, stored)) {
      throw corrupt(
          seq,
          offset,
          "record hash mismatch: stored "
              + Sha256.hex(stored)
              + ", record hashes to "
              + Sha256.hex(actual),
          path);
    }
    if (head.seq() != seq) {
      throw corrupt(seq, offset, "record carries another seq [got " + head.seq() + "]", path);
    }
    byte[] prev = Arrays.copyOf(buf, h);
    if (!Arrays.equals(prev, head.prevHash())) {
      throw corrupt(
          seq,
          offset,
          "broken hash link: prevHash "
              + Sha256.hex(head.prevHash())
              + " is not the previous hash "
              + Sha256.hex(prev),
          path);
    }
    if (!RecordType.isKnown(head.typeCode())) {
      throw corrupt(seq, offset, "unknown record type code [got " + head.typeCode() + "]", path);
    }
    byte[] payload = Arrays.copyOfRange(buf, h + FormatV1.RECORD_HEADER_BYTES, hashAt);
    return new LedgerRecord(
        seq,
        RecordHeader.toInstant(head.timeMicros()),
        RecordType.fromCode(head.typeCode()),
        Sha256.hex(prev),
        Sha256.hex(actual),
        payload);
  }

  private static EvidenceCorruptException corrupt(long seq, long offset, String why, Path path) {
    return new EvidenceCorruptException(
        "record seq " + seq + " at offset " + offset + ": " + why, path);
  }
}
