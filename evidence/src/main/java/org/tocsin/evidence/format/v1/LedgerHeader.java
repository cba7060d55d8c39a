package org.tocsin.evidence.format.v1;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.tocsin.evidence.EvidenceCorruptException;

/**
 * The file header: magic, format version, creation time, random ledger id and the SHA-256 over
 * those bytes, which is also the {@code prevHash} of record 1.
 *
 * @param version the format version
 * @param createdMillis when the ledger was created, in milliseconds since the epoch
 * @param ledgerId the 16 random bytes that name this ledger
 * @param hash SHA-256 of the header bytes before it
 */
public record LedgerHeader(int version, long createdMillis, byte[] ledgerId, byte[] hash) {

  /** Checks the field sizes. */
  public LedgerHeader {
    if (Objects.requireNonNull(ledgerId, "ledgerId").length != FormatV1.LEDGER_ID_BYTES) {
      throw new IllegalArgumentException("ledgerId must be 16 bytes [got " + ledgerId.length + "]");
    }
    if (Objects.requireNonNull(hash, "hash").length != FormatV1.HASH_BYTES) {
      throw new IllegalArgumentException("hash must be 32 bytes [got " + hash.length + "]");
    }
  }

  /** The creation time. */
  public Instant created() {
    return Instant.ofEpochMilli(createdMillis);
  }

  /** The ledger id as lower-case hex. */
  public String ledgerIdHex() {
    return Sha256.hex(ledgerId);
  }

  /** Encodes a current-version header for a new ledger, hash included. */
  public static byte[] encode(long createdMillis, byte[] ledgerId) {
    if (ledgerId.length != FormatV1.LEDGER_ID_BYTES) {
      throw new IllegalArgumentException("ledgerId must be 16 bytes [got " + ledgerId.length + "]");
    }
    ByteBuffer b = ByteBuffer.allocate(FormatV1.HEADER_BYTES);
    b.put(FormatV1.fileMagic()).putInt(FormatV1.VERSION_CURRENT).putLong(createdMillis);
    b.put(ledgerId);
    MessageDigest md = Sha256.newDigest();
    md.update(b.array(), 0, FormatV1.HEADER_HASHED_BYTES);
    b.put(md.digest());
    return b.array();
  }

  /**
   * Says what is wrong with a header, checking magic, then version range, then hash.
   *
   * @param bytes the first bytes of the file; fewer than {@link FormatV1#HEADER_BYTES} is a problem
   * @return the problem, naming the byte offset, or {@code null} if the header is sound
   */
  public static String problem(byte[] bytes) {
    if (bytes.length < FormatV1.HEADER_BYTES) {
      return "file is too short for a ledger header: need "
          + FormatV1.HEADER_BYTES
          + " bytes at offset 0 [got "
          + bytes.length
          + "]";
    }
    byte[] magic = Arrays.copyOf(bytes, 8);
    if (!Arrays.equals(magic, FormatV1.fileMagic())) {
      return "not a Tocsin ledger: bad file magic at offset 0 [got " + Sha256.hex(magic) + "]";
    }
    int version = ByteBuffer.wrap(bytes).getInt(8);
    if (version < FormatV1.VERSION_MIN || version > FormatV1.VERSION_MAX) {
      return "unsupported ledger format version at offset 8: this reader reads ["
          + FormatV1.VERSION_MIN
          + ", "
          + FormatV1.VERSION_MAX
          + "] [got "
          + Integer.toUnsignedString(version)
          + "]";
    }
    MessageDigest md = Sha256.newDigest();
    md.update(bytes, 0, FormatV1.HEADER_HASHED_BYTES);
    byte[] actual = md.digest();
    byte[] stored = Arrays.copyOfRange(bytes, FormatV1.HEADER_HASHED_BYTES, FormatV1.HEADER_BYTES);
    if (!MessageDigest.isEqual(actual, stored)) {
      return "header hash mismatch at offset "
          + FormatV1.HEADER_HASHED_BYTES
          + ": stored "
          + Sha256.hex(stored)
          + ", header hashes to "
          + Sha256.hex(actual);
    }
    return null;
  }

  /**
   * Decodes and checks a header as {@link #problem(byte[])} does.
   *
   * @param bytes the first bytes of the file
   * @param path the file, for error messages
   * @throws EvidenceCorruptException if the header is not a sound, supported one
   */
  public static LedgerHeader decode(byte[] bytes, Path path) throws EvidenceCorruptException {
    String problem = problem(bytes);
    if (problem != null) {
      throw new EvidenceCorruptException(problem, path);
    }
    ByteBuffer b = ByteBuffer.wrap(bytes, 8, FormatV1.HEADER_BYTES - 8);
    int version = b.getInt();
    long created = b.getLong();
    byte[] id = new byte[FormatV1.LEDGER_ID_BYTES];
    b.get(id);
    byte[] hash = new byte[FormatV1.HASH_BYTES];
    b.get(hash);
    return new LedgerHeader(version, created, id, hash);
  }

  /** Compares all fields, arrays by content. */
  @Override
  public boolean equals(Object o) {
    return o instanceof LedgerHeader h
        && version == h.version
        && createdMillis == h.createdMillis
        && Arrays.equals(ledgerId, h.ledgerId)
        && Arrays.equals(hash, h.hash);
  }

  /** Hashes all fields, arrays by content. */
  @Override
  public int hashCode() {
    return Objects.hash(version, createdMillis, Arrays.hashCode(ledgerId), Arrays.hashCode(hash));
  }

  /** Describes the header in hex. */
  @Override
  public String toString() {
    return "LedgerHeader[version="
        + version
        + ", created="
        + created()
        + ", ledgerId="
        + ledgerIdHex()
        + ", hash="
        + Sha256.hex(hash)
        + "]";
  }
}
