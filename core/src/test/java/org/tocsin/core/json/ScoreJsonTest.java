package org.tocsin.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tocsin.core.score.Explanation;
import org.tocsin.core.score.Factor;
import org.tocsin.core.score.Factors;
import org.tocsin.core.score.Ground;
import org.tocsin.core.score.LexiconHit;
import org.tocsin.core.score.Score;
import org.tocsin.core.score.TargetScore;
import org.tocsin.core.score.TokenWeight;

class ScoreJsonTest {

  @Test
  void scoreRoundTripsAndFollowsTheContract() {
    Factor content = new Factor(0.8, List.of("violence term 'exterminate' near group 'rohingya'"));
    Score s =
        new Score(
            "m",
            "3",
            0.7,
            0.2,
            0.6,
            0.5,
            List.of(new TargetScore("rohingya", Ground.ETHNIC, 0.9)),
            new Factors(Factor.NONE, Factor.NONE, Factor.NONE, content, Factor.NONE, Factor.NONE),
            new Explanation(
                List.of(new TokenWeight("exterminate", 1.2)),
                List.of(new LexiconHit("vermin", "dehumanization", "baseline")),
                List.of("note")));
    JsonNode n = ScoreJson.toNode(s);
    assertThat(n.get("label").asText()).isEqualTo("hate");
    assertThat(n.get("normal").asDouble())
        .isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(n.at("/targets/0/ground").asText()).isEqualTo("ethnic");
    assertThat(n.at("/factors/content/evidence/0").asText()).contains("exterminate");
    assertThat(ScoreJson.fromNode(n)).isEqualTo(s);
  }

  @Test
  void scoresOutsideTheirRangeAreRefused() {
    assertThatThrownBy(() -> new Score("m", "1", 0.8, 0.3, 0, 0, null, null, null))
        .hasMessageContaining("hate + offensive must be <= 1");
    assertThatThrownBy(() -> new Score("m", "1", Double.NaN, 0, 0, 0, null, null, null))
        .hasMessageContaining("hate must lie in [0, 1]");
    assertThatThrownBy(() -> Ground.fromJson("martian")).hasMessageContaining("unknown ground");
  }
}
