package org.tocsin.evidence.sign;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Objects;

/**
 * The signature that binds every file of an export bag (format 2) to the ledger's tree-head key: an
 * Ed25519 signature over the ASCII bytes {@value #CONTEXT_TEXT} followed by the bag's whole {@code
 * tagmanifest-sha256.txt}. The tag manifest lists the digests of {@code bagit.txt}, {@code
 * bag-info.txt} (with the export's reason) and {@code manifest-sha256.txt}, which lists every
 * payload file (VERIFY.md, the checker script, custody, export.json ...), so the signature covers
 * them all. The context string keeps a bag signature from ever being taken for a tree-head
 * signature ({@code TOCSIN-STH-V1}) and the other way round.
 */
public final class BagSignature {

  /** The context text the signed message starts with. */
  public static final String CONTEXT_TEXT = "TOCSIN-BAG-V2";

  private static final byte[] CONTEXT = CONTEXT_TEXT.getBytes(StandardCharsets.US_ASCII);

  private BagSignature() {}

  /** The signed message: the context followed by the tag manifest's bytes. */
  public static byte[] message(byte[] tagManifest) {
    Objects.requireNonNull(tagManifest, "tagManifest");
    return ByteBuffer.allocate(CONTEXT.length + tagManifest.length)
        .put(CONTEXT)
        .put(tagManifest)
        .array();
  }

  /** Signs a tag manifest with the tree-head key; 64 bytes. */
  public static byte[] sign(TreeHeadKeys keys, byte[] tagManifest) {
    return keys.sign(message(tagManifest));
  }

  /** Whether {@code signature} is a valid signature of {@code tagManifest} under {@code key}. */
  public static boolean verify(PublicKey key, byte[] tagManifest, byte[] signature) {
    Objects.requireNonNull(key, "key");
    if (signature == null || signature.length != 64) {
      return false;
    }
    try {
      Signature v = Signature.getInstance("Ed25519");
      v.initVerify(key);
      v.update(message(tagManifest));
      return v.verify(signature);
    } catch (java.security.SignatureException e) {
      return false;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 verification unavailable: " + e, e);
    }
  }
}
