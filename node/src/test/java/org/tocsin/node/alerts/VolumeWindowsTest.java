package org.tocsin.node.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tocsin.core.evidence.EvidenceRef;
import org.tocsin.core.post.Post;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.core.score.Score;
import org.tocsin.nlp.baseline.LexiconScorer;
import org.tocsin.testkit.RealPosts;

/**
 * Window counting of volume-change rules with capture times set by the test: the baseline's mean,
 * the factor, the minimum, one id per window, re-indexed posts counted once, old windows dropped.
 */
class VolumeWindowsTest {
  private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
  private static final Post POST = RealPosts.sample().get(0);
  private static final Score SCORE = LexiconScorer.loadDefault().score(POST);

  private long seq;

  private ScoredPost at(Instant captured) {
    seq++;
    return new ScoredPost(
        POST.withId("p" + seq), SCORE, new EvidenceRef(seq, "0".repeat(64), captured));
  }

  private static AlertRule rule(VolumeChange v) {
    return new AlertRule(
        "rule-1", "spike", null, null, null, null, null, Set.of(), Set.of(), null, T0, "k", null,
        v);
  }

  @Test
  void aWindowAlertsOnlyAboveFactorTimesTheBaselineMeanAndTheMinimum() {
    AlertRule r = rule(new VolumeChange(60, 3, 3.0, 4));
    VolumeWindows w = new VolumeWindows();
    // baseline: 2, 1, 3 posts in the three minutes before 10:03 (mean 2)
    int[] perMinute = {2, 1, 3};
    for (int m = 0; m < 3; m++) {
      for (int i = 0; i < perMinute[m]; i++) {
        w.record(r, at(T0.plusSeconds(60L * m + i)));
      }
    }
    Instant now = T0.plusSeconds(180 + 30);
    for (int i = 0; i < 5; i++) {
      w.record(r, at(T0.plusSeconds(180 + i)));
    }
    assertThat(w.spike(r, now)).as("5 < 3 x mean 2").isNull();
    w.record(r, at(T0.plusSeconds(186)));
    VolumeWindows.Spike s = w.spike(r, now);
    assertThat(s).isNotNull();
    assertThat(s.volume().count()).isEqualTo(6);
    assertThat(s.volume().baseline()).containsExactly(2L, 1L, 3L);
    assertThat(s.volume().baselineMean()).isEqualTo(2.0);
    assertThat(s.volume().windowStart()).isEqualTo(T0.plusSeconds(180));
    assertThat(s.volume().examples()).hasSize(VolumeWindows.EXAMPLES);
    assertThat(s.volume().examples().get(0).evidence().seq()).isEqualTo(seq);
    assertThat(s.latest().evidence().seq()).isEqualTo(seq);
    // the same window keeps its id; the next one is another alert
    w.record(r, at(T0.plusSeconds(187)));
    assertThat(w.spike(r, now).id()).isEqualTo(s.id());
    assertThat(VolumeWindows.alertId("rule-1", T0.plusSeconds(240))).isNotEqualTo(s.id());
  }

  @Test
  void theMinimumHoldsWhenTheBaselineIsEmptyAndRepeatsAreCountedOnce() {
    AlertRule r = rule(new VolumeChange(60, 6, 2.0, 3));
    VolumeWindows w = new VolumeWindows();
    ScoredPost a = at(T0);
    ScoredPost b = at(T0.plusSeconds(1));
    w.record(r, a);
    w.record(r, b);
    w.record(r, b); // indexed again after a failed batch
    w.record(r, a);
    assertThat(w.spike(r, T0.plusSeconds(2))).isNull();
    w.record(r, at(T0.plusSeconds(2)));
    assertThat(w.spike(r, T0.plusSeconds(3)).volume().count()).isEqualTo(3);
    // a minute later the window is over: nothing is counted in the new one
    assertThat(w.spike(r, T0.plusSeconds(61))).isNull();
  }

  @Test
  void badConditionsAreRefusedNamingTheField() {
    assertThatThrownBy(() -> new VolumeChange(0, 3, 2, 1)).hasMessageContaining("windowSeconds");
    assertThatThrownBy(() -> new VolumeChange(60, 0, 2, 1)).hasMessageContaining("baselineWindows");
    assertThatThrownBy(() -> new VolumeChange(60, 3, 0.5, 1)).hasMessageContaining("factor");
    assertThatThrownBy(() -> new VolumeChange(60, 3, 2, 0)).hasMessageContaining("minPosts");
    assertThat(List.of(new VolumeChange(60, 3, 2, 1))).hasSize(1);
  }
}
