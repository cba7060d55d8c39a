package org.tocsin.evidence.custody;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One custody event, the payload of a {@code CUSTODY} record.
 *
 * @param type what happened
 * @param subjects the seqs of the ledger records it concerns (captures, usually), at least one
 * @param actorKeyId who acted: an API key id, a user id or a component name ({@code crawler})
 * @param actorRole the actor's role ({@code analyst}, {@code prosecutor}, {@code system}, ...)
 * @param reason the stated reason, or {@code null}
 * @param query the search query that led to the access, or {@code null}
 * @param time when it happened (by the actor's clock; the record time is the ledger's)
 * @param details further facts as strings (model and version for {@code scored}, export id, ...)
 */
public record CustodyEvent(
    CustodyEventType type,
    List<Long> subjects,
    String actorKeyId,
    String actorRole,
    String reason,
    String query,
    Instant time,
    Map<String, String> details) {

  /** The most subjects one event may name. */
  public static final int MAX_SUBJECTS = 100_000;

  /** Checks and copies the fields; details are kept sorted by key. */
  public CustodyEvent {
    Objects.requireNonNull(type, "type");
    subjects = List.copyOf(subjects);
    if (subjects.isEmpty() || subjects.size() > MAX_SUBJECTS) {
      throw new IllegalArgumentException(
          "a custody event names 1 to " + MAX_SUBJECTS + " seqs [got " + subjects.size() + "]");
    }
    for (long s : subjects) {
      if (s < 1) {
        throw new IllegalArgumentException("subject seqs must be >= 1 [got " + s + "]");
      }
    }
    Objects.requireNonNull(actorKeyId, "actorKeyId");
    Objects.requireNonNull(actorRole, "actorRole");
    Objects.requireNonNull(time, "time");
    details =
        Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(details, "details")));
  }

  /** An event with no query and no details. */
  public static CustodyEvent of(
      CustodyEventType type, List<Long> subjects, String actor, String role, String reason) {
    return new CustodyEvent(type, subjects, actor, role, reason, null, Instant.now(), Map.of());
  }
}
