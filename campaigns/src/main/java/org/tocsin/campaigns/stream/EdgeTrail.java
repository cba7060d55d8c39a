package org.tocsin.campaigns.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tocsin.campaigns.graph.CoShare;
import org.tocsin.campaigns.graph.SignalEvidence;
import org.tocsin.campaigns.signal.Signal;

/**
 * The evidence one signal contributes to a {@link StreamEdge}, kept within fixed bounds: the first
 * {@code maxSamples} co-shares verbatim (both posts with their evidence refs), the first {@link
 * #MAX_OBJECTS} distinct shared objects, and the gaps of the first {@link #MAX_GAPS} co-shares for
 * the median; the count and the shortest and longest gap cover every co-share.
 */
final class EdgeTrail {

  /** Most distinct shared objects remembered; {@code objectCount} saturates there. */
  static final int MAX_OBJECTS = 256;

  /** Most gaps remembered for the median. */
  static final int MAX_GAPS = 256;

  private final Set<String> objects = new LinkedHashSet<>(2);
  private final List<CoShare> samples = new ArrayList<>(2);
  private long[] gaps = new long[2];
  private int gapCount;
  private int coShares;
  private long minGap = Long.MAX_VALUE;
  private long maxGap;

  /** Adds one co-share, keeping at most {@code maxSamples} of them verbatim. */
  void add(String key, WindowPost earlier, WindowPost later, int maxSamples) {
    coShares++;
    long gap = later.millis - earlier.millis;
    minGap = Math.min(minGap, gap);
    maxGap = Math.max(maxGap, gap);
    if (objects.size() < MAX_OBJECTS) {
      objects.add(key);
    }
    if (samples.size() < maxSamples) {
      samples.add(new CoShare(key, earlier.ref, later.ref, gap));
    }
    if (gapCount < MAX_GAPS) {
      if (gapCount == gaps.length) {
        gaps = Arrays.copyOf(gaps, Math.min(MAX_GAPS, gaps.length * 2));
      }
      gaps[gapCount++] = gap;
    }
  }

  /** The number of co-shares added. */
  int coShares() {
    return coShares;
  }

  /** Co-shares kept verbatim. */
  int sampleCount() {
    return samples.size();
  }

  /** This trail as batch reports a signal's evidence; objects capped at {@code maxObjects}. */
  SignalEvidence toEvidence(Signal s, int maxObjects) {
    long[] sorted = Arrays.copyOf(gaps, gapCount);
    Arrays.sort(sorted);
    List<String> first = new ArrayList<>(Math.min(maxObjects, objects.size()));
    for (String o : objects) {
      if (first.size() == maxObjects) {
        break;
      }
      first.add(o);
    }
    return new SignalEvidence(
        s,
        coShares,
        objects.size(),
        first,
        coShares == 0 ? 0 : minGap,
        gapCount == 0 ? 0 : sorted[gapCount / 2],
        maxGap,
        samples);
  }
}
