package org.tocsin.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.evidence.sign.TreeHeadKeys;

/**
 * SIGKILL while captures are appended and tree heads are signed back to back: after restart the
 * ledger verifies with the key (chain, every head's root, signature and consistency) and every
 * acknowledged capture is there.
 */
class CrashSigningTest {

  private static final int MIN_ACKS = 1500;

  @TempDir Path dir;

  @Test
  @Timeout(120)
  void everyAcknowledgedCaptureSurvivesAndHeadsVerifyAfterSigkill() throws Exception {
    Path ledger = dir.resolve("ledger");
    Path keyDir = dir.resolve("keys");
    Map<Long, Long> acked = new HashMap<>();
    long next = 1;
    for (int round = 0; round < 2; round++) {
      next = crash(ledger, keyDir, next, acked) + 1;
      try (FileEvidenceLog log = FileEvidenceLog.open(ledger)) {
        for (Map.Entry<Long, Long> e : acked.entrySet()) {
          assertThat(new String(log.readCapture(e.getKey()).body(), StandardCharsets.UTF_8))
              .isEqualTo("crash capture " + e.getValue());
        }
        assertThat(log.treeHeads()).isNotEmpty();
      }
      TreeHeadKeys keys = TreeHeadKeys.loadOrCreate(keyDir);
      VerifyReport r = FileEvidenceLog.verify(ledger, List.of(keys.publicKey()), List.of());
      assertThat(r.ok()).as(r.toString()).isTrue();
    }
  }

  /** Runs the child until MIN_ACKS acks, kills it; returns the highest capture number acked. */
  private long crash(Path ledger, Path keyDir, long firstN, Map<Long, Long> acked)
      throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CrashSigner.class.getName(),
                ledger.toString(),
                keyDir.toString(),
                Long.toString(firstN))
            .redirectError(dir.resolve("child-stderr-" + firstN + ".txt").toFile())
            .start();
    long highest = firstN - 1;
    int acks = 0;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      assertThat(line).startsWith("READY ");
      while (acks < MIN_ACKS && (line = out.readLine()) != null) {
        String[] f = line.split(" ");
        assertThat(f[0]).isEqualTo("ACK");
        acked.put(Long.parseLong(f[1]), Long.parseLong(f[2]));
        highest = Math.max(highest, Long.parseLong(f[2]));
        acks++;
      }
      child.destroyForcibly();
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(acks).isEqualTo(MIN_ACKS);
    // Captures submitted but not acked may be in the ledger too; start the next round past them.
    return highest + 1000;
  }
}
