package org.tocsin.node.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tocsin.core.evidence.EvidenceRef;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Post;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.core.score.Score;
import org.tocsin.nlp.bands.IncitementBands;
import org.tocsin.nlp.baseline.LexiconScorer;

/** Rules on an incitement band: validation, mapping through a band table, and matching. */
class IncitementBandRuleTest {
  private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ScoredPost scored(String text) {
    Post p = Post.ofText("test", "p1", new Author("a", "a", null, null, null), T0, text, "en");
    Score s = LexiconScorer.loadDefault().score(p);
    return new ScoredPost(p, s, new EvidenceRef(1, "0".repeat(64), T0.plusSeconds(1)));
  }

  private static AlertRule rule(String band) {
    return new AlertRule(
        "rule-1", "band", null, null, null, band, null, Set.of(), Set.of(), null, T0, "k", null,
        null);
  }

  private static IncitementBands table(double elevated, double high) {
    return new IncitementBands(
        IncitementBands.FORMAT,
        "test v1",
        "2026-12-07",
        "hand-made",
        "by hand",
        List.of(
            new IncitementBands.Band("low", 0, null, null, null),
            new IncitementBands.Band("elevated", elevated, 0.5, null, null),
            new IncitementBands.Band("high", high, 0.8, null, null)));
  }

  @Test
  void aBandRuleMatchesFromItsBandsThreshold() throws Exception {
    ScoredPost sp = scored("we must exterminate the rohingya vermin tonight, burn their villages");
    double x = sp.score().incitement();
    assertThat(x).isGreaterThan(0);
    IncitementBands bands = table(x / 2, Math.min(1, x + 0.01));
    assertThat(new RuleMatcher(rule("elevated"), bands).match(sp))
        .singleElement()
        .asString()
        .startsWith("incitement (band elevated) ");
    assertThat(new RuleMatcher(rule("high"), bands).match(sp)).isEmpty();
    // The same rule against a table whose high band starts at the post's score fires.
    assertThat(new RuleMatcher(rule("high"), table(x / 2, x)).match(sp)).isNotEmpty();
  }

  @Test
  void theShippedTableDecidesByDefault() throws Exception {
    IncitementBands shipped = IncitementBands.shipped();
    for (String text :
        List.of(
            "we must exterminate the rohingya vermin tonight, burn their villages",
            "the rohingya refugee crisis needs aid and shelter")) {
      ScoredPost sp = scored(text);
      for (String band : shipped.alertable()) {
        boolean expected = sp.score().incitement() >= shipped.threshold(band);
        assertThat(new RuleMatcher(rule(band)).accepts(sp))
            .as(band + ": " + text)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void bandsAreValidatedAndExclusiveWithMinIncitement() throws Exception {
    assertThatThrownBy(() -> rule("severe"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("incitementBand must be one of elevated, high")
        .hasMessageContaining("severe");
    assertThatThrownBy(() -> rule("low")).hasMessageContaining("incitementBand must be one of");
    JsonNode both =
        JSON.readTree("{\"name\": \"x\", \"minIncitement\": 0.2, \"incitementBand\": \"high\"}");
    assertThatThrownBy(() -> AlertJson.ruleFromNode(both, "r", T0, "k"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not both");
    JsonNode notText = JSON.readTree("{\"name\": \"x\", \"incitementBand\": 3}");
    assertThatThrownBy(() -> AlertJson.ruleFromNode(notText, "r", T0, "k"))
        .hasMessageContaining("incitementBand");
  }

  @Test
  void rulesWithoutABandKeepTheirNumberOrNoIncitementCondition() throws Exception {
    IncitementBands bands = table(0.1, 0.3);
    AlertRule none =
        new AlertRule("r", "q", "rohingya", null, null, null, Set.of(), Set.of(), null, T0, "k");
    assertThat(none.incitementThreshold(bands)).isNull();
    AlertRule number =
        new AlertRule("r", "n", null, null, 0.25, null, Set.of(), Set.of(), null, T0, "k");
    assertThat(number.incitementThreshold(bands)).isEqualTo(0.25);
    ScoredPost sp = scored("the rohingya refugee crisis needs aid and shelter");
    assertThat(new RuleMatcher(none, bands).match(sp)).containsExactly("matches query rohingya");
  }

  @Test
  void aBandRuleRoundTripsThroughItsJson() {
    AlertRule r = rule("high");
    assertThat(r.hasPostConditions()).isTrue();
    JsonNode n = AlertJson.toNode(r, false);
    assertThat(n.get("incitementBand").asText()).isEqualTo("high");
    assertThat(n.has("minIncitement")).isFalse();
    AlertRule back = AlertJson.ruleFromNode(n, r.id(), r.createdAt(), r.createdBy());
    assertThat(back.incitementBand()).isEqualTo("high");
    assertThat(back.incitementThreshold(IncitementBands.shipped()))
        .isEqualTo(IncitementBands.shipped().threshold("high"));
  }
}
