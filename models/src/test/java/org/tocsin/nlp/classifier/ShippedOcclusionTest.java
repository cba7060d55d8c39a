package org.tocsin.nlp.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tocsin.core.post.Post;
import org.tocsin.testkit.RealPosts;

/**
 * The shipped hate-3way-v1 and targets-v1 artifacts: incremental occlusion gives the token
 * attributions of re-classifying every shortened text afresh, and the shared tokenisation and
 * vector give what each classifier gives on the text, on the real-post sample.
 */
class ShippedOcclusionTest {
  static HateClassifier hate;
  static TargetClassifier targets;

  @BeforeAll
  static void load() throws IOException {
    hate = HateClassifier.load(Path.of("artifacts", "hate-3way-v1"));
    targets = TargetClassifier.load(Path.of("artifacts", "targets-v1"));
  }

  @Test
  void incrementalDropsEqualReclassification() {
    double worst = 0;
    int words = 0;
    for (Post p : RealPosts.sample()) {
      TextFeatures f = TextFeatures.of(p.text());
      int n = Math.min(f.words().size(), OcclusionExplainer.MAX_OCCLUDED);
      double[] fast = hate.abusiveWithoutEach(f, n);
      List<List<String>> variants = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        List<String> shorter = new ArrayList<>(f.words());
        shorter.remove(i);
        variants.add(shorter);
      }
      List<Prediction> slow = hate.predictTokens(variants);
      for (int i = 0; i < n; i++) {
        assertThat(fast[i])
            .as(p.text() + " without word " + i)
            .isCloseTo(slow.get(i).abusive(), offset(1e-5));
        worst = Math.max(worst, Math.abs(fast[i] - slow.get(i).abusive()));
        words++;
      }
    }
    assertThat(words).isGreaterThan(3000);
    assertThat(worst).isLessThan(1e-5);
  }

  @Test
  void explanationsEqualTheReference() {
    int explained = 0;
    for (Post p : RealPosts.sample()) {
      Explained fast = hate.explain(p.text(), 8);
      Explained slow = OcclusionExplainer.explainByReclassification(hate, p.text(), 8);
      assertThat(fast.prediction()).isEqualTo(slow.prediction());
      assertThat(fast.occludedTokens()).isEqualTo(slow.occludedTokens());
      assertThat(fast.tokens()).as(p.text()).hasSameSizeAs(slow.tokens());
      for (int i = 0; i < slow.tokens().size(); i++) {
        assertThat(fast.tokens().get(i).token())
            .as(p.text())
            .isEqualTo(slow.tokens().get(i).token());
        assertThat(fast.tokens().get(i).weight())
            .as(p.text())
            .isCloseTo(slow.tokens().get(i).weight(), offset(1e-5));
      }
      explained += slow.tokens().isEmpty() ? 0 : 1;
    }
    assertThat(explained).isGreaterThan(50);
  }

  @Test
  void sharedFeaturesGiveWhatEachClassifierGivesOnTheText() {
    assertThat(targets.vectorizer().sameFeatures(hate.vectorizer())).isTrue();
    for (Post p : RealPosts.sample()) {
      TextFeatures f = TextFeatures.of(p.text());
      assertThat(hate.predict(f)).isEqualTo(hate.predict(p.text()));
      assertThat(targets.targets(f)).isEqualTo(targets.targets(p.text()));
    }
  }
}
