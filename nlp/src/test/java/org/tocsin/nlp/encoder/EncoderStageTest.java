package org.tocsin.nlp.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.Explanation;
import org.tocsin.core.score.Factors;
import org.tocsin.core.score.Ground;
import org.tocsin.core.score.Score;
import org.tocsin.core.score.TargetScore;

/** The shipped heads over the real encoder, and the gate, on hand-picked posts. */
class EncoderStageTest {

  private static final Author AUTHOR = new Author("t", "t", null, null, null);
  private static EncoderStage stage;

  @BeforeAll
  static void load() throws IOException {
    stage = EncoderStage.loadDefault();
  }

  private static Post post(String text) {
    return Post.ofText("test", "1", AUTHOR, Instant.EPOCH, text, "en");
  }

  /** A score as the classifier might leave a post it misreads: normal, with a group named. */
  private static Score normalNaming(String group, Ground ground) {
    return new Score(
        "t",
        "1",
        0.1,
        0.2,
        0.05,
        0,
        List.of(new TargetScore(group, ground, 0.9)),
        Factors.NONE,
        Explanation.NONE);
  }

  @Test
  void threatsAgainstAGroupBecomeHate() {
    for (String text :
        List.of(
            "We must kill all the muslims, every last one of them",
            "Round up the gays and shoot them all",
            "The Rohingya should be exterminated like rats")) {
      Score s = stage.apply("en", post(text), normalNaming("muslims", Ground.RELIGIOUS));
      assertThat(s.label()).as(text).isEqualTo("hate");
      assertThat(s.explanation().notes()).as(text).anyMatch(n -> n.startsWith("encoder stage"));
      assertThat(s.hate() + s.offensive()).isLessThanOrEqualTo(1.0 + 1e-9);
    }
  }

  @Test
  void theIncitementHeadRanksACallToKillAboveAMention() {
    SentenceEncoder encoder = SentenceEncoder.load();
    EncoderHead inc = stage.heads().incitement();
    double call = inc.probability(encoder.embed("We must kill all the muslims, every last one"));
    double mention = inc.probability(encoder.embed("Many muslims live in this part of the city"));
    assertThat(call).isGreaterThan(mention + 0.2);
  }

  @Test
  void neutralAndPositiveMentionsAreLeftAlone() {
    for (String text :
        List.of(
            "My muslim neighbours invited us to their iftar dinner, it was lovely",
            "The conference on the history of Jewish communities in Poland starts on Monday")) {
      Score base = normalNaming("muslims", Ground.RELIGIOUS);
      Score s = stage.apply("en", post(text), base);
      assertThat(s.label()).as(text).isEqualTo("normal");
      assertThat(s.incitement()).as(text).isLessThan(0.5);
    }
  }

  @Test
  void theGateSkipsOtherLanguagesAndPostsWithoutAGroup() {
    AtomicInteger embedded = new AtomicInteger();
    EncoderStage counting =
        new EncoderStage(
            stage.heads(),
            t -> {
              embedded.incrementAndGet();
              return new float[SentenceEncoder.DIMENSION];
            });
    Score named = normalNaming("jews", Ground.RELIGIOUS);
    Score none = new Score("t", "1", 0.1, 0.2, 0, 0, List.of(), Factors.NONE, Explanation.NONE);
    assertThat(counting.apply("de", post("Wir müssen sie alle töten"), named)).isSameAs(named);
    assertThat(counting.apply("en", post("kill it with fire, this printer"), none)).isSameAs(none);
    assertThat(embedded.get()).isZero();
    assertThat(counting.counts()).containsExactly(2, 0);
    counting.apply("en", post("the jews"), named);
    assertThat(embedded.get()).isEqualTo(1);
    assertThat(counting.counts()).containsExactly(3, 1);
  }

  @Test
  void anEncoderFailureLeavesTheScoresWithANote() {
    EncoderStage failing =
        new EncoderStage(
            stage.heads(),
            t -> {
              throw new IllegalStateException("boom");
            });
    Score named = normalNaming("jews", Ground.RELIGIOUS);
    Score s = failing.apply("en", post("the jews"), named);
    assertThat(s.hate()).isEqualTo(named.hate());
    assertThat(s.incitement()).isEqualTo(named.incitement());
    assertThat(s.explanation().notes()).anyMatch(n -> n.contains("could not read"));
  }
}
