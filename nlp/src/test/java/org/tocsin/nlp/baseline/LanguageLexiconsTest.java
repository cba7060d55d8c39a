package org.tocsin.nlp.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tocsin.nlp.baseline.TestPosts.post;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tocsin.core.post.Metrics;
import org.tocsin.core.score.LexiconHit;
import org.tocsin.core.score.Score;
import org.tocsin.core.score.TargetScore;

/** The per-language lexicons: chosen by the post's language tag, never the English one for them. */
class LanguageLexiconsTest {
  private static final LexiconScorer SCORER = LexiconScorer.loadDefault();

  private static Score score(String text, String lang) {
    return SCORER.score(post(text, lang, Metrics.UNKNOWN, null));
  }

  private static List<String> terms(Score s) {
    return s.explanation().lexicon().stream().map(LexiconHit::term).toList();
  }

  private static List<String> groups(Score s) {
    return s.targets().stream().map(TargetScore::group).toList();
  }

  @Test
  void everyBundledLanguageLoadsWithEveryCategory() {
    assertThat(SCORER.lexicons().keySet())
        .containsExactly("ar", "de", "en", "es", "fr", "my", "ru");
    for (String lang : LexiconScorer.BUNDLED_LANGUAGES) {
      Lexicon l = SCORER.lexicons().get(lang);
      assertThat(l.language()).isEqualTo(lang);
      assertThat(l.name()).isEqualTo("tocsin-baseline-" + lang + "-v1");
      assertThat(l.countByCategory().keySet())
          .as(lang)
          .contains(
              LexiconCategory.GROUP,
              LexiconCategory.DEHUMANIZATION,
              LexiconCategory.VIOLENCE,
              LexiconCategory.CALL_TO_ACTION,
              LexiconCategory.IMMINENCE);
    }
    assertThat(SCORER.lexicon().language()).isEqualTo("en");
  }

  @Test
  void burmeseSlursAndDeathWishesAreReadFromTheBurmeseLexicon() {
    // myHateSpeech 1.0 (CC BY-NC-SA 4.0), line 1726 (class se): "a gay [slur] is a joke"
    Score se = score("အခြောက် ဆို တာ ရယ် စရာ ဟာသ တစ် ခု ပဲ", "my");
    assertThat(groups(se)).contains("lgbtq");
    assertThat(se.explanation().lexicon())
        .allMatch(h -> h.lexicon().equals("tocsin-baseline-my-v1"));
    // line 263 (class le), written without spaces as Burmese usually is: "... die quickly"
    Score le = score("စောက်ရှက်တွေမရှိဘူးမြန်မြန်သေပါစေ", "mya");
    assertThat(le.explanation().lexicon())
        .anyMatch(h -> h.category().equals("violence") && h.term().equals("သေ ပါ စေ"));
    // hand-written: "let us kill the kalar tonight" names the group, the act and the time
    Score call = score("ဒီည ကုလား တွေ ကို သတ်ကြစို့", "my");
    assertThat(terms(call)).contains("ဒီ ည", "ကုလား", "သတ်", "ကြ စို့");
    assertThat(groups(call)).contains("muslim");
    assertThat(call.factors().likelihood().score()).isPositive();
    assertThat(call.incitement()).isGreaterThan(se.incitement());
    // line 103 (class no): "favourite actor" has no hit
    assertThat(score("အကြိုက်ဆုံး သရုပ်ဆောင် 😁 😅 😂", "my").explanation().lexicon()).isEmpty();
  }

  @Test
  void germanArticlesAreNotEnglishViolence() {
    // A real GermEval 2018 test tweet (labelled OTHER), CC BY 4.0, Wiegand, Siegel and Ruppenhofer.
    String text =
        "Meine Mutter hat mir erzählt, dass mein Vater einen Wahlkreiskandidaten nicht gewählt hat,"
            + " weil der gegen die Homo-Ehe ist ☺";
    Score german = score(text, "de");
    Score untagged = score(text, null);
    assertThat(terms(untagged)).contains("die"); // what the English lexicon reads into German
    assertThat(terms(german)).doesNotContain("die");
    assertThat(german.explanation().lexicon())
        .allMatch(h -> h.lexicon().equals("tocsin-baseline-de-v1"));
    assertThat(german.incitement()).isZero();
  }

  @Test
  void germanCallToViolenceAgainstAGroupIsIncitement() {
    Score s = score("Wir müssen die Flüchtlinge heute Nacht vergasen, dieses Ungeziefer", "de-DE");
    assertThat(terms(s)).contains("wir müssen", "flüchtlinge", "heute nacht", "vergasen");
    assertThat(groups(s)).contains("refugee");
    assertThat(s.dehumanization()).isPositive();
    assertThat(s.incitement()).isGreaterThan(0.3);
    assertThat(s.factors().likelihood().score()).isPositive();
  }

