package org.tocsin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.tocsin.evidence.FileEvidenceLog;
import org.tocsin.evidence.LedgerAudit;
import org.tocsin.evidence.custody.CustodyEvent;
import org.tocsin.evidence.custody.CustodyEventType;
import org.tocsin.evidence.format.v1.FormatV1;
import org.tocsin.evidence.sign.PublishedHead;
import org.tocsin.evidence.sign.TreeHeadKeys;
import org.tocsin.evidence.sign.TrustedKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tocsin verify}: checks every ledger record, hash link, Merkle root and signature, and says
 * what the check rests on. A verifier that printed OK while it could not tell a forged or cut
 * ledger from the real one would mislead a court, so every gap is named on its own line and the
 * exit code is 0 only when everything the user asked for was proven ({@link VerifyExit}).
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Checks the ledger, read-only (run it while no node writes to the data directory): its"
          + " header, every record's hash and hash link, every capture body, every tree head's"
          + " Merkle root, consistency and Ed25519 signature, every time-stamp. Prints the first"
          + " bad record with its seq and byte offset.",
      "Give the operator's published key (--trusted-key) to catch a forged ledger re-signed with"
          + " another key, and tree heads published earlier (--head) to catch a ledger cut at a"
          + " record boundary or rewritten. Without them verify says, one line each, what it"
          + " could NOT prove."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:every check passed and everything asked for was proven",
      "1:FAULT: the ledger fails a check (damaged, changed, cut, or signed by an untrusted key)",
      "2:usage: bad option, unreadable key or head file, no ledger",
      "3:NOT PROVEN: no check failed, but a signature could not be checked (no usable key)"
    })
