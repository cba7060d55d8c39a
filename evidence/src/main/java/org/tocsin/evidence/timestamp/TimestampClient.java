package org.tocsin.evidence.timestamp;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.tocsin.evidence.FileEvidenceLog;
import org.tocsin.evidence.LedgerEntry;
import org.tocsin.evidence.RecordType;
import org.tocsin.evidence.format.v1.Sha256;
import org.tocsin.evidence.sign.TreeHeadEntry;

/**
 * Asks an RFC 3161 time-stamp authority to stamp bytes: an HTTP POST of {@code
 * application/timestamp-query} with a SHA-256 imprint, a random 64-bit nonce and {@code certReq},
 * and checks the reply (status granted, the same imprint and nonce, a token that verifies).
 */
public final class TimestampClient {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final URI tsa;
  private final HttpClient http;
  private final Duration timeout;

  /**
   * A client of one authority.
   *
   * @param tsa the authority's URL
   * @param http the HTTP client to use (the caller owns its threads)
   * @param timeout how long one request may take
   */
  public TimestampClient(URI tsa, HttpClient http, Duration timeout) {
    this.tsa = Objects.requireNonNull(tsa, "tsa");
    this.http = Objects.requireNonNull(http, "http");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /** The authority's URL. */
  public URI tsa() {
    return tsa;
  }

  /**
   * Gets a token stamping the SHA-256 of {@code data}; returns its DER.
   *
   * @throws IOException if the request fails or the authority's reply is refused or does not check
   */
  public byte[] stamp(byte[] data) throws IOException {
    TimeStampRequestGenerator gen = new TimeStampRequestGenerator();
    gen.setCertReq(true);
    BigInteger nonce = new BigInteger(64, RANDOM);
    TimeStampRequest req = gen.generate(TSPAlgorithms.SHA256, Sha256.digest(data), nonce);
    HttpRequest http =
        HttpRequest.newBuilder(tsa)
            .timeout(timeout)
            .header("Content-Type", "application/timestamp-query")
            .POST(HttpRequest.BodyPublishers.ofByteArray(req.getEncoded()))
            .build();
    HttpResponse<byte[]> resp;
    try {
      resp = this.http.send(http, HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted asking " + tsa + " for a time-stamp", e);
    }
    if (resp.statusCode() != 200) {
      throw new IOException("time-stamp authority " + tsa + " answered HTTP " + resp.statusCode());
    }
    try {
      TimeStampResponse tsr = new TimeStampResponse(resp.body());
      tsr.validate(req); // status, imprint, nonce, policy and the token's signature and certificate
      if (tsr.getTimeStampToken() == null) {
        throw new IOException("time-stamp authority " + tsa + " refused: " + tsr.getStatusString());
      }
      byte[] token = tsr.getTimeStampToken().getEncoded();
      TimestampTokens.check(token, data);
      return token;
    } catch (TSPException | IllegalArgumentException e) {
      throw new IOException(
          "bad reply from time-stamp authority " + tsa + ": " + e.getMessage(), e);
    }
  }

  /**
   * Stamps a signed tree head (the SHA-256 of its {@code TREE_HEAD} payload) and appends the token
   * as a {@code TIMESTAMP} record; returns the record's entry once durable.
   */
  public LedgerEntry stampTreeHead(FileEvidenceLog log, TreeHeadEntry head) throws IOException {
    byte[] token = stamp(head.head().encode());
    try {
      return log.append(RecordType.TIMESTAMP, new TimestampRecord(head.seq(), token).encode())
          .join();
    } catch (CompletionException e) {
      throw new IOException("appending the time-stamp of head " + head.seq() + " failed", e);
    }
  }
}
