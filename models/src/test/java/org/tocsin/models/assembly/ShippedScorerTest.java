package org.tocsin.models.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.PostScorer;
import org.tocsin.core.score.Score;
import org.tocsin.nlp.LanguageRoutedScorer;
import org.tocsin.nlp.ModelScorer;
import org.tocsin.nlp.assembly.ScorerSettings;
import org.tocsin.nlp.assembly.ShippedScorer;
import org.tocsin.nlp.baseline.LexiconScorer;
import org.tocsin.nlp.cascade.CascadeScorer;

/** The shipped scorer built by nlp from the artifacts this module ships on the classpath. */
class ShippedScorerTest {
  static PostScorer shipped;

  @BeforeAll
  static void build() throws IOException {
    shipped = ShippedScorer.build();
  }

  static Post post(String text, String lang) {
    return Post.ofText(
        "test",
        "1",
        new Author("a", "a", null, null, null),
        Instant.parse("2026-12-07T00:00:00Z"),
        text,
        lang);
  }

  // germeval2018.test.txt line 14 (OFFENSE / INSULT)
  static final String GERMAN =
      "wen interessiert denn die Meinung des Außenminister @SigmarGabriel der in meinen Augen"
          + " strunzdumm ist #SPD";

  @Test
  void theDefaultsAreTheRouterOverTheV2EnsembleAndTheLanguageModels() {
    assertThat(shipped).isInstanceOf(LanguageRoutedScorer.class);
    assertThat(((LanguageRoutedScorer) shipped).languages())
        .containsExactlyInAnyOrder("de", "ar", "am", "my");
    assertThat(((LanguageRoutedScorer) shipped).lexiconLanguages())
        .containsExactlyInAnyOrder("fr", "es", "ru");
    Score en = shipped.score(post("you are a stupid idiot", "en"));
    assertThat(en.model()).isEqualTo(ModelScorer.MODEL);
    assertThat(en.version()).isEqualTo(shipped.version());
  }

  @Test
  void anUntaggedGermanTweetReachesHateDe() {
    Score untagged = shipped.score(post(GERMAN, null));
    assertThat(untagged.model()).isEqualTo("hate-de");
    assertThat(untagged.explanation().notes().get(0))
        .startsWith("language not tagged: taken as 'de' from its function words");
    Score tagged = shipped.score(post(GERMAN, "de"));
    assertThat(tagged.model()).isEqualTo("hate-de");
    assertThat(untagged.hate()).isEqualTo(tagged.hate());
    assertThat(untagged.offensive()).isEqualTo(tagged.offensive());
  }

  @Test
  void theEncoderSettingAddsTheStageForEnglishPostsNamingAGroupOnly() throws IOException {
    assertThat(((LanguageRoutedScorer) shipped).encoder()).isNull();
    LanguageRoutedScorer withEncoder =
        (LanguageRoutedScorer) ShippedScorer.build(ScorerSettings.DEFAULTS.withEncoder(true));
    assertThat(withEncoder.encoder()).isNotNull();
    // a threat the classifier alone reads as normal
    Score threat = withEncoder.score(post("kill all gays", "en"));
    assertThat(threat.label()).isEqualTo("hate");
    assertThat(threat.explanation().notes()).anyMatch(n -> n.startsWith("encoder stage"));
    long[] before = withEncoder.encoder().counts();
    withEncoder.score(post(GERMAN, "de"));
    long[] after = withEncoder.encoder().counts();
    assertThat(after[0] - before[0]).isEqualTo(1);
    assertThat(after[1] - before[1]).as("a German post is not embedded").isZero();
    // an English post passes exactly when the score without the stage names a target
    for (String text :
        List.of("what a lovely sunny morning at the beach", "the muslims in my street")) {
      boolean named = !shipped.score(post(text, "en")).targets().isEmpty();
      before = withEncoder.encoder().counts();
      withEncoder.score(post(text, "en"));
      after = withEncoder.encoder().counts();
      assertThat(after[1] - before[1]).as(text).isEqualTo(named ? 1 : 0);
    }
  }

  @Test
  void theLexiconSettingAndTheCascadeAreBuiltToo() throws IOException {
    assertThat(ShippedScorer.build(new ScorerSettings("lexicon", "", ScorerSettings.Cascade.OFF)))
        .isInstanceOf(LexiconScorer.class);
    ScorerSettings cascade =
        new ScorerSettings(
            "model",
            "",
            new ScorerSettings.Cascade(
                true, List.of("en", "de"), 0.05, true, false, 0.8, 0.3, 2, List.of("en")));
    PostScorer c = ShippedScorer.build(cascade);
    assertThat(c).isInstanceOf(CascadeScorer.class);
    assertThat(c.score(post(GERMAN, null)).model()).isEqualTo("hate-de");
  }
}
