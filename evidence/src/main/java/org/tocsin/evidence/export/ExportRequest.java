package org.tocsin.evidence.export;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What to export and why.
 *
 * @param seqs the seqs of the CAPTURE records to export (duplicates are dropped; order is by seq)
 * @param reason the stated reason for the export, recorded in the bag and in the ledger
 * @param actorKeyId who exports: the API key id or user id
 * @param actorRole the exporter's role ({@code prosecutor}, {@code analyst}, ...)
 * @param derived posts and scores per seq; a seq without an entry exports no derived data
 * @param sourceOrganization the bag's Source-Organization (the operator of this Tocsin)
 */
public record ExportRequest(
    List<Long> seqs,
    String reason,
    String actorKeyId,
    String actorRole,
    Map<Long, DerivedData> derived,
    String sourceOrganization) {

  /** The Source-Organization used when none is given. */
  public static final String DEFAULT_SOURCE_ORGANIZATION = "Tocsin";

  /** Checks and copies the fields. */
  public ExportRequest {
    seqs = List.copyOf(new TreeSet<>(seqs));
    if (seqs.isEmpty()) {
      throw new IllegalArgumentException("an export names at least one seq [got none]");
    }
    Objects.requireNonNull(reason, "reason");
    if (reason.isBlank()) {
      throw new IllegalArgumentException("an export needs a stated reason [got blank]");
    }
    Objects.requireNonNull(actorKeyId, "actorKeyId");
    Objects.requireNonNull(actorRole, "actorRole");
    derived = Map.copyOf(derived);
    for (Long s : derived.keySet()) {
      if (!seqs.contains(s)) {
        throw new IllegalArgumentException("derived data for a seq not exported [got " + s + "]");
      }
    }
    Objects.requireNonNull(sourceOrganization, "sourceOrganization");
  }

  /** A request with the default Source-Organization. */
  public ExportRequest(
      List<Long> seqs,
      String reason,
      String actorKeyId,
      String actorRole,
      Map<Long, DerivedData> derived) {
    this(seqs, reason, actorKeyId, actorRole, derived, DEFAULT_SOURCE_ORGANIZATION);
  }

  /** The derived data of one seq, or {@link DerivedData#NONE}. */
  public DerivedData derivedFor(long seq) {
    return derived.getOrDefault(seq, DerivedData.NONE);
  }
}
