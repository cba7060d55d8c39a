package org.tocsin.node;

import java.util.List;
import org.tocsin.core.evidence.EvidenceRef;

/** Hears what an import does, line by line and batch by batch; used for progress and reports. */
public interface ImportListener {

  /** A listener that hears nothing. */
  ImportListener NONE = new ImportListener() {};

  /** A line was not a valid post; it was skipped and nothing of it was stored. */
  default void rejected(long lineNumber, String reason) {}

  /** A batch of posts is durable in the ledger (acknowledged); their refs in line order. */
  default void acknowledged(List<EvidenceRef> refs, long linesRead, long bytesRead) {}

  /** The index caught up with the ledger after a batch. */
  default void indexed(CatchUpReport report) {}
}
