package org.tocsin.evidence.sign;

import java.util.Objects;

/**
 * A signed tree head as stored in the ledger.
 *
 * @param seq the seq of its {@code TREE_HEAD} record (always greater than the head's tree size)
 * @param head the head
 */
public record TreeHeadEntry(long seq, SignedTreeHead head) {

  /** Checks that the record comes after the records the head covers. */
  public TreeHeadEntry {
    Objects.requireNonNull(head, "head");
    if (seq <= head.treeSize()) {
      throw new IllegalArgumentException(
          "a tree head record must follow the records it covers [got seq "
              + seq
              + ", tree size "
              + head.treeSize()
              + "]");
    }
  }
}
