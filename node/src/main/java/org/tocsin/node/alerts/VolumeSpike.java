package org.tocsin.node.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.tocsin.core.evidence.EvidenceRef;

/**
 * What a volume-change alert reports: the window, its count, the baseline's counts, and example
 * posts with their EvidenceRefs.
 *
 * @param windowStart the current window's first instant
 * @param windowEnd the instant after the window's last
 * @param count posts counted in the window when the alert was raised
 * @param baseline the counts of the baseline windows, oldest first
 * @param baselineMean their mean
 * @param factor the rule's factor
 * @param minPosts the rule's minimum
 * @param examples example posts of the window (the latest first), each with its evidence
 */
public record VolumeSpike(
    Instant windowStart,
    Instant windowEnd,
    long count,
    List<Long> baseline,
    double baselineMean,
    double factor,
    long minPosts,
    List<Example> examples) {

  /** One example post: its platform, id and where its original bytes sit in the ledger. */
  public record Example(String platform, String id, EvidenceRef evidence) {
    /** Checks the fields. */
    public Example {
      Objects.requireNonNull(platform, "platform");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(evidence, "evidence");
    }
  }

  /** Checks the fields. */
  public VolumeSpike {
    Objects.requireNonNull(windowStart, "windowStart");
    Objects.requireNonNull(windowEnd, "windowEnd");
    baseline = List.copyOf(baseline);
    examples = List.copyOf(examples);
  }
}
