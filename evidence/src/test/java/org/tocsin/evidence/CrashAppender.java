package org.tocsin.evidence;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import org.tocsin.core.SuppressForbidden;

/**
 * The child JVM of {@link CrashRecoveryTest}: appends records for ever, keeping a window of appends
 * in flight, and prints {@code ACK <seq>} only after that record's future completed, that is, after
 * it was fsynced. The parent kills it with SIGKILL.
 */
public final class CrashAppender {

  private static final int WINDOW = 256;

  private CrashAppender() {}

  /** The payload of record {@code seq}, so that the parent can check what it reads back. */
  static byte[] payload(long seq) {
    return ("crash-test record " + seq + " " + "q".repeat((int) (seq % 13) * 40))
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Appends until killed; args: the ledger directory. */
  @SuppressForbidden(reason = "the ACK protocol with the parent test runs over stdout")
  public static void main(String[] args) throws IOException {
    PrintStream out = System.out;
    try (FileEvidenceLog log = FileEvidenceLog.open(Path.of(args[0]))) {
      long next = log.lastSeq() + 1;
      out.println("READY " + log.lastSeq());
      out.flush();
      ArrayDeque<CompletableFuture<LedgerEntry>> inFlight = new ArrayDeque<>();
      while (true) {
        while (inFlight.size() < WINDOW) {
          // One thread submits, so seqs follow submission order: record `next` gets seq `next`.
          inFlight.add(log.append(RecordType.CAPTURE, payload(next++)));
        }
        LedgerEntry e = inFlight.poll().join();
        out.println("ACK " + e.seq());
        out.flush();
      }
    }
  }
}
