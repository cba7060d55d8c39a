package org.tocsin.node.campaigns;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tocsin.campaigns.baseline.ObjectBaseline;
import org.tocsin.campaigns.baseline.ObjectBaselines;
import org.tocsin.campaigns.detect.Campaign;
import org.tocsin.campaigns.detect.CampaignReport;

/**
 * One computed set of campaigns and what it covers.
 *
 * @param report the detector's report
 * @param throughSeq the last ledger seq whose posts it includes
 * @param computedAt when it was computed
 * @param millis how long the computation took
 * @param baselines per campaign id, who else posted the objects its summary names ({@link
 *     ObjectBaselines})
 */
public record CampaignSnapshot(
    CampaignReport report,
    long throughSeq,
    Instant computedAt,
    long millis,
    Map<String, List<ObjectBaseline>> baselines) {

  /** Freezes the baselines. */
  public CampaignSnapshot {
    baselines = Map.copyOf(baselines);
  }

  /** A snapshot without baselines. */
  public CampaignSnapshot(CampaignReport report, long throughSeq, Instant computedAt, long millis) {
    this(report, throughSeq, computedAt, millis, Map.of());
  }

  /** The baseline of a campaign's named objects; empty if none was computed. */
  public List<ObjectBaseline> baseline(String campaignId) {
    return baselines.getOrDefault(campaignId, List.of());
  }

  /** The campaigns by id. */
  public Map<String, Campaign> byId() {
    Map<String, Campaign> m = new LinkedHashMap<>();
    for (Campaign c : report.campaigns()) {
      m.put(c.id(), c);
    }
    return m;
  }

  /** The campaign with this id, if any. */
  public Optional<Campaign> find(String id) {
    return Optional.ofNullable(byId().get(id));
  }

  /** The campaigns. */
  public List<Campaign> campaigns() {
    return report.campaigns();
  }
}