final class VerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data directory.")
  Path data;

  @Option(
      names = "--trusted-key",
      paramLabel = "KEYID|FILE",
      description =
          "The tree-head key you trust, from a channel other than this data directory (tocsin"
              + " keys show, the operator's publication): its key id (64 hex digits) or its public"
              + " key PEM file. Every tree head must be signed by a trusted key. Repeatable.")
  List<String> trustedKeys = new ArrayList<>();

  @Option(
      names = "--head",
      paramLabel = "FILE",
      description =
          "A tree head published earlier: the JSON of GET /api/v1/evidence/tree-head, a bundle's"
              + " tree-head.json or tree-head.bin. The ledger must still hold the records it"
              + " covers, with the same Merkle root. Repeatable.")
  List<Path> heads = new ArrayList<>();

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
    if (!Files.isRegularFile(ledgerDir.resolve(FormatV1.FILE_NAME))
        && Files.isRegularFile(data.resolve(FormatV1.FILE_NAME))) {
      throw new ParameterException(
          spec.commandLine(),
          "no ledger in "
              + data
              + ": "
              + data
              + " is the ledger directory itself: give its parent, the data directory (--data "
              + data.toAbsolutePath().getParent()
              + ")");
    }
    if (!Files.isRegularFile(ledgerDir.resolve(FormatV1.FILE_NAME))) {
      throw new ParameterException(
          spec.commandLine(),
          "no ledger in "
              + data
              + " (expected the file "
              + ledgerDir.resolve(FormatV1.FILE_NAME)
              + ")");
    }
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
    LedgerKey ledgerKey = LedgerKey.read(data.resolve("ledger-keys"));
    List<PublicKey> candidates = new ArrayList<>();
    if (ledgerKey.key() != null) {
      candidates.add(ledgerKey.key());
    }
    held.stream().map(PublishedHead::publishedKey).filter(k -> k != null).forEach(candidates::add);
    List<PublicKey> keys;
    if (!trusted.isEmpty()) {
      keys = trusted.resolve(candidates);
    } else {
      keys = ledgerKey.key() == null ? List.of() : List.of(ledgerKey.key());
    }
    LedgerAudit a;
    try {
      a = FileEvidenceLog.audit(ledgerDir, keys, held.stream().map(PublishedHead::head).toList());
    } catch (NoSuchFileException e) {
      throw new ParameterException(spec.commandLine(), "no ledger file " + e.getFile());
    }
    if (!a.ok()) {
      out.println("ledger FAULT: " + a.report().firstProblem());
      return VerifyExit.FAULT;
    }
    long records = a.report().recordsChecked();
    out.printf(
        Locale.ROOT,
        "ledger checked: %,d records (hash chain, capture bodies, custody and time-stamp records,"
            + " Merkle roots and consistency of %,d tree heads)%n",
        records,
        a.treeHeads());
    List<String> unproven = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    if (a.treeHeads() > 0) {
      out.println(
          "tree heads signed by key "
              + String.join(", ", a.headKeyIds())
              + "; the last covers records 1 to "
              + a.lastHeadSize());
    }
    if (!trusted.isEmpty()) {
      Set<String> untrusted = new LinkedHashSet<>(a.headKeyIds());
      untrusted.removeAll(trusted.ids());
      if (!untrusted.isEmpty()) { // only reachable when no trusted key could be resolved
        out.println(
            "ledger FAULT: tree heads are signed by key "
                + String.join(", ", untrusted)
                + ", which is not a trusted key");
        return VerifyExit.FAULT;
      }
      if (a.treeHeads() == 0 && records > 0) {
        unproven.add(
            "the ledger holds no signed tree head, so none of its "
                + records
                + " records is signed by the trusted key");
      } else if (a.signaturesChecked()) {
        out.println(
            "signatures: every tree head verified under the trusted key "
                + String.join(", ", ids(keys)));
        if (held.isEmpty() && ledgerKey.privateBeside() && trusted.trusts(ledgerKey.id())) {
          // a trusted key tells the operator's signature from a forger's own key, not from a
          // forger who read the operator's private key out of this very data directory
          notes.add(
              "the private key of trusted key "
                  + ledgerKey.id()
                  + " is in ledger-keys/, beside the ledger: whoever could rewrite the ledger could"
                  + " re-sign it with that key; only a tree head held outside (--head) shows that"
                  + " the records it covers were not rewritten");
        }
      } else if (a.treeHeads() > 0) {
        unproven.add(
            "no public key for the trusted key id "
                + String.join(", ", trusted.unresolved(candidates))
                + " (ledger-keys/ holds "
                + ledgerKey.describe()
                + "): the signatures of "
                + a.treeHeads()
                + " tree heads were NOT checked; give the key file with --trusted-key FILE");
      }
    } else if (ledgerKey.key() == null) {
      // A court must not hear "verified" when no signature was checked: a forger who cannot sign
      // with the operator's key would simply delete it. So with signed heads in the ledger and no
      // key to check them, verify fails (NOT PROVEN), and says how to give the key.
      String why = ledgerKey.problem() + ": ";
      if (a.treeHeads() > 0) {
        unproven.add(
            why
                + "the signatures of "
                + a.treeHeads()
                + " tree heads were NOT checked; give the operator's published key with"
                + " --trusted-key");
      } else {
        notes.add(why + "there is no key to check tree heads with");
      }
    } else {
      notes.add(
          "no trusted key given: the signatures prove only that the keys in ledger-keys/ signed"
              + " these heads (key id "
              + ledgerKey.id()
              + "); compare it with the id the operator published, or pass --trusted-key");
    }
    if (held.isEmpty()) {
      notes.add(
          "no held head given: a ledger cut at a record boundary cannot be detected; pass --head"
              + " with a tree head published earlier (GET /api/v1/evidence/tree-head)");
    } else {
      for (PublishedHead h : held) {
        out.println(
            "held head "
                + h.source().getFileName()
                + " (size "
                + h.head().treeSize()
                + ", key "
                + h.head().keyIdHex()
                + "): the ledger holds its records with the same root");
      }
    }
    a.timestampSigners()
        .forEach(
            (signer, n) ->
                notes.add(
                    n
                        + " time-stamp token(s) signed by "
                        + signer
                        + ", each checked against the certificate it carries: whether that"
                        + " authority is one you trust is not proven; compare the certificate with"
                        + " the authority's, or check with openssl ts -verify -CAfile"
                        + " (docs/evidence-format.md 6.5)"));
    if (records > 0 && a.treeHeads() == 0) {
      notes.add("the ledger holds no signed tree head: nothing signed covers its records");
    } else if (records - a.lastHeadSize() > 1) {
      notes.add(
          "records "
              + (a.lastHeadSize() + 1)
              + " to "
              + records
              + " come after the last signed tree head's size: only the hash chain protects them");
    }
    for (String n : notes) {
      out.println("NOT PROVEN: " + n);
    }
    for (String u : unproven.subList(Math.min(1, unproven.size()), unproven.size())) {
      out.println("NOT PROVEN: " + u);
    }
    if (!unproven.isEmpty()) {
      out.println("ledger NOT VERIFIED: " + unproven.get(0));
      return VerifyExit.NOT_PROVEN;
    }
    out.println(
        "ledger OK"
            + (trusted.isEmpty() ? "" : ", signed by a trusted key")
            + (held.isEmpty() ? "" : ", consistent with " + held.size() + " held head(s)"));
    if (record && records > 0) {
      try (FileEvidenceLog log = FileEvidenceLog.open(ledgerDir)) {
        log.appendCustody(
                new CustodyEvent(
                    CustodyEventType.VERIFIED,
                    List.of(records),
                    "cli",
                    "operator",
                    null,
                    null,
                    Instant.now(),
                    Map.of(
                        "recordsChecked", Long.toString(records),
                        "signaturesChecked", Boolean.toString(a.signaturesChecked()),
                        "trustedKey", Boolean.toString(!trusted.isEmpty()),
                        "heldHeads", Integer.toString(held.size()))))
            .join();
      }
      out.println("recorded a 'verified' custody event");
    }
    return VerifyExit.OK;
  }

  private static List<String> ids(List<PublicKey> keys) {
    return keys.stream().map(TrustedKeys::idOf).toList();
  }

  /**
   * The public key in the data directory's key directory, or why there is none, and whether the
   * private key lies beside it.
   */
  record LedgerKey(PublicKey key, String problem, boolean privateBeside) {

    static LedgerKey read(Path keyDir) {
      Path pub = keyDir.resolve(TreeHeadKeys.PUBLIC_FILE);
      boolean priv = Files.exists(keyDir.resolve(TreeHeadKeys.PRIVATE_FILE));
      if (!Files.isDirectory(keyDir)) {
        return new LedgerKey(null, "the key directory ledger-keys/ is missing", false);
      }
      if (!Files.isRegularFile(pub)) {
        return new LedgerKey(
            null,
            "ledger-keys/ has no public key " + TreeHeadKeys.PUBLIC_FILE + " (deleted?)",
            priv);
      }
      try {
        return new LedgerKey(TreeHeadKeys.readPublicKey(pub), null, priv);
      } catch (IllegalArgumentException | IOException e) {
        return new LedgerKey(
            null,
            "ledger-keys/" + TreeHeadKeys.PUBLIC_FILE + " is not an Ed25519 public key",
            priv);
      }
    }

    String id() {
      return key == null ? "" : TrustedKeys.idOf(key);
    }

    String describe() {
      return key == null ? "no usable key" : "key " + id();
    }
  }
}
