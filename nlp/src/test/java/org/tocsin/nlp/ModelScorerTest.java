package org.tocsin.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Metrics;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.Score;
import org.tocsin.core.score.TargetScore;
import org.tocsin.core.score.TokenWeight;
import org.tocsin.nlp.baseline.LexiconScorer;
import org.tocsin.nlp.classifier.HateClassifier;
import org.tocsin.nlp.classifier.Prediction;
import org.tocsin.nlp.classifier.TargetClassifier;
import org.tocsin.nlp.classifier.TinyArtifacts;

class ModelScorerTest {
  @TempDir static Path tmp;
  static HateClassifier classifier;
  static LexiconScorer lexicon;

  @BeforeAll
  static void load() throws IOException {
    TinyArtifacts.write(tmp);
    classifier = HateClassifier.load(tmp);
    lexicon = LexiconScorer.loadDefault();
  }

  static Post post(String text) {
    return new Post(
        "mastodon",
        "1",
        "https://example.social/@a/1",
        new Author("acct-1", "a", null, null, null),
        Instant.parse("2024-05-01T12:00:00Z"),
        text,
        "en",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        Metrics.UNKNOWN,
        null,
        null);
  }

  @Test
  void hateFromTheClassifierEverythingElseFromTheLexicon() {
    ModelScorer scorer = new ModelScorer(classifier, lexicon, 0.5);
    Post p = post("honestly they are Vermin, kill them tonight");
    Score s = scorer.score(p);
    Score base = lexicon.score(p);
    Prediction pred = classifier.predict(p.text());
    assertThat(s.model()).isEqualTo("tocsin-hate-3way");
    assertThat(s.version()).isEqualTo(ModelScorer.VERSION);
    assertThat(s.hate()).isCloseTo(pred.hate(), org.assertj.core.data.Offset.offset(1e-4));
    assertThat(s.offensive())
        .isCloseTo(pred.offensive(), org.assertj.core.data.Offset.offset(1e-4));
    assertThat(s.targets()).isEqualTo(base.targets());
    assertThat(s.incitement()).isEqualTo(base.incitement());
    assertThat(s.dehumanization()).isEqualTo(base.dehumanization());
    assertThat(s.factors()).isEqualTo(base.factors());
    assertThat(s.explanation().lexicon()).isEqualTo(base.explanation().lexicon());
    assertThat(s.explanation().tokens())
        .as(s.explanation().notes() + " " + pred)
        .extracting(TokenWeight::token)
        .contains("Vermin");
    assertThat(s.explanation().notes().get(0)).contains("tiny v0").contains(LexiconScorer.MODEL);
  }

  @Test
  void targetClassifierAddsGroupsToTheLexiconsAndKeepsTheHigherConfidence() throws IOException {
    Path dir = tmp.resolve("targets");
    TinyArtifacts.writeTargets(dir, java.util.List.of("muslim/religious", "women/gender"));
    TargetClassifier targets = TargetClassifier.load(dir);
    ModelScorer scorer = new ModelScorer(classifier, targets, lexicon, 0.5);
    Post p = post("the muslims are here");
    Score s = scorer.score(p);
    Score base = lexicon.score(p);
    java.util.Map<String, Double> model = new java.util.HashMap<>();
    for (TargetScore t : targets.targets(p.text())) {
      model.put(t.group(), t.confidence());
    }
    assertThat(model).containsKey("muslim");
    assertThat(s.targets()).extracting(TargetScore::group).contains("muslim");
    for (TargetScore t : s.targets()) {
      double lex =
          base.targets().stream()
              .filter(b -> b.group().equals(t.group()))
              .mapToDouble(TargetScore::confidence)
              .max()
              .orElse(0);
      assertThat(t.confidence()).isEqualTo(Math.max(lex, model.getOrDefault(t.group(), 0.0)));
    }
    for (TargetScore b : base.targets()) {
      assertThat(s.targets()).extracting(TargetScore::group).contains(b.group());
    }
    assertThat(s.explanation().notes().get(0)).contains("tiny-targets v0");
    assertThat(new ModelScorer(classifier, targets, lexicon, 0.5).score(post("nice day")).targets())
        .isEqualTo(lexicon.score(post("nice day")).targets());
  }

  @Test
  void belowTheThresholdThereAreNoTokens() {
    ModelScorer scorer = new ModelScorer(classifier, lexicon, 0.5);
    Score s = scorer.score(post("nice weather today"));
    assertThat(s.label()).isEqualTo("normal");
    assertThat(s.explanation().tokens()).isEmpty();
    assertThat(s.explanation().notes()).anyMatch(n -> n.startsWith("no token explanation"));
  }

  @Test
  void hostileTextNeverThrows() {
    ModelScorer scorer = new ModelScorer(classifier, lexicon, 0);
    String hostile = "\u0000\uD800 #\u200B@ " + "x".repeat(200_000);
    assertThat(scorer.score(post(hostile)).model()).isEqualTo(ModelScorer.MODEL);
    assertThat(scorer.score(post("")).explanation().tokens()).isEmpty();
  }
}
