package org.tocsin.evidence.format.v1;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 and lower-case hex, the only hash and encoding the format uses. */
public final class Sha256 {

  private static final HexFormat HEX = HexFormat.of();

  private Sha256() {}

  /** A new SHA-256 digest; every Java platform is required to have one. */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256, which Java requires", e);
    }
  }

  /** The SHA-256 of some bytes. */
  public static byte[] digest(byte[] data) {
    return newDigest().digest(data);
  }

  /** Lower-case hex of some bytes. */
  public static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  /** Lower-case hex of a range of bytes. */
  public static String hex(byte[] bytes, int from, int to) {
    return HEX.formatHex(bytes, from, to);
  }
}
