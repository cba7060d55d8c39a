package org.tocsin.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.Score;
import org.tocsin.nlp.baseline.LexiconScorer;

/**
 * The router's choices with the bundled lexicons: the per-language model is stood in for by the
 * German lexicon under another name (the shipped classifiers live in {@code models}, whose {@code
 * LanguageRoutingTest} routes to them), so that every route can be told apart by its model name.
 */
class LanguageRoutedScorerTest {
  static final LexiconScorer LEXICON = LexiconScorer.loadDefault();
  static final LanguageRoutedScorer ROUTER =
      new LanguageRoutedScorer(
          LEXICON,
          List.of(
              new LanguageRoutedScorer.Route("de", LEXICON, "de-model", "7", "the German route"),
              new LanguageRoutedScorer.Route(
                  "fr", LEXICON, LexiconScorer.MODEL, LexiconScorer.VERSION, "the French route")));

  // germeval2018.test.txt line 5 (OFFENSE)
  static final String GERMAN =
      "@umweltundaktiv Asylantenflut bringt eben nur negatives für Deutschland. Drum Asylanenstop"
          + " und Rückführung der Mehrzahl.";

  static Post post(String text, String lang) {
    return Post.ofText(
        "test",
        "1",
        new Author("a", "a", null, null, null),
        Instant.parse("2026-12-07T00:00:00Z"),
        text,
        lang);
  }

  @Test
  void anUntaggedGermanPostTakesTheGermanRouteAndSaysTheLanguageWasGuessed() {
    Score s = ROUTER.score(post(GERMAN, null));
    assertThat(s.model()).isEqualTo("de-model");
    assertThat(s.version()).isEqualTo("7");
    assertThat(s.explanation().notes().get(0))
        .startsWith("language not tagged: taken as 'de' from its function words")
        .contains("German function words");
    assertThat(s.explanation().notes().get(1)).isEqualTo("the German route");
    // the route saw the post as German: the German lexicon was used, not the English one
    assertThat(s.explanation().notes()).noneMatch(n -> n.contains("the en lexicon was used"));
    // tags that name no language are not usable: guessed the same way
    assertThat(ROUTER.score(post(GERMAN, "und")).model()).isEqualTo("de-model");
    assertThat(ROUTER.score(post(GERMAN, "qme")).model()).isEqualTo("de-model");
  }

  @Test
  void aTaggedPostIsRoutedByItsTagWithoutAGuess() {
    Score s = ROUTER.score(post(GERMAN, "de-AT"));
    assertThat(s.model()).isEqualTo("de-model");
    assertThat(s.explanation().notes().get(0)).isEqualTo("the German route");
    assertThat(s.explanation().notes()).noneMatch(n -> n.startsWith("language not tagged"));
    // the tag wins over the words: German text tagged en goes to the fallback, unnoted
    Score en = ROUTER.score(post(GERMAN, "en"));
    assertThat(en.model()).isEqualTo(LexiconScorer.MODEL);
    assertThat(en.explanation().notes()).noneMatch(n -> n.startsWith("language not tagged"));
  }

  @Test
  void anUntaggedFrenchPostGoesToTheFrenchRoute() {
    // MLMA fr_dataset.csv HITId 11
    Score s =
        ROUTER.score(
            post(
                "#duisburg 4 réfugiés arabes lardent de coups de couteau une ado allemande enceinte"
                    + " de 5 mois qui cru qu’elle p… @url",
                null));
    assertThat(s.explanation().notes().get(0)).contains("taken as 'fr'");
    assertThat(s.explanation().notes().get(1)).isEqualTo("the French route");
  }

  @Test
  void anUntaggedEnglishOrUndecidedPostGoesToTheFallbackWithANote() {
    Score en = ROUTER.score(post("they are not welcome here and they should all go back", null));
    assertThat(en.model()).isEqualTo(LexiconScorer.MODEL);
    assertThat(en.explanation().notes().get(0)).startsWith("language not tagged: taken as 'en'");
    Score none = ROUTER.score(post("#MAGA https://t.co/x", null));
    assertThat(none.explanation().notes().get(0)).startsWith("language not tagged and not guessed");
    // a guessed language without a route: the fallback, and the note says so
    Score it =
        ROUTER.score(
            post(
                "Tutti gli esseri umani nascono liberi ed eguali in dignità e diritti. Essi sono"
                    + " dotati di ragione e di coscienza",
                null));
    assertThat(it.explanation().notes().get(0))
        .contains("taken as 'it'")
        .contains("no model or lexicon for it");
  }

  @Test
  void theFactoryRoutesLexiconOnlyLanguagesAndKeepsModelLanguagesApart() {
    LanguageRoutedScorer r = LanguageRoutedScorer.of(LEXICON, LEXICON, java.util.Map.of());
    assertThat(r.languages()).isEmpty();
    assertThat(r.lexiconLanguages()).containsExactlyInAnyOrder("de", "fr", "es", "ru", "ar", "my");
    Score s = r.score(post("Eres un idiota y no sirves para nada", "es"));
    assertThat(s.model()).isEqualTo(LexiconScorer.MODEL);
    assertThat(s.explanation().notes().get(0)).contains("es lexicon").contains("alone");
  }

  @Test
  void hostileTagsAndTextsNeitherThrowNorFloodTheNotes() {
    Score s = ROUTER.score(post("hello", "x".repeat(10_000)));
    assertThat(s.explanation().notes()).allMatch(n -> n.length() < 1_000);
    assertThat(ROUTER.score(post("der die das ".repeat(50_000), "  ")).model())
        .isEqualTo("de-model");
  }
}
