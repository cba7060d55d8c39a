package org.tocsin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tocsin.evidence.export.BundleReport;
import org.tocsin.evidence.export.BundleVerifier;
import org.tocsin.evidence.sign.PublishedHead;
import org.tocsin.evidence.sign.TrustedKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tocsin verify-bundle}: checks an exported bundle offline, and says what the check rests on
 * (the bundled key alone, or a key the user trusts); exit codes as {@code tocsin verify}.
 */
@Command(
    name = "verify-bundle",
    mixinStandardHelpOptions = true,
    description = {
      "Checks an evidence bundle with nothing but the bundle: the BagIt manifests, the bag"
          + " signature that binds every file (VERIFY.md, the checker, custody, export.json,"
          + " bag-info.txt), every WARC payload digest, every inclusion proof up to the signed"
          + " tree head, the head's signature and the time-stamp tokens. Prints the first fault"
          + " with its location.",
      "A bundle carries its own key, so without --trusted-key the signatures prove only that"
          + " the bundled key signed it; give the operator's published key id or key file to"
          + " prove it is the operator's. --head checks a tree head published earlier against"
          + " the bundle's."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:every check passed and everything asked for was proven",
      "1:FAULT: the bundle fails a check (changed, re-bagged, or signed by an untrusted key)",
      "2:usage: bad option, unreadable key or head file",
      "3:NOT PROVEN: no check failed, but something could not be proven (an older bag format"
          + " whose files are not signed; a held head of another size)"
    })
final class VerifyBundleCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "The bag directory.")
  Path bag;

  @Option(
      names = "--trusted-key",
      paramLabel = "KEYID|FILE",
      description =
          "The tree-head key you trust, from a channel other than the bundle: its key id (64"
              + " hex digits) or its public key PEM file. Repeatable.")
  List<String> trustedKeys = new ArrayList<>();

  @Option(
      names = "--head",
      paramLabel = "FILE",
      description =
          "A tree head published earlier (JSON of GET /api/v1/evidence/tree-head, tree-head.json"
              + " or tree-head.bin). Repeatable.")
  List<Path> heads = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    TrustedKeys trusted;
    List<PublishedHead> held = new ArrayList<>();
    try {
      trusted = TrustedKeys.parse(trustedKeys);
      for (Path h : heads) {
        held.add(PublishedHead.read(h));
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    BundleReport r = BundleVerifier.verify(bag, trusted, held);
    out.println(r);
    if (!r.ok()) {
      return VerifyExit.FAULT;
    }
    for (String n : r.notes()) {
      out.println("NOT PROVEN: " + n);
    }
    for (String u : r.unproven().subList(Math.min(1, r.unproven().size()), r.unproven().size())) {
      out.println("NOT PROVEN: " + u);
    }
    if (!r.unproven().isEmpty()) {
      out.println("bundle NOT VERIFIED: " + r.unproven().get(0));
      return VerifyExit.NOT_PROVEN;
    }
    return VerifyExit.OK;
  }
}
