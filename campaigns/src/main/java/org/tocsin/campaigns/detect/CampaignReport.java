package org.tocsin.campaigns.detect;

import java.util.List;
import java.util.Objects;
import org.tocsin.campaigns.CampaignConfig;

/**
 * The result of one detection run.
 *
 * @param campaigns the campaigns, strongest first
 * @param parameters the configuration used
 * @param edgeWeightThreshold the weight the edge-weight quantile gave
 * @param posts posts read (after removing repeats of the same key)
 * @param accounts distinct accounts read
 * @param candidatePairs account pairs with at least one co-share
 * @param edges account pairs kept after both weight filters
 */
public record CampaignReport(
    List<Campaign> campaigns,
    CampaignConfig parameters,
    double edgeWeightThreshold,
    int posts,
    int accounts,
    int candidatePairs,
    int edges) {

  /** Checks the fields and freezes the list. */
  public CampaignReport {
    Objects.requireNonNull(parameters, "parameters");
    campaigns = List.copyOf(campaigns);
  }
}
