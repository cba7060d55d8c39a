package org.tocsin.evidence.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.tocsin.evidence.sign.TreeHeadEntry;

/**
 * What an export wrote.
 *
 * @param bag the bag directory
 * @param bagName the bag's name (its directory name), as recorded in the ledger
 * @param bagSha256 the bag digest: lower-case hex SHA-256 of its {@code tagmanifest-sha256.txt},
 *     which commits to every file of the bag; recorded in the ledger's {@code exported} event
 * @param exportId a random id of this export, in the bag and in the ledger
 * @param head the signed tree head the proofs lead to
 * @param signedNewHead whether the export had to sign that head because no head covered the items
 * @param exportEventSeq the seq of the {@code exported} custody record appended after sealing
 * @param seqs the exported capture seqs, in order
 */
public record ExportResult(
    Path bag,
    String bagName,
    String bagSha256,
    String exportId,
    TreeHeadEntry head,
    boolean signedNewHead,
    long exportEventSeq,
    List<Long> seqs) {

  /** Checks and copies the fields. */
  public ExportResult {
    Objects.requireNonNull(bag, "bag");
    Objects.requireNonNull(bagName, "bagName");
    Objects.requireNonNull(bagSha256, "bagSha256");
    Objects.requireNonNull(exportId, "exportId");
    Objects.requireNonNull(head, "head");
    seqs = List.copyOf(seqs);
  }
}
