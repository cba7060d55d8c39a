package org.tocsin.campaigns.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.campaigns.attribution.AttributionSummary;
import org.tocsin.campaigns.attribution.Attributions;
import org.tocsin.campaigns.json.AttributionJson;
import org.tocsin.campaigns.signal.Signal;
import org.tocsin.core.json.Json;

/** The attribution summary of the injected copy-paste campaign (five accounts, four texts). */
class CampaignAttributionTest {

  private static final long SEED = Long.getLong("tests.seed", 20160322L);

  @Test
  void theCaseNamesItsSignalsGapsAndLedgerRecords() throws Exception {
    InjectedCorpus c = new InjectedCorpus(SEED);
    CampaignConfig cfg = CampaignConfig.defaults();
    Campaign campaign =
        CampaignDetector.detect(c.posts, Map.of(), c.evidence, cfg).campaigns().get(0);
    AttributionSummary a = Attributions.of(campaign, cfg);
    assertThat(a.campaignId()).isEqualTo(campaign.id());
    assertThat(a.accounts()).isEqualTo(5);
    // text and hashtags tie them, four distinct texts within 30 s: strong
    assertThat(a.findings()).extracting(f -> f.signal()).contains(Signal.TEXT, Signal.HASHTAGS);
    assertThat(a.grade()).as("seed %d", SEED).isEqualTo("strong");
    assertThat(a.reasons()).anyMatch(r -> r.contains("independent signals"));
    assertThat(a.findings().get(0).medianGapSeconds()).isLessThanOrEqualTo(30);
    assertThat(a.summary()).startsWith("5 accounts posted 20 coordinated posts");
    assertThat(a.summary()).contains("ledger records [");
    long[] known = c.evidence.values().stream().mapToLong(e -> e.seq()).toArray();
    assertThat(a.evidenceSeqs())
        .hasSize(20)
        .allMatch(s -> java.util.Arrays.stream(known).anyMatch(k -> k == s));
    assertThat(a.limits()).anyMatch(l -> l.contains("not who operates them"));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AttributionJson.write(a, out);
    JsonNode json = Json.mapper().readTree(out.toByteArray());
    assertThat(json.get("grade").asText()).isEqualTo("strong");
    assertThat(json.get("evidenceSeqs")).hasSize(20);
    assertThat(json.get("findings").get(0).has("medianGapSeconds")).isTrue();
  }
}
