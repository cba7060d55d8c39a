package org.tocsin.campaigns.graph;

import java.util.List;
import java.util.Objects;

/**
 * An edge of the coordination graph: two accounts, how strongly they co-shared, and the evidence.
 *
 * @param accountA one author id (the lesser in detection order)
 * @param accountB the other author id
 * @param weight co-shares counted as the smaller of the numbers of distinct posts each account
 *     contributed, across all signals
 * @param signals per signal, its evidence
 * @param posts every post of either account behind the edge, in time order
 */
public record CoordinationEdge(
    String accountA,
    String accountB,
    int weight,
    List<SignalEvidence> signals,
    List<PostRef> posts) {

  /** Checks the fields and freezes the lists. */
  public CoordinationEdge {
    Objects.requireNonNull(accountA, "accountA");
    Objects.requireNonNull(accountB, "accountB");
    signals = List.copyOf(signals);
    posts = List.copyOf(posts);
  }
}
