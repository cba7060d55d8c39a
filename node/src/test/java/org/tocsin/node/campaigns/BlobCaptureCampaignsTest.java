package org.tocsin.node.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.campaigns.detect.Campaign;
import org.tocsin.core.evidence.Capture;
import org.tocsin.crawler.parse.mastodon.MastodonStatusParser;
import org.tocsin.node.TocsinNode;
import org.tocsin.node.config.TocsinConfig;

/**
 * Issue 15: a capture whose body the ledger keeps in its blob store (crawled pages over 256 KB) was
 * decoded without the blob store by the batch campaign view, so its posts silently dropped out of
 * campaign detection. They take part like any other.
 */
class BlobCaptureCampaignsTest {
  private static final String HOST = "example.social";

  @TempDir Path dir;

  @Test
  void postsOfACaptureKeptAsABlobTakePartInBatchCampaigns() throws Exception {
    // a crawled Mastodon timeline page: four accounts post the same link with the same words,
    // three times, seconds apart, among far more unrelated statuses (well over 256 KB in all)
    JsonArray page = new JsonArray();
    for (int round = 0; round < 3; round++) {
      for (int a = 0; a < 4; a++) {
        page.add(
            status(
                "c" + round + a,
                "coord-" + a,
                Instant.parse("2026-12-01T10:00:00Z").plusSeconds(round * 600L + a * 5L),
                "They are flooding our towns, drive them out before it is too late"
                    + " https://example.org/flyer-"
                    + round));
      }
    }
    int i = 0;
    while (page.encode().length() < 300 * 1024) {
      page.add(
          status(
              "o" + i,
              "acct-" + i,
              Instant.parse("2026-12-01T00:00:00Z").plusSeconds(i * 97L),
              "market report number "
                  + i
                  + ": prices of grain and timber moved "
                  + (i % 7)
                  + " percent, with the harbour busy and the weather "
                  + (i % 2 == 0 ? "fair" : "wet")
                  + " across the valley towns this week"));
      i++;
    }
    int posts = page.size();
    byte[] body = page.encode().getBytes(StandardCharsets.UTF_8);
    assertThat(body.length).isGreaterThan(256 * 1024);

    try (TocsinNode node = TocsinNode.open(dir.resolve("data"), TocsinConfig.defaults())) {
      Instant now = Instant.now();
      long seq =
          node.ledger()
              .appendCaptureWithBlob(
                  new Capture(
                      "test:page",
                      MastodonStatusParser.FORMAT,
                      "GET",
                      "https://" + HOST + "/api/v1/timelines/public?limit=40",
                      200,
                      Map.of(),
                      "application/json",
                      now,
                      now,
                      body))
              .get(10, TimeUnit.SECONDS)
              .seq();
      node.indexer().catchUp();
      node.indexer().flush();
      assertThat(node.indexer().indexedThrough()).isGreaterThanOrEqualTo(seq);
      assertThat(node.index().count()).isEqualTo(posts);

      CampaignSnapshot s = new CampaignService(node, CampaignConfig.defaults()).rebuild();
      assertThat(s.report().posts()).isEqualTo(posts);
      Set<String> coordinated = new TreeSet<>();
      for (int a = 0; a < 4; a++) {
        coordinated.add(HOST + "/coord-" + a);
      }
      assertThat(s.campaigns())
          .as("a campaign holding the four coordinated accounts")
          .anySatisfy(c -> assertThat(accounts(c)).containsAll(coordinated));
    }
  }

  private static Set<String> accounts(Campaign c) {
    return new TreeSet<>(c.accounts());
  }

  /** A Mastodon status as the timeline API returns it (the fields the parser reads). */
  private static JsonObject status(String id, String account, Instant at, String text) {
    return new JsonObject()
        .put("id", id)
        .put("created_at", at.toString())
        .put("url", "https://" + HOST + "/@" + account + "/" + id)
        .put("content", "<p>" + text + "</p>")
        .put("language", "en")
        .put("account", new JsonObject().put("id", account).put("acct", account));
  }
}
