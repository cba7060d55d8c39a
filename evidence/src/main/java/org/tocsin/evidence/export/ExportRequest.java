package org.tocsin.evidence.export;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What to export and why.
 *
 * @param seqs the seqs of the CAPTURE records to export (duplicates are dropped; order is by seq)
 * @param reason the stated reason for the export, recorded in the bag and in the ledger
 * @param actorKeyId who exports: the API key id or user id
 * @param actorRole the exporter's role ({@code prosecutor}, {@code analyst}, ...)
 * @param derived posts and scores per seq; a seq without an entry exports no derived data
 * @param sourceOrganization the bag's Source-Organization (the operator of this Tocsin)
 * @param documents further documents of the case, by file name, written as UTF-8 under {@code
 *     data/documents/} and covered like every payload file by the manifest and the bag signature
 *     (for example a campaign's edges and attribution summary); names match {@link #DOCUMENT_NAME}
 */
public record ExportRequest(
    List<Long> seqs,
    String reason,
    String actorKeyId,
    String actorRole,
    Map<Long, DerivedData> derived,
    String sourceOrganization,
    Map<String, String> documents) {

  /** What a document's file name must match: a plain name with an extension, no directories. */
  public static final Pattern DOCUMENT_NAME =
      Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}\\.[a-z]{2,5}");

  /** Most documents one export may carry. */
  public static final int MAX_DOCUMENTS = 32;

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
    documents = Collections.unmodifiableMap(new TreeMap<>(documents));
    if (documents.size() > MAX_DOCUMENTS) {
      throw new IllegalArgumentException(
          "at most " + MAX_DOCUMENTS + " documents [got " + documents.size() + "]");
    }
    for (Map.Entry<String, String> d : documents.entrySet()) {
      if (!DOCUMENT_NAME.matcher(d.getKey()).matches()) {
        throw new IllegalArgumentException(
            "a document name is a plain file name like edges.json [got " + d.getKey() + "]");
      }
      Objects.requireNonNull(d.getValue(), d.getKey());
    }
  }

  /** A request without documents. */
  public ExportRequest(
      List<Long> seqs,
      String reason,
      String actorKeyId,
      String actorRole,
      Map<Long, DerivedData> derived,
      String sourceOrganization) {
    this(seqs, reason, actorKeyId, actorRole, derived, sourceOrganization, Map.of());
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
