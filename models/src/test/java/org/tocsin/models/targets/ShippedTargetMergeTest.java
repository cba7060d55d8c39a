package org.tocsin.models.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.Ground;
import org.tocsin.core.score.TargetScore;
import org.tocsin.nlp.baseline.LexiconScorer;
import org.tocsin.nlp.classifier.TargetClassifier;
import org.tocsin.nlp.classifier.TargetMerge;

/**
 * The shipped target classifier merged with the lexicon as the scorer does: a post that names a
 * group is not also said to target groups it never mentions on the classifier's weak guess, while a
 * post that names none keeps the classifier's groups.
 */
class ShippedTargetMergeTest {
  static TargetClassifier classifier;
  static LexiconScorer lexicon;

  @BeforeAll
  static void load() throws IOException {
    classifier = TargetClassifier.load(ShippedTargetArtifactTest.DIR);
    lexicon = LexiconScorer.loadDefault();
  }

  static List<String> groups(String text) {
    Post post =
        Post.ofText("test", "1", new Author("a", "a", "a", null, null), Instant.EPOCH, text, "en");
    return TargetMerge.merge(
            lexicon.score(post).targets(),
            classifier.targets(text),
            TargetMerge.INFERRED_MIN_WHEN_NAMED)
        .stream()
        .map(TargetScore::group)
        .toList();
  }

  @Test
  void aPostThatNamesTheRohingyaTargetsTheRohingyaOnly() {
    String text = "The Rohingya are vermin and must be exterminated";
    // what the classifier alone proposes: groups the post never names
    assertThat(classifier.targets(text))
        .extracting(TargetScore::group)
        .contains("jewish", "muslim");
    assertThat(groups(text)).containsExactly("rohingya");
  }

  @Test
  void aPostThatNamesNoGroupKeepsTheClassifiersGroups() {
    String text = "they are vermin and must be exterminated";
    List<String> inferred = classifier.targets(text).stream().map(TargetScore::group).toList();
    assertThat(inferred).isNotEmpty();
    assertThat(groups(text)).containsExactlyElementsOf(inferred);
  }

  @Test
  void aGroupTheClassifierIsSureOfStaysBesideANamedOne() {
    List<TargetScore> named = List.of(new TargetScore("rohingya", Ground.ETHNIC, 0.9));
    List<TargetScore> inferred =
        List.of(
            new TargetScore("muslim", Ground.RELIGIOUS, 0.95),
            new TargetScore("jewish", Ground.RELIGIOUS, 0.55));
    assertThat(TargetMerge.merge(named, inferred, 0.6))
        .extracting(TargetScore::group)
        .containsExactly("muslim", "rohingya");
    assertThat(TargetMerge.merge(List.of(), inferred, 0.6))
        .extracting(TargetScore::group)
        .containsExactly("muslim", "jewish");
  }
}
