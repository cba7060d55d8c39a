package org.tocsin.campaigns.graph;

import java.util.Objects;
import org.tocsin.core.evidence.EvidenceRef;
import org.tocsin.core.post.PostKey;

/**
 * A post behind an edge: its key, and where its original bytes sit in the ledger when known.
 *
 * @param key platform and platform id
 * @param evidence the ledger reference, or {@code null} when the input came without one
 */
public record PostRef(PostKey key, EvidenceRef evidence) {

  /** Checks the key. */
  public PostRef {
    Objects.requireNonNull(key, "key");
  }
}
