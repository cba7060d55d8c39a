package org.tocsin.evidence.timestamp;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.tocsin.core.SuppressForbidden;

/**
 * A real RFC 3161 time-stamp authority on loopback, port 0: a self-signed RSA certificate with the
 * critical extended key usage id-kp-timeStamping, BouncyCastle's token and response generators,
 * served by the JDK's HTTP server.
 */
@SuppressForbidden(
    reason = "com.sun.net.httpserver is the JDK's exported, supported HTTP server (jdk.httpserver)")
public final class LoopbackTsa implements AutoCloseable {

  /** The authority's self-signed certificate. */
  public final X509Certificate cert;

  private final HttpServer server;
  private final TimeStampResponseGenerator responder;
  private final AtomicLong serial = new AtomicLong(1);

  /** How many tokens the authority has issued so far. */
  public long tokensIssued() {
    return serial.get() - 1;
  }

  /** Starts the authority on a free loopback port. */
  public LoopbackTsa() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    KeyPair kp = g.generateKeyPair();
    X500Name name = new X500Name("CN=Tocsin Test TSA,O=Tocsin tests");
    long now = System.currentTimeMillis();
    JcaX509v3CertificateBuilder b =
        new JcaX509v3CertificateBuilder(
            name,
            BigInteger.valueOf(now),
            new Date(now - 3_600_000L),
            new Date(now + 86_400_000L),
            name,
            kp.getPublic());
    b.addExtension(
        Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
    var signer = new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate());
    X509CertificateHolder holder = b.build(signer);
    cert = new JcaX509CertificateConverter().getCertificate(holder);
    var sig =
        new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", kp.getPrivate(), cert);
    TimeStampTokenGenerator tokens =
        new TimeStampTokenGenerator(
            sig,
            new JcaDigestCalculatorProviderBuilder()
                .build()
                .get(
                    new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                        org.bouncycastle.asn1.oiw.OIWObjectIdentifiers.idSHA1)),
            new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"));
    tokens.addCertificates(new JcaCertStore(List.of(cert)));
    responder = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/tsa",
        ex -> {
          try (InputStream in = ex.getRequestBody()) {
            TimeStampRequest req = new TimeStampRequest(in.readAllBytes());
            TimeStampResponse resp =
                responder.generate(req, BigInteger.valueOf(serial.getAndIncrement()), new Date());
            byte[] out = resp.getEncoded();
            ex.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
            ex.sendResponseHeaders(200, out.length);
            try (OutputStream os = ex.getResponseBody()) {
              os.write(out);
            }
          } catch (Exception e) {
            ex.sendResponseHeaders(500, -1);
            throw new IOException("test TSA failed: " + e, e);
          } finally {
            ex.close();
          }
        });
    server.start();
  }

  /** The URL to POST time-stamp queries to. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
