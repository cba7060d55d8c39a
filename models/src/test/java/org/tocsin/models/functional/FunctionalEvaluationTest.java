package org.tocsin.models.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.PostScorer;
import org.tocsin.core.score.Score;

class FunctionalEvaluationTest {
  /**
   * A real scorer with a rule simple enough to check by hand: a tagged post containing "kill" is
   * hate with incitement 0.8, anything else is normal with incitement 0; an untagged post is always
   * normal.
   */
  static final class KillWordScorer implements PostScorer {
    @Override
    public String model() {
      return "kill-word";
    }

    @Override
    public String version() {
      return "1";
    }

    @Override
    public Score score(Post post) {
      boolean kill = post.lang() != null && post.text().contains("kill");
      return new Score(
          model(),
          version(),
          kill ? 0.9 : 0.1,
          kill ? 0.05 : 0.2,
          kill ? 0.8 : 0,
          0,
          null,
          null,
          null);
    }
  }

  private static FunctionalCase c(
      String id, String lang, CaseFunction f, String group, boolean incitement, String text) {
    return new FunctionalCase(
        id, lang, Part.TEST, f, group, f.hateful(), incitement, text, id, null, null);
  }

  private static final List<FunctionalCase> CASES =
      List.of(
          c("1", "en", CaseFunction.THREAT_DIRECT, "jews", true, "kill jews"), // right
          c("2", "en", CaseFunction.DEROGATE, "jews", false, "jews are bad"), // missed
          c("3", "en", CaseFunction.IDENTITY_NEUTRAL, "jews", false, "jews live here"), // right
          c("4", "en", CaseFunction.IDENTITY_POSITIVE, "women", false, "I'd kill for it"), // FP
          c("5", "en", CaseFunction.CALL_VIOLENCE, "women", true, "women must die"), // missed
          c("6", "en", CaseFunction.IDENTITY_NEUTRAL, "women", false, "women vote"), // right
          c("7", "de", CaseFunction.THREAT_DIRECT, "jews", true, "kill Juden")); // right

  @Test
  void theMeasuresAreTheHandCountedOnes() {
    FunctionalReport r = FunctionalEvaluation.report(new KillWordScorer(), Part.TEST, CASES);
    Slice all = FunctionalReport.overall(r.tagged());
    assertThat(all.n()).isEqualTo(7);
    assertThat(all.accuracy()).isCloseTo(4.0 / 7, within(1e-12));
    assertThat(all.hatefulRecall()).isEqualTo(0.5);
    assertThat(all.contrastAccuracy()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(all.neutralFpr()).isEqualTo(0.0);
    assertThat(all.positiveFpr()).isEqualTo(1.0);
    assertThat(all.incitementRecall()).isCloseTo(2.0 / 3, within(1e-12));
    // incitement: positives 0.8, 0, 0.8; negatives 0, 0, 0.8, 0. Each 0.8 positive beats three
    // zeros and ties one 0.8 (3.5); the 0 positive ties three zeros (1.5): 8.5 of 12 pairs.
    assertThat(all.incitementAuc()).isCloseTo(8.5 / 12, within(1e-12));

    Map<String, Slice> lang = FunctionalReport.byLanguage(r.tagged());
    assertThat(lang.keySet()).containsExactly("en", "de");
    assertThat(lang.get("en").accuracy()).isEqualTo(0.5);
    assertThat(lang.get("de").accuracy()).isEqualTo(1.0);

    Map<String, Slice> group = FunctionalReport.byGroup(r.tagged());
    assertThat(group.get("jews").accuracy()).isEqualTo(0.75);
    assertThat(group.get("jews").hatefulRecall()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(group.get("jews").neutralFpr()).isEqualTo(0.0);
    assertThat(group.get("jews").positiveFpr()).isNaN();
    assertThat(group.get("women").accuracy()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(group.get("women").hatefulRecall()).isEqualTo(0.0);
    assertThat(group.get("women").positiveFpr()).isEqualTo(1.0);

    Map<String, Slice> function = FunctionalReport.byFunction(r.tagged());
    assertThat(function.keySet())
        .containsExactly(
            "threat_direct", "call_violence", "derogate", "identity_neutral", "identity_positive");
    assertThat(function.get("threat_direct").accuracy()).isEqualTo(1.0);
    assertThat(function.get("identity_positive").accuracy()).isEqualTo(0.0);
  }

  @Test
  void theUntaggedRunRepeatsTheOtherLanguagesWithoutTags() {
    FunctionalReport r = FunctionalEvaluation.report(new KillWordScorer(), Part.TEST, CASES);
    assertThat(r.untagged()).hasSize(1);
    Outcome o = r.untagged().get(0);
    assertThat(o.tagged()).isFalse();
    assertThat(o.fcase().id()).isEqualTo("7");
    assertThat(o.correct()).isFalse();
    assertThat(FunctionalEvaluation.post(o.fcase(), false).lang()).isNull();
    assertThat(FunctionalEvaluation.post(o.fcase(), true).lang()).isEqualTo("de");
  }

  @Test
  void theLabelRuleIsTheScoreLabel() {
    // hate 0.4, offensive 0.35, normal 0.25: hate is the argmax although below 0.5.
    PostScorer s =
        new PostScorer() {
          @Override
          public String model() {
            return "m";
          }

          @Override
          public String version() {
            return "1";
          }

          @Override
          public Score score(Post post) {
            return new Score("m", "1", 0.4, 0.35, 0, 0, null, null, null);
          }
        };
    Outcome o = FunctionalEvaluation.run(s, CASES.subList(0, 1), true).get(0);
    assertThat(o.predictedHate()).isTrue();
  }

  @Test
  void theJsonAndTheTableCarryTheNumbers() {
    FunctionalReport r = FunctionalEvaluation.report(new KillWordScorer(), Part.TEST, CASES);
    JsonNode j = r.json();
    assertThat(j.get("cases").asInt()).isEqualTo(7);
    JsonNode tagged = j.get("runs").get("tagged");
    assertThat(tagged.get("overall").get("accuracy").asDouble()).isEqualTo(0.5714);
    assertThat(tagged.get("by_group").get("jews").get("identity_positive_fpr").isNull()).isTrue();
    assertThat(
            tagged
                .get("by_language_and_function")
                .get("de")
                .get("threat_direct")
                .get("accuracy")
                .asDouble())
        .isEqualTo(1.0);
    assertThat(j.get("runs").get("untagged").get("overall").get("accuracy").asDouble())
        .isEqualTo(0.0);
    String table = ReportTable.describe(r);
    assertThat(table)
        .contains("scorer kill-word 1")
        .contains("without a language tag")
        .containsPattern("all\\s+7\\s+0\\.571\\s+0\\.500\\s+0\\.667\\s+0\\.000\\s+1\\.000")
        .containsPattern("threat_direct\\s+1\\.000\\s+1\\.000\\s+1\\.000");
  }
}
