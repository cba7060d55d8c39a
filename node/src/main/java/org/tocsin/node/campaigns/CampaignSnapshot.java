package org.tocsin.node.campaigns;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tocsin.campaigns.detect.Campaign;
import org.tocsin.campaigns.detect.CampaignReport;

/**
 * One computed set of campaigns and what it covers.
 *
 * @param report the detector's report
 * @param throughSeq the last ledger seq whose posts it includes
 * @param computedAt when it was computed
 * @param millis how long the computation took
 */
public record CampaignSnapshot(
    CampaignReport report, long throughSeq, Instant computedAt, long millis) {

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
