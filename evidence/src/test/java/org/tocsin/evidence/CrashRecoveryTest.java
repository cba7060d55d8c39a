package org.tocsin.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Kills a writing JVM with SIGKILL and checks that every acknowledged record survived. */
class CrashRecoveryTest {

  private static final int MIN_ACKS = 2000;

  @TempDir Path dir;

  @Test
  @Timeout(120)
  void everyAcknowledgedRecordSurvivesSigkill() throws Exception {
    Path ledgerDir = dir.resolve("ledger");
    long acked = crashWhileAppending(ledgerDir, 0);
    long ackedAgain = checkAndCrashAgain(ledgerDir, acked);
    try (FileEvidenceLog log = FileEvidenceLog.open(ledgerDir)) {
      assertThat(log.lastSeq()).isGreaterThanOrEqualTo(ackedAgain);
      assertThat(log.verify().ok()).isTrue();
    }
  }

  private long checkAndCrashAgain(Path ledgerDir, long acked) throws Exception {
    long last;
    try (FileEvidenceLog log = FileEvidenceLog.open(ledgerDir)) {
      last = log.lastSeq();
      assertThat(last).isGreaterThanOrEqualTo(acked);
      for (long seq = 1; seq <= last; seq++) {
        assertThat(log.read(seq).payload()).isEqualTo(CrashAppender.payload(seq));
      }
      VerifyReport report = log.verify();
      assertThat(report.ok()).as(report.toString()).isTrue();
      assertThat(report.recordsChecked()).isEqualTo(last);
    }
    // A second run appends after the recovered end and is killed again.
    return crashWhileAppending(ledgerDir, last);
  }

  /** Runs the child until it acknowledged MIN_ACKS records, kills it, returns the highest ack. */
  private long crashWhileAppending(Path ledgerDir, long startSeq) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path stderr = dir.resolve("child-stderr-" + startSeq + ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CrashAppender.class.getName(),
                ledgerDir.toString())
            .redirectError(stderr.toFile());
    Process child = pb.start();
    long acks = 0;
    long highest = 0;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      assertThat(line)
          .as(() -> "child output; stderr: " + read(stderr))
          .isEqualTo("READY " + startSeq);
      while (acks < MIN_ACKS && (line = out.readLine()) != null) {
        assertThat(line).startsWith("ACK ");
        long seq = Long.parseLong(line.substring(4));
        assertThat(seq).isEqualTo(startSeq + acks + 1);
        acks++;
        highest = seq;
      }
      // SIGKILL while the child is still appending; destroying also closes our end of its stdout.
      child.destroyForcibly();
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(acks)
        .as(() -> "acks before the child died; stderr: " + read(stderr))
        .isGreaterThanOrEqualTo(MIN_ACKS);
    return highest;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
