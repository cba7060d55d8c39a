package org.tocsin.core.evidence;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the original bytes of a post sit in the ledger.
 *
 * @param seq the ledger sequence number of the capture record (1 is the first record)
 * @param sha256 lower-case hex SHA-256 of the captured bytes
 * @param capturedAt when the bytes were captured
 */
public record EvidenceRef(long seq, String sha256, Instant capturedAt) {

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  /** Checks the sequence number and the digest's form. */
  public EvidenceRef {
    if (seq < 1) {
      throw new IllegalArgumentException("seq must be >= 1 [got " + seq + "]");
    }
    Objects.requireNonNull(sha256, "sha256");
    if (!SHA256_HEX.matcher(sha256).matches()) {
      throw new IllegalArgumentException(
          "sha256 must be 64 lower-case hex digits [got " + sha256 + "]");
    }
    Objects.requireNonNull(capturedAt, "capturedAt");
  }
}
