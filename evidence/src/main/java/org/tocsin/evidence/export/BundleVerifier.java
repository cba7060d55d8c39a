package org.tocsin.evidence.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.tocsin.evidence.sign.PublishedHead;
import org.tocsin.evidence.sign.TrustedKeys;

/**
 * Checks an export bundle offline, with nothing but the bag: its BagIt structure, both manifests
 * and the Payload-Oxum; the tree head's Ed25519 signature under the bundled public key and its RFC
 * 3161 tokens; every record's hash, leaf hash and inclusion proof up to the signed root; every WARC
 * payload digest, recomputed while reading with jwarc, against the body digest that the ledger
 * record commits to; and that the custody files and derived data agree with the records and name
 * only exported captures.
 *
 * <p>It checks that the bundled key signed the head; whether that key is the operator's key must be
 * settled by comparing {@link BundleReport#keyId()} with the published one. Posts and scores are
 * analysis, held to the bag by its manifests and digest, not by the signature.
 */
public final class BundleVerifier {

  private BundleVerifier() {}

  /**
   * Checks the bag at {@code bag}. Never throws for a missing, malformed or tampered bag: the
   * report names the first fault and its location (file, and line, record or field where one
   * applies).
   */
  public static BundleReport verify(Path bag) {
    return verify(bag, TrustedKeys.none(), List.of());
  }

  /**
   * Checks the bag at {@code bag} as {@link #verify(Path)} does, and also: that its tree head (and,
   * in format 2, the bag signature) is signed by one of the {@code trusted} keys, and that each
   * {@code held} head (published earlier by the operator) is signed by a trusted key (the bundled
   * key when none is trusted), names the same ledger and, if it has the size of the bag's head, the
   * same root. What the checks could not prove is in {@link BundleReport#unproven()}.
   */
  public static BundleReport verify(Path bag, TrustedKeys trusted, List<PublishedHead> held) {
    Objects.requireNonNull(bag, "bag");
    return new BundleCheck(bag, Objects.requireNonNull(trusted, "trusted"), held).run();
  }
}
