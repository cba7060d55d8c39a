package org.tocsin.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tocsin.evidence.export.BundleReport;
import org.tocsin.evidence.export.BundleVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tocsin verify-bundle}: checks an exported bundle offline, with nothing but the bundle. */
@Command(
    name = "verify-bundle",
    mixinStandardHelpOptions = true,
    description = {
      "Checks an evidence bundle with nothing but the bundle: the BagIt manifests, every WARC"
          + " payload digest, every inclusion proof up to the signed tree head, the head's"
          + " signature with the bundled public key, and the timestamp tokens. Prints the first"
          + " fault with its location and exits with 1 on any fault. Compare the printed key id"
          + " with the one the node publishes (tocsin keys show)."
    })
final class VerifyBundleCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "The bag directory.")
  Path bag;

  @Override
  public Integer call() {
    BundleReport r = BundleVerifier.verify(bag);
    spec.commandLine().getOut().println(r);
    return r.ok() ? 0 : 1;
  }
}
