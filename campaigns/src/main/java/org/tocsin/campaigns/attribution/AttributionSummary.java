package org.tocsin.campaigns.attribution;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The case for coordination of one campaign, in numbers and in plain words.
 *
 * @param campaignId the campaign
 * @param accounts its accounts
 * @param posts its posts
 * @param firstPost its first post
 * @param lastPost its last post
 * @param findings per signal, what it shows, strongest first
 * @param evidenceSeqs ledger seqs of posts behind the edges, ascending (at most 50; empty when the
 *     input had no ledger refs)
 * @param grade {@code strong}, {@code moderate} or {@code weak}
 * @param reasons why that grade, one sentence each
 * @param summary the case in plain words
 * @param limits what the evidence cannot show
 */
public record AttributionSummary(
    String campaignId,
    int accounts,
    int posts,
    Instant firstPost,
    Instant lastPost,
    List<SignalFinding> findings,
    List<Long> evidenceSeqs,
    String grade,
    List<String> reasons,
    String summary,
    List<String> limits) {

  /** Checks the fields and freezes the lists. */
  public AttributionSummary {
    Objects.requireNonNull(campaignId, "campaignId");
    Objects.requireNonNull(grade, "grade");
    Objects.requireNonNull(summary, "summary");
    findings = List.copyOf(findings);
    evidenceSeqs = List.copyOf(evidenceSeqs);
    reasons = List.copyOf(reasons);
    limits = List.copyOf(limits);
  }
}
