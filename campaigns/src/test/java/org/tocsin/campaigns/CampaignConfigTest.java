package org.tocsin.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.tocsin.campaigns.signal.Signal;

class CampaignConfigTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void defaultsAreTheDocumentedOnes() {
    CampaignConfig c = CampaignConfig.defaults();
    assertThat(c.window()).isEqualTo(CampaignConfig.DEFAULT_WINDOW);
    assertThat(c.minRepeat()).isEqualTo(CampaignConfig.DEFAULT_MIN_REPEAT);
    assertThat(c.edgeWeightQuantile()).isEqualTo(CampaignConfig.DEFAULT_EDGE_WEIGHT_QUANTILE);
    assertThat(c.textWindow()).isEqualTo(CampaignConfig.DEFAULT_TEXT_WINDOW);
    assertThat(c.minAssociation()).isEqualTo(CampaignConfig.DEFAULT_MIN_ASSOCIATION);
    assertThat(c.signals())
        .containsExactlyInAnyOrder(
            Signal.TEXT, Signal.URL, Signal.HASHTAGS, Signal.MEDIA, Signal.REPOST);
    assertThat(c.burst().bin()).isEqualTo(java.time.Duration.ofSeconds(10));
    assertThat(c.burst().minFactor()).isEqualTo(4.0);
    assertThat(c.burst().baseline()).isEqualTo(java.time.Duration.ofHours(1));
    assertThat(c.permutations()).isEqualTo(c.bands() * c.rows());
  }

  @Test
  void userKeysOverlayTheDefaults() throws Exception {
    CampaignConfig c =
        CampaignConfig.fromJson(
            json.readTree(
                "{\"window\":\"5m\",\"signals\":[\"url\"],\"text\":{\"similarity\":0.8}}"));
    assertThat(c.window()).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.signals()).containsExactly(Signal.URL);
    assertThat(c.textSimilarity()).isEqualTo(0.8);
    assertThat(c.minRepeat()).isEqualTo(2);
  }

  @Test
  void unknownKeysAndBadValuesAreRefusedByName() throws Exception {
    assertThatThrownBy(() -> CampaignConfig.fromJson(json.readTree("{\"windw\":\"5m\"}")))
        .hasMessageContaining("windw");
    assertThatThrownBy(() -> CampaignConfig.fromJson(json.readTree("{\"text\":{\"bands\":7}}")))
        .hasMessageContaining("text.permutations");
    assertThatThrownBy(() -> CampaignConfig.fromJson(json.readTree("{\"minRepeat\":0}")))
        .hasMessageContaining("minRepeat");
    assertThatThrownBy(() -> CampaignConfig.parseDuration("soon")).hasMessageContaining("soon");
  }

  @Test
  void parsesDurations() {
    assertThat(CampaignConfig.parseDuration("60s")).isEqualTo(Duration.ofSeconds(60));
    assertThat(CampaignConfig.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(CampaignConfig.parseDuration("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(CampaignConfig.parseDuration("PT90S")).isEqualTo(Duration.ofSeconds(90));
  }
}
