package org.tocsin.evidence;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link FileEvidenceLog#audit} found: the verdict, and the facts a user needs to judge what
 * the verdict proves (how many tree heads the ledger holds, which keys signed them, whether their
 * signatures were checked at all, how many held heads were compared).
 *
 * @param report the verdict; the first problem, naming the seq and byte offset, if any
 * @param treeHeads how many TREE_HEAD records were read before the verdict
 * @param headKeyIds the lower-case hex key ids that signed those heads, each once, in order
 * @param lastHeadSize the tree size of the last head read, or -1 if there was none
 * @param signaturesChecked whether head signatures were checked (some key was given)
 * @param heldHeadsChecked how many held heads were compared with the ledger and matched
 * @param timestampSigners for each certificate that signed a time-stamp token, read as {@code
 *     <subject> (certificate sha256 <hex>)}, how many tokens it signed, in order of first use; a
 *     token is checked against the certificate it carries, so whether that is an authority the
 *     reader trusts is the reader's decision
 */
public record LedgerAudit(
    VerifyReport report,
    long treeHeads,
    List<String> headKeyIds,
    long lastHeadSize,
    boolean signaturesChecked,
    int heldHeadsChecked,
    Map<String, Long> timestampSigners) {

  /** Copies the key id list and the signers, keeping their order. */
  public LedgerAudit {
    Objects.requireNonNull(report, "report");
    headKeyIds = List.copyOf(headKeyIds);
    timestampSigners = Collections.unmodifiableMap(new LinkedHashMap<>(timestampSigners));
  }

  /** Whether every check passed. */
  public boolean ok() {
    return report.ok();
  }
}
