package org.tocsin.campaigns.detect;

import java.time.Instant;
import java.util.Objects;

/**
 * One bucket of a campaign's timeline; empty buckets are left out.
 *
 * @param start start of the bucket (inclusive), aligned to the bucket width since the epoch
 * @param posts campaign posts created in the bucket
 */
public record TimelineBucket(Instant start, int posts) {

  /** Checks the fields. */
  public TimelineBucket {
    Objects.requireNonNull(start, "start");
  }
}
