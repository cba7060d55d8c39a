package org.tocsin.campaigns.attribution;

import java.util.List;
import java.util.Objects;
import org.tocsin.campaigns.signal.Signal;

/**
 * What one signal shows across a campaign's edges.
 *
 * @param signal the signal
 * @param coShares co-shares under it, over all edges
 * @param accountPairs edges that have it
 * @param objects the most co-shared objects, most first (at most five)
 * @param medianGapSeconds median of the edges' median gaps between two accounts' posts
 * @param maxGapSeconds longest gap of any co-share
 */
public record SignalFinding(
    Signal signal,
    int coShares,
    int accountPairs,
    List<String> objects,
    double medianGapSeconds,
    double maxGapSeconds) {

  /** Checks the fields and freezes the list. */
  public SignalFinding {
    Objects.requireNonNull(signal, "signal");
    objects = List.copyOf(objects);
  }
}