  @Test
  void realGermanAbuseFindsItsGroup() {
    // Real GermEval 2018 test tweet labelled OFFENSE / ABUSE (handles removed).
    Score s = score("Raus, raus, raus , mit dem ganzen Niggergesindel!", "de");
    assertThat(s.hate() + s.offensive()).isPositive();
    Score refugees =
        score(
            "in ihrem Heimatland scheißen sich die #Flüchtlinge in die Hose und hier in"
                + " Deutschland lassen Sie die Sau raus",
            "de");
    assertThat(groups(refugees)).contains("refugee");
  }

  @Test
  void frenchSpanishRussianAndArabicEachUseTheirOwn() {
    Score fr = score("Il faut tuer ces bougnoules ce soir", "fr");
    assertThat(groups(fr)).contains("arab");
    assertThat(fr.incitement()).isGreaterThan(0.3);

    Score es = score("Hay que matar a los inmigrantes, son alimañas", "es-MX");
    assertThat(groups(es)).contains("migrant");
    assertThat(es.dehumanization()).isPositive();
    assertThat(es.incitement()).isGreaterThan(0.3);

    Score ru = score("Бей жидов сегодня ночью", "ru");
    assertThat(groups(ru)).contains("jewish");
    assertThat(ru.incitement()).isGreaterThan(0.3);

    Score ar = score("اقتلوا الروافض الليلة", "ar");
    assertThat(groups(ar)).contains("shia");
    assertThat(ar.incitement()).isGreaterThan(0.3);
  }

  @Test
  void theSpanishLexiconReadsImperativeAndUnaccentedForms() {
    // the forms a call uses, which the Spanish deep stage reads: without them the gate never
    // sent "Fusilen a los judíos" deep
    for (String call :
        List.of("Fusilen a los judíos", "Quemad a los gitanos", "Matenlos a todos esos moros")) {
      Score s = score(call, "es");
      assertThat(s.explanation().lexicon()).as(call).anyMatch(h -> "violence".equals(h.category()));
      assertThat(groups(s)).as(call).isNotEmpty();
    }
    assertThat(groups(score("Fuera los judios", "es"))).contains("jewish");
  }

  @Test
  void ordinaryPostsInEachLanguageScoreNothing() {
    assertThat(score("Wir treffen uns morgen im Park", "de").incitement()).isZero();
    assertThat(score("Nous allons au marché demain matin", "fr").incitement()).isZero();
    assertThat(score("Mañana vamos a la playa con mis amigos", "es").incitement()).isZero();
    assertThat(score("Завтра будет хорошая погода", "ru").incitement()).isZero();
    assertThat(score("الطقس جميل اليوم", "ar").incitement()).isZero();
  }

  @Test
  void languageTagsAreReadByTheirPrimarySubtag() {
    assertThat(SCORER.lexiconFor("de").language()).isEqualTo("de");
    assertThat(SCORER.lexiconFor("DE-at").language()).isEqualTo("de");
    assertThat(SCORER.lexiconFor("pt_BR").language()).isEqualTo("en");
    assertThat(SCORER.lexiconFor("fr_CA").language()).isEqualTo("fr");
    assertThat(SCORER.lexiconFor(null).language()).isEqualTo("en");
    assertThat(SCORER.lexiconFor("").language()).isEqualTo("en");
    assertThat(SCORER.lexiconFor("deutsch").language()).isEqualTo("en");
    assertThat(SCORER.lexiconFor("d").language()).isEqualTo("en");
    assertThat(SCORER.lexiconFor("de\u0000x").language()).isEqualTo("en");
    assertThat(SCORER.lexiconFor("x".repeat(10_000)).language()).isEqualTo("en");
  }

  @Test
  void aLanguageWithoutALexiconSaysSoInTheNotes() {
    assertThat(score("hello", "pt").explanation().notes())
        .contains(
            "no lexicon for post language 'pt' (lexicons: ar, de, en, es, fr, my, ru); the en"
                + " lexicon"
                + " was used");
    assertThat(score("hallo", "de").explanation().notes())
        .noneMatch(n -> n.startsWith("no lexicon"));
  }

  @Test
  void headerLanguageIsChecked() throws Exception {
    String bad = "tocsin-lexicon\tformat=1\tname=x\tlang=German\n";
    assertThatThrownBy(() -> Lexicon.read(new BufferedReader(new StringReader(bad)), "bad.tsv"))
        .isInstanceOf(LexiconFormatException.class)
        .hasMessageContaining("lang=")
        .hasMessageContaining("bad.tsv");
    String ok = "tocsin-lexicon\tformat=1\tname=x\tlang=nl\nmoord\tviolence\t1.0\t-\t-\ttocsin\n";
    Lexicon nl = Lexicon.read(new BufferedReader(new StringReader(ok)), "nl.tsv");
    assertThat(nl.language()).isEqualTo("nl");
    assertThatThrownBy(() -> LexiconScorer.of(nl, List.of(nl)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two lexicons for language 'nl'");
  }
}
