package org.tocsin.node;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tocsin.evidence.FileEvidenceLog;
import org.tocsin.evidence.custody.CustodyEvent;
import org.tocsin.evidence.custody.CustodyEventType;

/**
 * Writes custody events to the ledger: what the pipeline did to each capture (scored, indexed,
 * deleted upstream) and who accessed evidence, with their role, stated reason and query. Appends go
 * through the ledger's group commit and are not awaited; a failure is logged loudly, since a gap in
 * the custody log is what a defence expert looks for.
 */
public final class Custody {
  private static final Logger LOG = Logger.getLogger(Custody.class.getName());

  /** The actor name of the node's own pipeline. */
  public static final String SYSTEM = "tocsin-pipeline";

  private final FileEvidenceLog ledger;

  /** Creates the recorder for a ledger. */
  public Custody(FileEvidenceLog ledger) {
    this.ledger = ledger;
  }

  /** Records an event by the pipeline itself. */
  public void system(CustodyEventType type, List<Long> subjects, Map<String, String> details) {
    record(
        new CustodyEvent(
            type, subjects, SYSTEM, "system", null, null, java.time.Instant.now(), details));
  }

  /**
   * Records that a key read evidence: the subjects, the role, the stated reason and the query. The
   * future completes when the event is durable; API responses wait for it.
   */
  public java.util.concurrent.CompletableFuture<?> accessed(
      List<Long> subjects, String keyId, String role, String reason, String query, String how) {
    if (subjects.isEmpty()) {
      return java.util.concurrent.CompletableFuture.completedFuture(null);
    }
    return record(
        new CustodyEvent(
            CustodyEventType.ACCESSED,
            subjects,
            keyId,
            role,
            reason,
            query,
            java.time.Instant.now(),
            Map.of("via", how)));
  }

  /** Appends an event; the returned future completes when it is durable. */
  public java.util.concurrent.CompletableFuture<?> record(CustodyEvent event) {
    return ledger
        .appendCustody(event)
        .whenComplete(
            (entry, error) -> {
              if (error != null) {
                LOG.log(Level.SEVERE, "custody event NOT recorded: " + event, error);
              }
            });
  }
}
