package org.tocsin.campaigns.graph;

import java.util.List;
import java.util.Objects;
import org.tocsin.campaigns.signal.Signal;

/**
 * What one signal contributes to an edge: how often, on which objects, with which time gaps, and
 * the co-shares themselves (the first {@code maxEvidencePerSignal} of them).
 *
 * @param signal the signal
 * @param coShares number of co-shares under this signal
 * @param objectCount number of distinct shared objects
 * @param objects the first shared objects (at most {@code maxEvidencePerSignal})
 * @param minGapMillis shortest gap between the two posts of a co-share
 * @param medianGapMillis median gap
 * @param maxGapMillis longest gap
 * @param samples co-shares with both posts and their evidence refs, earliest object first
 */
public record SignalEvidence(
    Signal signal,
    int coShares,
    int objectCount,
    List<String> objects,
    long minGapMillis,
    long medianGapMillis,
    long maxGapMillis,
    List<CoShare> samples) {

  /** Checks the fields and freezes the lists. */
  public SignalEvidence {
    Objects.requireNonNull(signal, "signal");
    objects = List.copyOf(objects);
    samples = List.copyOf(samples);
  }
}
