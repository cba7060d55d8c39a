package org.tocsin.evidence.sign;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.tocsin.evidence.format.v1.RecordHeader;
import org.tocsin.evidence.format.v1.Sha256;

/**
 * A signed tree head, the payload of a {@code TREE_HEAD} record (163 bytes, big-endian): version
 * (u8, 1), ledger id (16), tree size (u64), root hash (32), time (i64 microseconds), key id (32,
 * SHA-256 of the signer's SubjectPublicKeyInfo DER), signature length (u16, 64), Ed25519 signature.
 * The signature covers ASCII {@code TOCSIN-STH-V1} followed by the first 97 payload bytes.
 *
 * @param ledgerId the ledger's 16-byte id, from its file header
 * @param treeSize how many records (leaves) the tree covers: records 1 to {@code treeSize}
 * @param rootHash the Merkle root of those records
 * @param timeMicros when it was signed, microseconds since the epoch
 * @param keyId SHA-256 of the signing key's SubjectPublicKeyInfo DER
 * @param signature the Ed25519 signature (64 bytes)
 */
public record SignedTreeHead(
    byte[] ledgerId,
    long treeSize,
    byte[] rootHash,
    long timeMicros,
    byte[] keyId,
    byte[] signature) {

  /** The payload version. */
  public static final int VERSION = 1;

  /** The length of the signed part of the payload. */
  public static final int SIGNED_BYTES = 1 + 16 + 8 + 32 + 8 + 32;

  /** The length of the whole payload. */
  public static final int BYTES = SIGNED_BYTES + 2 + 64;

  private static final byte[] CONTEXT = "TOCSIN-STH-V1".getBytes(StandardCharsets.US_ASCII);

  /** Checks the field sizes. */
  public SignedTreeHead {
    check(ledgerId, 16, "ledgerId");
    check(rootHash, 32, "rootHash");
    check(keyId, 32, "keyId");
    check(signature, 64, "signature");
    if (treeSize < 0) {
      throw new IllegalArgumentException("treeSize must be >= 0 [got " + treeSize + "]");
    }
  }

  /** The time as an instant. */
  public Instant time() {
    return RecordHeader.toInstant(timeMicros);
  }

  /** The bytes the signature covers: the context string and the signed fields. */
  public byte[] signedMessage() {
    return signedMessage(ledgerId, treeSize, rootHash, timeMicros, keyId);
  }

  static byte[] signedMessage(
      byte[] ledgerId, long treeSize, byte[] rootHash, long timeMicros, byte[] keyId) {
    return ByteBuffer.allocate(CONTEXT.length + SIGNED_BYTES)
        .put(CONTEXT)
        .put((byte) VERSION)
        .put(ledgerId)
        .putLong(treeSize)
        .put(rootHash)
        .putLong(timeMicros)
        .put(keyId)
        .array();
  }

  /** The record payload. */
  public byte[] encode() {
    byte[] msg = signedMessage();
    return ByteBuffer.allocate(BYTES)
        .put(msg, CONTEXT.length, SIGNED_BYTES)
        .putShort((short) signature.length)
        .put(signature)
        .array();
  }

  /**
   * Decodes a {@code TREE_HEAD} payload.
   *
   * @throws IllegalArgumentException if it is not 163 bytes of version 1 with a 64-byte signature
   */
  public static SignedTreeHead decode(byte[] payload) {
    if (payload.length != BYTES) {
      throw new IllegalArgumentException(
          "tree head payload must be " + BYTES + " bytes [got " + payload.length + "]");
    }
    ByteBuffer in = ByteBuffer.wrap(payload);
    int version = Byte.toUnsignedInt(in.get());
    if (version != VERSION) {
      throw new IllegalArgumentException("tree head version must be 1 [got " + version + "]");
    }
    byte[] ledgerId = new byte[16];
    in.get(ledgerId);
    long size = in.getLong();
    byte[] root = new byte[32];
    in.get(root);
    long micros = in.getLong();
    byte[] keyId = new byte[32];
    in.get(keyId);
    int sigLen = Short.toUnsignedInt(in.getShort());
    if (sigLen != 64) {
      throw new IllegalArgumentException(
          "tree head signature must be 64 bytes [got " + sigLen + "]");
    }
    byte[] sig = new byte[64];
    in.get(sig);
    return new SignedTreeHead(ledgerId, size, root, micros, keyId, sig);
  }

  /** Whether the signature is valid under {@code key} and the key id names that key. */
  public boolean verify(PublicKey key) {
    Objects.requireNonNull(key, "key");
    if (!Arrays.equals(keyId, TreeHeadKeys.keyId(key))) {
      return false;
    }
    try {
      Signature v = Signature.getInstance("Ed25519");
      v.initVerify(key);
      v.update(signedMessage());
      return v.verify(signature);
    } catch (java.security.SignatureException e) {
      return false; // a malformed signature (say, not a curve point) is an invalid one
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 verification unavailable: " + e, e);
    }
  }

  /** Lower-case hex of the key id. */
  public String keyIdHex() {
    return Sha256.hex(keyId);
  }

  /** Lower-case hex of the root hash. */
  public String rootHashHex() {
    return Sha256.hex(rootHash);
  }

  /** Compares all fields by content. */
  @Override
  public boolean equals(Object o) {
    return o instanceof SignedTreeHead h && Arrays.equals(encode(), h.encode());
  }

  /** Hashes all fields by content. */
  @Override
  public int hashCode() {
    return Arrays.hashCode(encode());
  }

  /** Describes the head. */
  @Override
  public String toString() {
    return "SignedTreeHead[size="
        + treeSize
        + ", root="
        + rootHashHex()
        + ", time="
        + time()
        + ", keyId="
        + keyIdHex()
        + "]";
  }

  private static void check(byte[] b, int len, String name) {
    if (Objects.requireNonNull(b, name).length != len) {
      throw new IllegalArgumentException(
          name + " must be " + len + " bytes [got " + b.length + "]");
    }
  }
}
