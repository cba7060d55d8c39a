package org.tocsin.evidence.format.v1;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The fixed part of a record that comes before its payload, as stored (not yet checked).
 *
 * @param magic the record magic, {@link FormatV1#RECORD_MAGIC} in a sound record
 * @param payloadLength the declared payload length (an unsigned 32-bit value)
 * @param seq the sequence number
 * @param timeMicros when the record was written, in microseconds since the epoch
 * @param typeCode the record type code (an unsigned 16-bit value)
 * @param prevHash the hash of the previous record, or of the file header for seq 1
 */
public record RecordHeader(
    int magic, long payloadLength, long seq, long timeMicros, int typeCode, byte[] prevHash) {

  /** Length of the fixed part. */
  public static final int BYTES = FormatV1.RECORD_HEADER_BYTES;

  /** Checks the hash size. */
  public RecordHeader {
    if (Objects.requireNonNull(prevHash, "prevHash").length != FormatV1.HASH_BYTES) {
      throw new IllegalArgumentException("prevHash must be 32 bytes [got " + prevHash.length + "]");
    }
  }

  /** Reads the fixed part at {@code off}; the array must hold {@link #BYTES} bytes from there. */
  public static RecordHeader parse(byte[] b, int off) {
    ByteBuffer in = ByteBuffer.wrap(b, off, FormatV1.RECORD_HEADER_BYTES);
    int magic = in.getInt();
    long length = Integer.toUnsignedLong(in.getInt());
    long seq = in.getLong();
    long time = in.getLong();
    int type = Short.toUnsignedInt(in.getShort());
    byte[] prev = new byte[FormatV1.HASH_BYTES];
    in.get(prev);
    return new RecordHeader(magic, length, seq, time, type, prev);
  }

  /** Writes a record's fixed part into {@code dst} from index 0. */
  public static void write(
      byte[] dst, int payloadLength, long seq, long timeMicros, int typeCode, byte[] prevHash) {
    ByteBuffer out = ByteBuffer.wrap(dst, 0, FormatV1.RECORD_HEADER_BYTES);
    out.putInt(FormatV1.RECORD_MAGIC).putInt(payloadLength).putLong(seq).putLong(timeMicros);
    out.putShort((short) typeCode).put(prevHash);
  }

  /**
   * Why the framing is unusable (bad magic or length out of range), or {@code null} if it is not.
   */
  public String framingProblem() {
    if (magic != FormatV1.RECORD_MAGIC) {
      return String.format(Locale.ROOT, "bad record magic [got 0x%08x]", magic);
    }
    if (payloadLength > FormatV1.MAX_PAYLOAD_BYTES) {
      return "payload length over the "
          + FormatV1.MAX_PAYLOAD_BYTES
          + "-byte limit [got "
          + payloadLength
          + "]";
    }
    return null;
  }

  /** The length of the whole record on disk: fixed part, payload and record hash. */
  public long recordLength() {
    return FormatV1.RECORD_OVERHEAD + payloadLength;
  }

  /** Converts a record time to an instant. */
  public static Instant toInstant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
  }

  /** Converts an instant to record time, dropping anything finer than a microsecond. */
  public static long toMicros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
  }

  /** Compares all fields, the hash by content. */
  @Override
  public boolean equals(Object o) {
    return o instanceof RecordHeader h
        && magic == h.magic
        && payloadLength == h.payloadLength
        && seq == h.seq
        && timeMicros == h.timeMicros
        && typeCode == h.typeCode
        && Arrays.equals(prevHash, h.prevHash);
  }

  /** Hashes all fields, the hash by content. */
  @Override
  public int hashCode() {
    return Objects.hash(magic, payloadLength, seq, timeMicros, typeCode, Arrays.hashCode(prevHash));
  }

  /** Describes the fields. */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "RecordHeader[magic=0x%08x, payloadLength=%d, seq=%d, timeMicros=%d, type=%d, prev=%s]",
        magic,
        payloadLength,
        seq,
        timeMicros,
        typeCode,
        Sha256.hex(prevHash));
  }
}
