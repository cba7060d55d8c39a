package org.tocsin.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.post.Post;
import org.tocsin.core.post.PostKey;
import org.tocsin.evidence.VerifyReport;
import org.tocsin.node.config.TocsinConfig;
import org.tocsin.testkit.RealPosts;
import org.tocsin.testkit.TestNodes;

/**
 * Kills a JVM with SIGKILL in the middle of an import and shows that, after restart, every post
 * whose append was acknowledged is in the ledger and, after catch-up, in the index, and that the
 * chain verifies.
 */
class CrashImportTest {
  @TempDir Path dir;

  @Test
  void everyAcknowledgedPostSurvivesKillDashNine() throws Exception {
    List<Post> real = RealPosts.sample();
    List<Post> posts = new ArrayList<>();
    for (int i = 0; i < 60_000; i++) {
      posts.add(real.get(i % real.size()).withId("crash-" + (i + 1)));
    }
    Path input = TestNodes.writeJsonl(dir.resolve("input.jsonl"), posts);
    Path config = dir.resolve("tocsin.json");
    Files.writeString(config, "{\"ingest\": {\"batchSize\": 200}}");
    Path data = dir.resolve("data");

    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                CrashImportChild.class.getName(),
                data.toString(),
                config.toString(),
                input.toString())
            .redirectError(dir.resolve("child.err").toFile())
            .start();
    long ackedSeq = 0;
    long ackedLines = 0;
    int acks = 0;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("ACK ")) {
          String[] parts = line.split(" ");
          ackedSeq = Long.parseLong(parts[1]);
          ackedLines = Long.parseLong(parts[2]);
          if (++acks == 25) {
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no flush
            break;
          }
        }
      }
    }
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(acks)
        .as("child stderr: %s", Files.readString(dir.resolve("child.err")))
        .isEqualTo(25);
    assertThat(ackedLines).isLessThan(posts.size()); // it really died mid-import

    try (TocsinNode node = TocsinNode.open(data, TocsinConfig.defaults())) {
      VerifyReport report = node.ledger().verify();
      assertThat(report.ok()).as("verify: %s", report.firstProblem()).isTrue();
      assertThat(node.ledger().lastSeq()).isGreaterThanOrEqualTo(ackedSeq);
      assertThat(node.index().lastIndexedSeq()).isLessThanOrEqualTo(node.ledger().lastSeq());
      for (long n = 1; n <= ackedLines; n++) {
        PostKey key = new PostKey(real.get((int) ((n - 1) % real.size())).platform(), "crash-" + n);
        assertThat(node.index().get(key)).as("post %s after restart", key).isPresent();
      }
      // nothing beyond what the ledger holds was indexed, and nothing was indexed twice
      long[] captures = {0};
      node.ledger()
          .scan(
              1,
              rec -> {
                if (rec.type() == org.tocsin.evidence.RecordType.CAPTURE) {
                  captures[0]++;
                }
                return true;
              });
      assertThat(captures[0]).isGreaterThanOrEqualTo(ackedLines);
      assertThat(node.index().count()).isEqualTo(captures[0]);
      // and the restarted node signed a tree head over the recovered ledger at close
      VerifyReport withKey =
          org.tocsin.evidence.FileEvidenceLog.verify(
              data.resolve("ledger"), List.of(node.signingKeys().publicKey()), List.of());
      assertThat(withKey.ok()).as("%s", withKey.firstProblem()).isTrue();
    }
  }
}
