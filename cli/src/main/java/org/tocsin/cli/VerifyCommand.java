package org.tocsin.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tocsin.evidence.FileEvidenceLog;
import org.tocsin.evidence.VerifyReport;
import org.tocsin.evidence.sign.TreeHeadKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tocsin verify}: checks every ledger record and hash link. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Checks the ledger, read-only: its header, every record's hash and every link of the hash chain (run it while no node writes to the data directory). Prints the first bad record with its seq and byte offset and exits with 1 on any fault."
    })
final class VerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data directory.")
  Path data;

  @Option(
      names = "--record",
      description =
          "After a successful check, append a 'verified' custody event naming the records checked"
              + " (the check itself stays read-only).")
  boolean record;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path ledgerDir = data.resolve("ledger");
    if (!Files.isDirectory(ledgerDir)) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "no ledger in " + data + " (expected " + ledgerDir + ")");
    }
    // Read-only: verification never changes the ledger, not even to cut a torn tail.
    Path publicKey = data.resolve("ledger-keys").resolve(TreeHeadKeys.PUBLIC_FILE);
    List<PublicKey> keys = new ArrayList<>();
    if (Files.exists(publicKey)) {
      keys.add(TreeHeadKeys.readPublicKey(publicKey));
    } else {
      out.println("WARNING: no public key at " + publicKey + ": tree-head signatures NOT checked");
    }
    VerifyReport report = FileEvidenceLog.verify(ledgerDir, keys, List.of());
    if (report.ok()) {
      out.printf(
          Locale.ROOT,
          "ledger OK: %,d records verified (hash chain, capture digests, Merkle roots of tree heads%s)%n",
          report.recordsChecked(),
          keys.isEmpty() ? "" : "; signed tree heads checked with key " + publicKey);
      if (record && report.recordsChecked() > 0) {
        try (org.tocsin.evidence.FileEvidenceLog log = FileEvidenceLog.open(ledgerDir)) {
          log.appendCustody(
                  new org.tocsin.evidence.custody.CustodyEvent(
                      org.tocsin.evidence.custody.CustodyEventType.VERIFIED,
                      List.of(report.recordsChecked()),
                      "cli",
                      "operator",
                      null,
                      null,
                      java.time.Instant.now(),
                      java.util.Map.of(
                          "recordsChecked", Long.toString(report.recordsChecked()),
                          "signaturesChecked", Boolean.toString(!keys.isEmpty()))))
              .join();
        }
        out.println("recorded a 'verified' custody event");
      }
      return 0;
    }
    out.println("ledger FAULT: " + report.firstProblem());
    return 1;
  }
}
