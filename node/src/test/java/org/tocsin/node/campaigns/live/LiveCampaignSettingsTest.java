package org.tocsin.node.campaigns.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.campaigns.stream.StreamingCampaign;
import org.tocsin.node.ImportListener;
import org.tocsin.node.TocsinNode;
import org.tocsin.node.campaigns.CampaignService;
import org.tocsin.node.config.TocsinConfig;

/**
 * The live detector reads the {@code campaigns} section of tocsin.json, as the batch view does:
 * before, the node started it with a window and quantile of its own and no file could change them.
 */
class LiveCampaignSettingsTest {

  @TempDir Path dir;

  @Test
  void liveAndBatchReadTheCampaignsSectionOfTocsinJson() throws Exception {
    Path file = dir.resolve("tocsin.json");
    Files.writeString(file, "{\"campaigns\": {\"window\": \"2m\", \"minRepeat\": 3}}");
    TocsinConfig cfg = TocsinConfig.load(file);
    assertThat(cfg.campaigns().window()).isEqualTo(Duration.ofMinutes(2));
    assertThat(cfg.campaigns().minRepeat()).isEqualTo(3);
    try (TocsinNode node = TocsinNode.open(dir.resolve("data"), cfg)) {
      assertThat(node.liveCampaigns().config().detection()).isEqualTo(cfg.campaigns());
    }
  }

  @Test
  void withoutTheSectionLiveRunsTheBatchDefaults() throws Exception {
    try (TocsinNode node = TocsinNode.open(dir.resolve("data"), TocsinConfig.defaults())) {
      assertThat(node.liveCampaigns().config().detection()).isEqualTo(CampaignConfig.defaults());
    }
  }

  @Test
  void minRepeatFromTheFileDecidesWhatLiveAndBatchFind() throws Exception {
    // three accounts post the same link twice, 90 s apart: two co-shares per pair
    StringBuilder jsonl = new StringBuilder();
    Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
    int id = 0;
    for (int round = 0; round < 2; round++) {
      for (int a = 0; a < 3; a++) {
        jsonl.append(
            String.format(
                Locale.ROOT,
                "{\"platform\":\"test\",\"id\":\"%d\",\"url\":\"https://test.example/%d\","
                    + "\"author\":{\"id\":\"acct-%d\",\"handle\":\"acct%d\"},\"createdAt\":\"%s\","
                    + "\"text\":\"read this now\",\"links\":[\"https://flyer.example/%d\"]}%n",
                id,
                id,
                a,
                a,
                t0.plusSeconds(round * 3600L + a * 90L),
                round));
        id++;
      }
    }
    assertThat(found(jsonl.toString(), "{}")).isTrue();
    assertThat(found(jsonl.toString(), "{\"campaigns\": {\"minRepeat\": 3}}")).isFalse();
  }

  @Test
  void aBadCampaignsKeyIsRefusedNamingIt() throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "{\"campaigns\": {\"windw\": \"2m\"}}");
    assertThatThrownBy(() -> TocsinConfig.load(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("campaigns")
        .hasMessageContaining("windw");
  }

  /** Whether the live detector finds a campaign, checking that batch agrees. */
  private boolean found(String jsonl, String tocsinJson) throws Exception {
    Path run = Files.createTempDirectory(dir, "run");
    Path file = run.resolve("tocsin.json");
    Files.writeString(file, tocsinJson);
    Path posts = run.resolve("posts.jsonl");
    Files.writeString(posts, jsonl);
    try (TocsinNode node = TocsinNode.open(run.resolve("data"), TocsinConfig.load(file))) {
      node.importer().importFile(posts, ImportListener.NONE);
      node.indexer().catchUp();
      node.indexer().flush();
      boolean live = !node.liveCampaigns().campaigns().isEmpty();
      boolean batch =
          !new CampaignService(node, node.config().campaigns()).rebuild().campaigns().isEmpty();
      assertThat(batch).as("batch agrees with live").isEqualTo(live);
      if (live) {
        StreamingCampaign c = node.liveCampaigns().campaigns().get(0);
        assertThat(c.accounts()).hasSize(3);
      }
      return live;
    }
  }
}
