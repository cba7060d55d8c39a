package org.tocsin.models.multiling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.Score;
import org.tocsin.nlp.LanguageRoutedScorer;
import org.tocsin.nlp.ModelScorer;
import org.tocsin.nlp.baseline.LexiconScorer;
import org.tocsin.nlp.classifier.HateClassifier;

/** The shipped artifacts behind {@link LanguageRoutedScorer}: each language gets its own model. */
class LanguageRoutingTest {
  static LanguageRoutedScorer scorer;
  static HateClassifier german;
  static HateClassifier burmese;

  @BeforeAll
  static void load() throws IOException {
    LexiconScorer lexicon = LexiconScorer.loadDefault();
    ModelScorer english =
        new ModelScorer(
            HateClassifier.load(Path.of("artifacts", "hate-3way-v1")),
            lexicon,
            ModelScorer.DEFAULT_EXPLAIN_THRESHOLD);
    german = HateClassifier.load(Path.of("artifacts", "hate-de-v1"));
    burmese = HateClassifier.load(Path.of("artifacts", "hate-my-v1"));
    scorer =
        LanguageRoutedScorer.of(
            english,
            lexicon,
            Map.of(
                "de",
                german,
                "ar",
                HateClassifier.load(Path.of("artifacts", "hate-ar-v1")),
                "am",
                HateClassifier.load(Path.of("artifacts", "hate-am-v1")),
                "my",
                burmese));
  }

