package org.tocsin.evidence.sign;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;
import org.tocsin.evidence.format.v1.Sha256;

/**
 * The Ed25519 key pair that signs a ledger's tree heads, kept in a directory: {@value
 * #PRIVATE_FILE} (PKCS#8 PEM, owner read/write only where the file system has POSIX permissions)
 * and {@value #PUBLIC_FILE} (SubjectPublicKeyInfo PEM, for anyone). The key id is the SHA-256 of
 * the public key's SubjectPublicKeyInfo DER.
 */
public final class TreeHeadKeys {

  /** The private key file name. */
  public static final String PRIVATE_FILE = "tree-head-ed25519.key";

  /** The public key file name. */
  public static final String PUBLIC_FILE = "tree-head-ed25519.pub.pem";

  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final Path dir;

  private TreeHeadKeys(Path dir, PrivateKey privateKey, PublicKey publicKey) {
    this.dir = dir;
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  /**
   * Loads the key pair from {@code dir}, or makes one there if there is no private key yet. A
   * public key file without its private key (a crash during creation) is replaced.
   *
   * @throws IOException if the files cannot be read or written, or do not hold Ed25519 keys
   */
  public static TreeHeadKeys loadOrCreate(Path dir) throws IOException {
    Objects.requireNonNull(dir, "dir");
    Files.createDirectories(dir);
    Path priv = dir.resolve(PRIVATE_FILE);
    Path pub = dir.resolve(PUBLIC_FILE);
    try {
      KeyFactory kf = KeyFactory.getInstance("Ed25519");
      if (Files.exists(priv)) {
        PrivateKey sk = kf.generatePrivate(new PKCS8EncodedKeySpec(pemBody(priv, "PRIVATE KEY")));
        PublicKey pk = readPublicKey(pub);
        TreeHeadKeys keys = new TreeHeadKeys(dir, sk, pk);
        keys.checkPair();
        return keys;
      }
      KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      // Public first: a private key on disk always has its public key beside it.
      writeAtomically(pub, pem("PUBLIC KEY", kp.getPublic().getEncoded()), false);
      writeAtomically(priv, pem("PRIVATE KEY", kp.getPrivate().getEncoded()), true);
      return new TreeHeadKeys(dir, kp.getPrivate(), kp.getPublic());
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IOException("not a usable Ed25519 key pair in " + dir + ": " + e, e);
    }
  }

  /** Reads an Ed25519 public key from a SubjectPublicKeyInfo PEM file. */
  public static PublicKey readPublicKey(Path pem) throws IOException {
    return publicKeyFromPem(Files.readString(pem, StandardCharsets.US_ASCII));
  }

  /**
   * Parses an Ed25519 public key from SubjectPublicKeyInfo PEM text.
   *
   * @throws IllegalArgumentException if the text is not such a key
   */
  public static PublicKey publicKeyFromPem(String pem) {
    try {
      return KeyFactory.getInstance("Ed25519")
          .generatePublic(new X509EncodedKeySpec(pemBody(pem, "PUBLIC KEY")));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an Ed25519 public key: " + e, e);
    }
  }

  /** The key id of a public key: SHA-256 of its SubjectPublicKeyInfo DER. */
  public static byte[] keyId(PublicKey key) {
    return Sha256.digest(key.getEncoded());
  }

  /** PEM text of some DER bytes, 64 base64 characters a line. */
  public static String pem(String label, byte[] der) {
    String b64 =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + b64 + "\n-----END " + label + "-----\n";
  }

  /** The public key. */
  public PublicKey publicKey() {
    return publicKey;
  }

  /** The public key as SubjectPublicKeyInfo PEM text, as in {@value #PUBLIC_FILE}. */
  public String publicKeyPem() {
    return pem("PUBLIC KEY", publicKey.getEncoded());
  }

  /** The key id, 32 bytes. */
  public byte[] keyId() {
    return keyId(publicKey);
  }

  /** The key id as lower-case hex. */
  public String keyIdHex() {
    return Sha256.hex(keyId());
  }

  /** The public key file. */
  public Path publicKeyFile() {
    return dir.resolve(PUBLIC_FILE);
  }

  /** Signs a message with Ed25519. */
  byte[] sign(byte[] message) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(privateKey);
      s.update(message);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed: " + e, e);
    }
  }

  private void checkPair() throws IOException {
    byte[] probe = "tocsin key check".getBytes(StandardCharsets.US_ASCII);
    try {
      Signature v = Signature.getInstance("Ed25519");
      v.initVerify(publicKey);
      v.update(probe);
      if (!v.verify(sign(probe))) {
        throw new IOException("the public key in " + dir + " does not match the private key");
      }
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot check the key pair in " + dir + ": " + e, e);
    }
  }

  private static byte[] pemBody(Path file, String label) throws IOException {
    return pemBody(Files.readString(file, StandardCharsets.US_ASCII), label);
  }

  private static byte[] pemBody(String text, String label) {
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int b = text.indexOf(begin);
    int e = text.indexOf(end);
    if (b < 0 || e < b) {
      throw new IllegalArgumentException("no PEM block " + label);
    }
    return Base64.getMimeDecoder().decode(text.substring(b + begin.length(), e));
  }

  private static void writeAtomically(Path target, String text, boolean secret) throws IOException {
    Path dir = target.getParent();
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    Path tmp =
        posix && secret
            ? Files.createTempFile(
                dir,
                target.getFileName().toString(),
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
            : Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
        ch.force(true);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    }
  }
}
