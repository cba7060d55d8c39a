package org.tocsin.evidence.timestamp;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.tocsin.evidence.format.v1.Sha256;

/** Checks a stored RFC 3161 token against the bytes it stamps. Stateless. */
public final class TimestampTokens {

  /**
   * What a valid token says.
   *
   * @param genTime when the authority stamped it
   * @param tsaCertificate the authority's signing certificate, taken from the token
   */
  public record Stamp(Instant genTime, X509Certificate tsaCertificate) {}

  private TimestampTokens() {}

  /**
   * Checks that {@code token} is a well-formed TimeStampToken with a SHA-256 imprint of {@code
   * data}, signed by the certificate it carries, which has the critical {@code id-kp-timeStamping}
   * extended key usage and was valid at the stamp's time. Whether that certificate is one the
   * reader trusts is the reader's decision (compare it, or run {@code openssl ts -verify -CAfile}).
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static Stamp check(byte[] token, byte[] data) {
    try {
      TimeStampToken t = new TimeStampToken(new CMSSignedData(token));
      var info = t.getTimeStampInfo();
      if (!NISTObjectIdentifiers.id_sha256.equals(info.getMessageImprintAlgOID())) {
        throw new IllegalArgumentException(
            "time-stamp imprint is not SHA-256 [got " + info.getMessageImprintAlgOID() + "]");
      }
      if (!MessageDigest.isEqual(info.getMessageImprintDigest(), Sha256.digest(data))) {
        throw new IllegalArgumentException(
            "time-stamp imprint "
                + Sha256.hex(info.getMessageImprintDigest())
                + " is not the SHA-256 of the stamped bytes "
                + Sha256.hex(Sha256.digest(data)));
      }
      @SuppressWarnings("unchecked")
      Collection<X509CertificateHolder> certs = t.getCertificates().getMatches(t.getSID());
      if (certs.isEmpty()) {
        throw new IllegalArgumentException("time-stamp token carries no signer certificate");
      }
      X509CertificateHolder holder = certs.iterator().next();
      X509Certificate cert = new JcaX509CertificateConverter().getCertificate(holder);
      t.validate(new JcaSimpleSignerInfoVerifierBuilder().build(holder));
      return new Stamp(info.getGenTime().toInstant(), cert);
    } catch (CMSException | TSPException | IOException | OperatorCreationException e) {
      throw new IllegalArgumentException("time-stamp token does not verify: " + e.getMessage(), e);
    } catch (java.security.cert.CertificateException e) {
      throw new IllegalArgumentException("time-stamp signer certificate unreadable: " + e, e);
    }
  }
}
