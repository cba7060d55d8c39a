package org.tocsin.evidence.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.tocsin.evidence.format.v1.Sha256;
import org.tocsin.evidence.sign.SignedTreeHead;
import org.tocsin.evidence.sign.TreeHeadEntry;

/**
 * Writes {@code VERIFY.md} (plain-language steps for a court's expert, with standard tools) and
 * {@code verify_proofs.py} (a standard-library Python check of every inclusion proof) into a bag's
 * {@code data/}, from the templates beside this class.
 */
final class VerifyGuide {

  static final String GUIDE = "VERIFY.md";
  static final String SCRIPT = "verify_proofs.py";

  private VerifyGuide() {}

  static void write(
      Path data, String bag, TreeHeadEntry entry, List<Long> seqs, int stamps, boolean signedNew)
      throws IOException {
    SignedTreeHead h = entry.head();
    String ts =
        stamps == 0
            ? "The ledger holds no RFC 3161 time-stamp for this tree head yet, so the bag has none;"
                + " the signature (step 3) dates it by the ledger's own clock only."
            : "`timestamps/<seq>.tst` are RFC 3161 time-stamp tokens from an independent authority"
                + " over the exact bytes of `tree-head.bin`: they prove the head existed at the"
                + " authority's time. `tree-head.json` lists them. For each:\n\n"
                + "    openssl ts -verify -data tree-head.bin -in timestamps/<seq>.tst -token_in"
                + " -CAfile <the authority's CA certificate>\n\n"
                + "It must print `Verification: OK`. `timestamps/<seq>.tsa.pem` is the signing"
                + " certificate the token carries; trust it only after comparing it with the one"
                + " the authority publishes.";
    String text =
        template(GUIDE)
            .replace("{{bag}}", bag)
            .replace("{{ledgerId}}", Sha256.hex(h.ledgerId()))
            .replace("{{count}}", Integer.toString(seqs.size()))
            .replace(
                "{{seqs}}", seqs.stream().map(String::valueOf).collect(Collectors.joining(", ")))
            .replace("{{keyId}}", h.keyIdHex())
            .replace("{{treeSize}}", Long.toString(h.treeSize()))
            .replace("{{rootHash}}", h.rootHashHex())
            .replace(
                "{{signedNote}}",
                signedNew
                    ? "No earlier head covered these captures, so this head was signed for the"
                        + " export, at "
                        + h.time()
                        + " (ledger record "
                        + entry.seq()
                        + ")."
                    : "It was signed at " + h.time() + " (ledger record " + entry.seq() + ").")
            .replace("{{timestamps}}", ts);
    BagFiles.write(data.resolve(GUIDE), text);
    BagFiles.write(data.resolve(SCRIPT), template(SCRIPT));
  }

  private static String template(String name) throws IOException {
    try (InputStream in = VerifyGuide.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing resource " + name + " beside " + VerifyGuide.class);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
