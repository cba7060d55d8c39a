package org.tocsin.campaigns.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.campaigns.bench.GroundTruthBenchmark;
import org.tocsin.core.post.Post;

/** The bundled demo corpus: real IRA tweets around two events, and HateXplain posts. */
class IraDemoTest {

  @Test
  void findsCampaignsAmongTheRealIraAccountsOnly() throws Exception {
    String path = System.getProperty("tocsin.demo.corpus");
    assertThat(path)
        .as("system property tocsin.demo.corpus (set in campaigns/pom.xml)")
        .isNotNull();
    List<Post> posts = GroundTruthBenchmark.load(Path.of(path));
    Set<String> ira = new HashSet<>();
    for (Post p : posts) {
      if (p.extra().containsKey("ira")) {
        ira.add(p.author().id());
      }
    }
    CampaignReport r = CampaignDetector.detect(posts, Map.of(), CampaignConfig.defaults());
    assertThat(r.posts()).isEqualTo(posts.size());
    assertThat(r.campaigns()).isNotEmpty();
    for (Campaign c : r.campaigns()) {
      assertThat(c.accounts()).hasSizeGreaterThanOrEqualTo(3);
      assertThat(ira).as("campaign %s", c.id()).containsAll(c.accounts());
      assertThat(c.edges()).allSatisfy(e -> assertThat(e.weight()).isGreaterThanOrEqualTo(2));
      assertThat(c.posts()).isNotEmpty();
      assertThat(c.lastPost()).isAfterOrEqualTo(c.firstPost());
    }
  }
}
