package org.tocsin.evidence.timestamp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.evidence.FileEvidenceLog;
import org.tocsin.evidence.VerifyReport;
import org.tocsin.evidence.sign.TreeHeadEntry;
import org.tocsin.evidence.sign.TreeHeadKeys;
import org.tocsin.evidence.sign.TreeHeadSigner;

/** Stamps a signed tree head at a real TSA on loopback, stores the token, checks it twice. */
class TimestampClientTest {

  @TempDir Path tmp;
  LoopbackTsa tsa;

  @BeforeEach
  void start() throws Exception {
    tsa = new LoopbackTsa();
  }

  @AfterEach
  void stop() {
    tsa.close();
  }

  @Test
  void treeHeadTokenIsStoredAndVerifiesInTocsinAndWithOpenssl() throws Exception {
    Path dir = tmp.resolve("ledger");
    TreeHeadKeys keys = TreeHeadKeys.loadOrCreate(tmp.resolve("keys"));
    TimestampClient client =
        new TimestampClient(tsa.uri(), HttpClient.newHttpClient(), Duration.ofSeconds(10));
    TreeHeadEntry head;
    byte[] token;
    try (FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      java.time.Instant t = java.time.Instant.parse("2026-11-22T10:00:00Z");
      log.appendCapture(
              new org.tocsin.core.evidence.Capture(
                  "test:source",
                  "mastodon",
                  "GET",
                  "https://example.social/1",
                  200,
                  java.util.Map.of(),
                  "application/json",
                  t,
                  t,
                  "{}".getBytes(StandardCharsets.UTF_8)))
          .join();
      head = new TreeHeadSigner(log, keys, Duration.ofHours(1)).signNow();
      long seq = client.stampTreeHead(log, head).seq();
      TimestampRecord rec = TimestampRecord.decode(log.read(seq).payload());
      assertThat(rec.headSeq()).isEqualTo(head.seq());
      token = rec.token();
      assertThat(TimestampTokens.check(token, head.head().encode()).tsaCertificate())
          .isEqualTo(tsa.cert);
    }
    VerifyReport r = FileEvidenceLog.verify(dir, List.of(keys.publicKey()), List.of());
    assertThat(r.ok()).as(r.toString()).isTrue();
    assertThat(r.recordsChecked()).isEqualTo(3);
    try (FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      // the head's own token is not a reason to sign (and stamp) another head
      TreeHeadSigner signer = new TreeHeadSigner(log, keys, Duration.ofNanos(1));
      assertThat(signer.hasUnsignedRecords()).isFalse();
      assertThat(signer.signIfDue()).isEmpty();
      log.appendCapture(
              new org.tocsin.core.evidence.Capture(
                  "test:source",
                  "mastodon",
                  "GET",
                  "https://example.social/2",
                  200,
                  java.util.Map.of(),
                  "application/json",
                  java.time.Instant.parse("2026-11-22T10:01:00Z"),
                  java.time.Instant.parse("2026-11-22T10:01:00Z"),
                  "{}".getBytes(StandardCharsets.UTF_8)))
          .join();
      assertThat(signer.hasUnsignedRecords()).isTrue();
      assertThat(signer.signIfDue()).isPresent();
    }
    opensslVerifies(head.head().encode(), token);
  }

  private void opensslVerifies(byte[] data, byte[] token) throws Exception {
    Path dataFile = Files.write(tmp.resolve("head.bin"), data);
    Path tokenFile = Files.write(tmp.resolve("head.tst"), token);
    Path ca =
        Files.writeString(
            tmp.resolve("tsa.pem"), TreeHeadKeys.pem("CERTIFICATE", tsa.cert.getEncoded()));
    Process p;
    try {
      p =
          new ProcessBuilder(
                  "openssl",
                  "ts",
                  "-verify",
                  "-data",
                  dataFile.toString(),
                  "-in",
                  tokenFile.toString(),
                  "-token_in",
                  "-CAfile",
                  ca.toString())
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      Assumptions.abort("openssl is not installed, so the independent check is skipped: " + e);
      return;
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(out).as(out).contains("Verification: OK");
    assertThat(p.exitValue()).isZero();
  }
}
