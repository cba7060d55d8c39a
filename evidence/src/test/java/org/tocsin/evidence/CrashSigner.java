package org.tocsin.evidence;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import org.tocsin.core.SuppressForbidden;
import org.tocsin.core.evidence.EvidenceRef;
import org.tocsin.evidence.sign.TreeHeadKeys;
import org.tocsin.evidence.sign.TreeHeadSigner;

/**
 * The child JVM of {@link CrashSigningTest}: appends captures with a window in flight while a
 * second thread signs tree heads back to back, and prints {@code ACK <seq> <n>} once capture {@code
 * n} is durable. The parent kills it with SIGKILL.
 */
public final class CrashSigner {

  private static final int WINDOW = 128;

  private CrashSigner() {}

  /** Appends and signs until killed; args: ledger directory, key directory, first capture n. */
  @SuppressForbidden(reason = "the ACK protocol with the parent test runs over stdout")
  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    TreeHeadKeys keys = TreeHeadKeys.loadOrCreate(Path.of(args[1]));
    long n = Long.parseLong(args[2]);
    try (FileEvidenceLog log = FileEvidenceLog.open(Path.of(args[0]))) {
      TreeHeadSigner signer = new TreeHeadSigner(log, keys, Duration.ofMillis(1));
      Thread signing =
          new Thread(
              () -> {
                try {
                  while (true) {
                    signer.signNow();
                  }
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              },
              "crash-test-signer");
      signing.setDaemon(true);
      signing.start();
      out.println("READY " + log.lastSeq());
      out.flush();
      ArrayDeque<CompletableFuture<EvidenceRef>> inFlight = new ArrayDeque<>();
      ArrayDeque<Long> ns = new ArrayDeque<>();
      while (true) {
        while (inFlight.size() < WINDOW) {
          ns.add(n);
          inFlight.add(log.appendCapture(HeadTamperTest.capture("crash capture " + n++)));
        }
        EvidenceRef ref = inFlight.poll().join();
        out.println("ACK " + ref.seq() + " " + ns.poll());
        out.flush();
      }
    }
  }
}
