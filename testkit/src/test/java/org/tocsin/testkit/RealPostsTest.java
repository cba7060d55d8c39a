package org.tocsin.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.tocsin.core.json.PostJson;
import org.tocsin.core.post.Post;

class RealPostsTest {

  @Test
  void sampleParsesEntirely() {
    List<String> lines = RealPosts.sampleLines();
    List<Post> posts = RealPosts.sample();
    assertThat(lines).hasSizeBetween(250, 350);
    assertThat(posts).hasSameSizeAs(lines);
    assertThat(posts).allSatisfy(p -> assertThat(p.platform()).isEqualTo("twitter"));
    assertThat(posts.stream().map(Post::key).distinct().count()).isEqualTo(posts.size());
  }

  @Test
  void sampleIsCached() {
    assertThat(RealPosts.sample()).isSameAs(RealPosts.sample());
    assertThat(RealPosts.sampleLines()).isSameAs(RealPosts.sampleLines());
  }

  @Test
  void sampleMixesSourcesLabelsAndLanguages() {
    Map<String, Integer> bySource = new TreeMap<>();
    Map<String, Integer> byLabel = new TreeMap<>();
    long nonEnglish = 0;
    for (Post p : RealPosts.sample()) {
      JsonNode ira = p.extra().get("ira");
      JsonNode hx = p.extra().get("hatexplain");
      assertThat(ira == null)
          .as("exactly one source field in %s", p.key())
          .isNotEqualTo(hx == null);
      if (ira != null) {
        bySource.merge("ira", 1, Integer::sum);
        assertThat(ira.path("accountCategory").asText()).isNotBlank();
        assertThat(ira.path("harvestedDate").asText()).endsWith("Z");
        if (p.lang() != null && !p.lang().equals("en")) {
          nonEnglish++;
        }
      } else {
        bySource.merge("hatexplain", 1, Integer::sum);
        byLabel.merge(hx.path("label").asText(), 1, Integer::sum);
        assertThat(hx.path("split").asText()).isIn("train", "val");
        assertThat(p.author().id()).isEqualTo("hatexplain-anon-" + p.id());
      }
    }
    assertThat(bySource).containsKeys("ira", "hatexplain");
    assertThat(byLabel).containsOnlyKeys("hatespeech", "offensive", "normal");
    assertThat(byLabel.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(30));
    assertThat(nonEnglish).isGreaterThanOrEqualTo(5);
  }

  @Test
  void everyPostRoundTripsUnchanged() throws Exception {
    List<String> lines = RealPosts.sampleLines();
    for (int i = 0; i < lines.size(); i++) {
      Post p = RealPosts.sample().get(i);
      String written = PostJson.write(p);
      assertThat(written).as("line %d", i + 1).isEqualTo(lines.get(i));
      Post again = PostJson.read(written);
      assertThat(again).isEqualTo(p);
      assertThat(again.extra()).isEqualTo(p.extra()).isNotEmpty();
    }
  }
}