  static Post post(String text, String lang) {
    return new Post(
        "test",
        "1",
        null,
        new Author("a", "a", null, null, null),
        Instant.parse("2026-12-02T00:00:00Z"),
        text,
        lang,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  static final String INSULT = "Du bist so ein dummer Idiot, halt endlich die Fresse";

  @Test
  void aGermanPostIsScoredByHateDeAndItsScoreNamesIt() {
    Score s = scorer.score(post(INSULT, "de"));
    assertThat(s.model()).isEqualTo("hate-de");
    assertThat(s.version()).isEqualTo("1");
    assertThat(s.hate())
        .isCloseTo(german.predict(INSULT).hate(), org.assertj.core.data.Offset.offset(1e-4));
    assertThat(s.offensive()).isGreaterThan(0.5);
    assertThat(s.explanation().notes().get(0)).contains("hate-de v1").contains("language de");
    assertThat(s.explanation().notes()).noneMatch(n -> n.contains("HateXplain, English"));
    // the explanation still comes out, from the German model's occlusion
    assertThat(s.explanation().tokens()).isNotEmpty();
    assertThat(s.explanation().tokens().get(0).token()).isEqualTo("dummer");
  }

  @Test
  void aBurmesePostTaggedMyIsScoredByHateMy() {
    String insult = "မင်းကခွေးကောင်ပဲ"; // "you are a dog", written without spaces
    Score s = scorer.score(post(insult, "my"));
    assertThat(s.model()).isEqualTo("hate-my");
    assertThat(s.version()).isEqualTo("1");
    assertThat(s.offensive())
        .isCloseTo(burmese.predict(insult).offensive(), org.assertj.core.data.Offset.offset(1e-4))
        .isGreaterThan(0.5);
    assertThat(s.explanation().notes().get(0)).contains("hate-my v1").contains("language my");
    assertThat(s.explanation().tokens().get(0).token()).isEqualTo("ခွေး");
    assertThat(scorer.score(post(insult, "mya")).model()).isEqualTo("hate-my");
    assertThat(scorer.score(post(insult, "bur")).model()).isEqualTo("hate-my");
    assertThat(scorer.score(post(insult, "my-MM")).model()).isEqualTo("hate-my");
  }

  @Test
  void anUntaggedPostWhoseScriptDecidesGoesToThatLanguagesModelAndSaysSo() {
    String insult = "မင်းကခွေးကောင်ပဲ"; // "you are a dog", written without spaces
    Score s = scorer.score(post(insult, null));
    assertThat(s.model()).isEqualTo("hate-my");
    assertThat(s.offensive())
        .isCloseTo(burmese.predict(insult).offensive(), org.assertj.core.data.Offset.offset(1e-4));
    assertThat(s.explanation().notes().get(0))
        .startsWith("language not tagged: taken as 'my' from the script")
        .contains("Myanmar script");
    assertThat(s.explanation().notes().get(1)).contains("hate-my v1");
    assertThat(scorer.score(post("انت واحد كلب وحقير", null)).model()).isEqualTo("hate-ar");
    assertThat(scorer.score(post("ደደብ ፋሽስት ነህ እሺ", null)).model()).isEqualTo("hate-am");
    // Persian letters (hand-written "this is a test message"): no guess, the fallback as before
    Score fa = scorer.score(post("این یک پیام آزمایشی برای برنامه است", null));
    assertThat(fa.model()).isEqualTo(ModelScorer.MODEL);
    assertThat(fa.explanation().notes().get(0)).startsWith("language not tagged and not guessed");
    // a tag wins over the script: a Burmese text tagged en stays with English
    assertThat(scorer.score(post(insult, "en")).model()).isEqualTo(ModelScorer.MODEL);
  }

  @Test
  void regionTagsAndIsoThreeLetterCodesRouteToo() {
    assertThat(scorer.score(post(INSULT, "de-AT")).model()).isEqualTo("hate-de");
    assertThat(scorer.score(post(INSULT, "DEU")).model()).isEqualTo("hate-de");
    assertThat(scorer.score(post("انت واحد كلب وحقير", "ar")).model()).isEqualTo("hate-ar");
    assertThat(scorer.score(post("ደደብ ፋሽስት ነህ", "am")).model()).isEqualTo("hate-am");
  }

  @Test
  void aPostWithoutLanguageGoesToEnglishAsBefore() {
    Score s = scorer.score(post("you are a stupid idiot", null));
    assertThat(s.model()).isEqualTo(ModelScorer.MODEL);
    assertThat(s.version()).isEqualTo(ModelScorer.VERSION);
    assertThat(s.explanation().notes()).noneMatch(n -> n.startsWith("no model for language"));
  }

  @Test
  void aLanguageWithoutModelOrLexiconFallsBackToEnglishAndSaysSo() {
    Score s = scorer.score(post("Sei un idiota", "it"));
    assertThat(s.model()).isEqualTo(ModelScorer.MODEL);
    assertThat(s.explanation().notes())
        .anyMatch(
            n -> n.startsWith("no model for language 'it'") && n.contains("tocsin-hate-3way"));
  }

  @Test
  void aFrenchPostIsScoredByTheFrenchLexiconNotTheEnglishModel() {
    Score s = scorer.score(post("Tu es un idiot", "fr"));
    assertThat(s.model()).isEqualTo(LexiconScorer.MODEL);
    assertThat(s.explanation().notes().get(0)).contains("fr lexicon");
  }

  @Test
  void anUntaggedGermanPostIsScoredByHateDeAndSaysTheLanguageWasGuessed() {
    String text = "Du bist so ein dummer Idiot, halt endlich die Fresse, das ist nicht zu glauben";
    Score s = scorer.score(post(text, null));
    assertThat(s.model()).isEqualTo("hate-de");
    assertThat(s.hate())
        .isCloseTo(german.predict(text).hate(), org.assertj.core.data.Offset.offset(1e-4));
    assertThat(s.explanation().notes().get(0))
        .startsWith("language not tagged: taken as 'de' from its function words");
    assertThat(s.explanation().notes().get(1)).contains("hate-de v1");
    // the same post tagged: the same scores, no guess note
    Score tagged = scorer.score(post(text, "de"));
    assertThat(tagged.hate()).isEqualTo(s.hate());
    assertThat(tagged.explanation().notes()).noneMatch(n -> n.startsWith("language not tagged"));
  }

  @Test
  void aHostileLanguageTagNeitherThrowsNorFloodsTheNotes() {
    Score s = scorer.score(post("hello", "x".repeat(10_000)));
    assertThat(s.model()).isEqualTo(ModelScorer.MODEL);
    assertThat(s.explanation().notes()).allMatch(n -> n.length() < 1_000);
    assertThat(scorer.score(post("hello", "  ")).model()).isEqualTo(ModelScorer.MODEL);
  }

  @Test
  void theRouterReportsItsLanguagesAndTheFallbacksName() {
    assertThat(scorer.languages()).containsExactlyInAnyOrder("de", "ar", "am", "my");
    assertThat(scorer.model()).isEqualTo(ModelScorer.MODEL);
  }
}
