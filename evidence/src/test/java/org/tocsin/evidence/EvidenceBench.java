package org.tocsin.evidence;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.tocsin.evidence.capture.CaptureCodec;
import org.tocsin.evidence.merkle.MerkleVerifier;
import org.tocsin.evidence.sign.SignedTreeHead;
import org.tocsin.evidence.sign.TreeHeadKeys;
import org.tocsin.evidence.sign.TreeHeadSigner;

/**
 * A short benchmark (well under 2 minutes): appends/s with group commit, open and full verification
 * time, proof sizes and times. Args: work directory, results file, record count. Writes Markdown.
 */
public final class EvidenceBench {

  private EvidenceBench() {}

  /** Runs the benchmark. */
  public static void main(String[] args) throws Exception {
    Path work = Files.createDirectories(Path.of(args[0]));
    Path out = Path.of(args[1]);
    int n = Integer.parseInt(args[2]);
    Path dir = work.resolve("ledger");
    TreeHeadKeys keys = TreeHeadKeys.loadOrCreate(work.resolve("keys"));
    byte[] payload =
        CaptureCodec.encode(
            HeadTamperTest.capture(
                "{\"id\":\"1\",\"content\":\"" + "x".repeat(300) + "\",\"account\":{}}"));
    List<String> lines = new ArrayList<>();
    lines.add("# Evidence ledger benchmark, " + LocalDate.now(ZoneOffset.UTC));
    lines.add("");
    lines.add(
        "Machine: "
            + Runtime.getRuntime().availableProcessors()
            + " cores, "
            + System.getProperty("os.name")
            + " "
            + System.getProperty("os.arch")
            + ", JDK "
            + System.getProperty("java.version")
            + ", heap max "
            + Runtime.getRuntime().maxMemory() / (1 << 20)
            + " MiB; the machine is shared with other builds (load average at start "
            + String.format(
                Locale.ROOT,
                "%.1f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
            + "), so treat these as lower bounds. One run each, no warm-up beyond the run itself.");
    lines.add("");
    lines.add(
        "Records: "
            + n
            + " CAPTURE records of "
            + payload.length
            + " payload bytes, a signed tree head every 10,000.");
    lines.add("");
    long t0 = System.nanoTime();
    long syncs;
    try (FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      TreeHeadSigner signer = new TreeHeadSigner(log, keys, Duration.ofDays(1));
      ArrayDeque<CompletableFuture<LedgerEntry>> inFlight = new ArrayDeque<>();
      for (int i = 1; i <= n; i++) {
        inFlight.add(log.append(RecordType.CAPTURE, payload));
        if (inFlight.size() >= 8192) {
          inFlight.poll().join();
        }
        if (i % 10_000 == 0) {
          signer.signNow();
        }
      }
      inFlight.forEach(CompletableFuture::join);
      signer.close();
      syncs = log.syncCount();
    }
    double appendSec = (System.nanoTime() - t0) / 1e9;
    long fileBytes = Files.size(dir.resolve("ledger.tlg"));
    lines.add(
        row(
            "appends (8,192 in flight, group commit, fdatasync per batch)",
            String.format(
                Locale.ROOT,
                "%,.0f appends/s (%.2f s, %,d fsyncs, %,.1f MB/s)",
                n / appendSec,
                appendSec,
                syncs,
                fileBytes / appendSec / 1e6)));
    long t1 = System.nanoTime();
    long records;
    SignedTreeHead head;
    List<Long> inclusionNanos = new ArrayList<>();
    int proofHashes = 0;
    long consNanos;
    int consHashes;
    try (FileEvidenceLog log = FileEvidenceLog.open(dir)) {
      double openSec = (System.nanoTime() - t1) / 1e9;
      records = log.lastSeq();
      lines.add(
          row(
              "open (scan, chain check, Merkle tree rebuilt)",
              String.format(
                  Locale.ROOT,
                  "%.2f s, %.1f s per million records, tree memory %,d MiB",
                  openSec,
                  openSec * 1e6 / records,
                  log.merkleMemoryBytes() / (1 << 20))));
      head = log.latestTreeHead().orElseThrow().head();
      Random rnd = new Random(42);
      for (int i = 0; i < 10_000; i++) {
        long seq = 1 + rnd.nextInt((int) head.treeSize());
        long s = System.nanoTime();
        List<byte[]> p = log.inclusionProof(seq, head.treeSize());
        boolean ok =
            MerkleVerifier.verifyInclusion(
                log.leafHash(seq), seq - 1, head.treeSize(), p, head.rootHash());
        inclusionNanos.add(System.nanoTime() - s);
        proofHashes = p.size();
        if (!ok) {
          throw new IllegalStateException("proof failed for " + seq);
        }
      }
      SignedTreeHead first = log.treeHeads().get(0).head();
      long s = System.nanoTime();
      List<byte[]> cp = log.consistencyProof(first.treeSize(), head.treeSize());
      MerkleVerifier.verifyConsistency(
          first.treeSize(), head.treeSize(), first.rootHash(), head.rootHash(), cp);
      consNanos = System.nanoTime() - s;
      consHashes = cp.size();
    }
    inclusionNanos.sort(null);
    lines.add(
        row(
            "inclusion proof, make + verify (10,000 random seqs, tree of " + head.treeSize() + ")",
            String.format(
                Locale.ROOT,
                "%d hashes = %d bytes; p50 %.1f µs, p99 %.1f µs",
                proofHashes,
                proofHashes * 32,
                inclusionNanos.get(5000) / 1e3,
                inclusionNanos.get(9900) / 1e3)));
    lines.add(
        row(
            "consistency proof, make + verify (first head to last)",
            String.format(
                Locale.ROOT,
                "%d hashes = %d bytes; %.1f µs (one cold run)",
                consHashes,
                consHashes * 32,
                consNanos / 1e3)));
    long t2 = System.nanoTime();
    VerifyReport r = FileEvidenceLog.verify(dir, List.of(keys.publicKey()), List.of());
    double verifySec = (System.nanoTime() - t2) / 1e9;
    if (!r.ok()) {
      throw new IllegalStateException(r.toString());
    }
    lines.add(
        row(
            "full verify with key (chain, captures decoded and body digests, heads: root, consistency, signature)",
            String.format(
                Locale.ROOT,
                "%.2f s for %,d records = %.1f s per million (%,.0f records/min)",
                verifySec,
                records,
                verifySec * 1e6 / records,
                records / verifySec * 60)));
    long t3 = System.nanoTime();
    FileEvidenceLog.verify(dir);
    double chainSec = (System.nanoTime() - t3) / 1e9;
    lines.add(
        row(
            "chain-only verify (`FileEvidenceLog.verify(dir)`)",
            String.format(
                Locale.ROOT, "%.2f s = %.1f s per million", chainSec, chainSec * 1e6 / records)));
    lines.add("");
    lines.add("Ledger file: " + String.format(Locale.ROOT, "%,d", fileBytes) + " bytes.");
    Files.createDirectories(out.getParent());
    Files.write(out, lines);
  }

  private static String row(String what, String value) {
    return "- **" + what + "**: " + value;
  }
}
