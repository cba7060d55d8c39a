package org.tocsin.testkit.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HateXplainPostsTest {

  @Test
  void snowflakeIdsGiveCreationTimes() {
    // 1227920812235051008 is a HateXplain Twitter post of February 2020.
    assertThat(HateXplainPosts.snowflakeTime(1227920812235051008L))
        .isEqualTo(Instant.ofEpochMilli((1227920812235051008L >> 22) + 1288834974657L))
        .isBetween(Instant.parse("2020-02-13T00:00:00Z"), Instant.parse("2020-02-14T00:00:00Z"));
    assertThatThrownBy(() -> HateXplainPosts.snowflakeTime(12345L))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void quotasGiveAllOfAScarceLabelAndShareTheRest() {
    Map<String, Integer> available = new LinkedHashMap<>();
    available.put("hatespeech", 621);
    available.put("offensive", 2081);
    available.put("normal", 5191);
    assertThat(HateXplainPosts.quotas(available, 3000))
        .containsExactly(
            Map.entry("hatespeech", 621), Map.entry("offensive", 1190), Map.entry("normal", 1189));
  }

  @Test
  void quotasNeverExceedWhatIsAvailable() {
    Map<String, Integer> available = new LinkedHashMap<>();
    available.put("hatespeech", 1);
    available.put("offensive", 2);
    available.put("normal", 0);
    assertThat(HateXplainPosts.quotas(available, 3000))
        .containsExactly(
            Map.entry("hatespeech", 1), Map.entry("offensive", 2), Map.entry("normal", 0));
  }
}
