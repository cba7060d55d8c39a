package org.tocsin.nlp.corenlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.LexiconHit;
import org.tocsin.nlp.baseline.LexiconScorer;

/** The deep stages' profiles, fast: CoreNLP is not loaded. */
class DeepProfilesTest {

  /** For each profiled language, a post with every one-word violence verb of its lexicon. */
  static final Map<String, String> LEXICON_VERBS =
      Map.of(
          "de",
          "töten tötet umbringen erschießen erschießt abschlachten schlachten vergasen vergast"
              + " aufhängen aufknüpfen hängen verbrennen anzünden abfackeln ausrotten vernichten"
              + " ausmerzen lynchen erschlagen abstechen massakrieren abknallen prügeln verprügeln",
          "fr",
          "tuer tuez tuons massacrer exterminer éliminer égorger brûler pendre fusiller abattre"
              + " lyncher gazer tabasser buter crever pendez pendons brûlez brulez brûlons brulons"
              + " égorgez egorgez égorgeons egorgeons exterminez exterminons massacrez massacrons"
              + " fusillez fusillons lynchez lynchons gazez butez tabassez éliminez eliminez bruler"
              + " egorger eliminer cramer",
          "ar",
          "اقتلوا اقتلوهم قتلهم قتل اذبحوا اذبحوهم ذبحهم ذبح ابادة إبادة ابادتهم احرقوا احرقوهم"
              + " حرقهم حرق سحل سحلهم تطهير",
          "es",
          "matar maten matarlos matarlas exterminar exterminarlos masacrar quemar quemarlos colgar"
              + " colgarlos fusilar fusilarlos linchar eliminar degollar gasear apalear mueran"
              + " matad matadlos mátenlos matenlos fusilad fusilen fusiladlos fusílenlos fusilenlos quemad quemen quemadlos"
              + " quémenlos quemenlos exterminad exterminen exterminadlos extermínenlos exterminenlos linchad linchen linchadlos línchenlos linchenlos"
              + " ahorcad ahorquen ahorcadlos ahórquenlos ahorquenlos degollad degüellen deguellen gasead gaseen masacrad masacren colgadlos cuélguenlos cuelguenlos");

  static Post post(String text, String lang) {
    return Post.ofText(
        "mastodon",
        "1",
        new Author("acct-1", "a", null, null, null),
        Instant.parse("2024-05-01T12:00:00Z"),
        text,
        lang);
  }

  @Test
  void everyLanguageWithAProfileHasItsLexiconsViolenceVerbsListed() {
    assertThat(LEXICON_VERBS.keySet())
        .containsExactlyInAnyOrderElementsOf(DeepStages.PROFILES.keySet());
    for (var e : LEXICON_VERBS.entrySet()) {
      ProfileDeepAnalyzer deep = (ProfileDeepAnalyzer) DeepStages.of(e.getKey());
      DeepProfile p = deep.profile();
      List<LexiconHit> hits =
          LexiconScorer.loadDefault().score(post(e.getValue(), e.getKey())).explanation().lexicon();
      long violence = hits.stream().filter(h -> "violence".equals(h.category())).count();
      assertThat(violence).as("violence hits in %s", e.getKey()).isGreaterThanOrEqualTo(10);
      for (LexiconHit h : hits) {
        String t = h.term().toLowerCase(Locale.ROOT);
        if ("violence".equals(h.category()) && !t.contains(" ")) {
          assertThat(
                  p.words("inf").contains(t)
                      || p.words("inf-noun").contains(t)
                      || p.imperatives().containsKey(t))
              .as("lexicon violence verb %s in %s", t, p.resource())
              .isTrue();
        }
      }
    }
  }

  @Test
  void theGermanProfileReadsSeparableVerbsModalsAndEventEndings() {
    ProfileDeepAnalyzer deep = (ProfileDeepAnalyzer) DeepStages.of("de");
    DeepProfile p = deep.profile();
    assertThat(p.imperatives().get("hängt")).containsExactly("auf");
    assertThat(p.modals().get("lasst")).containsExactly("uns");
    assertThat(p.modals().get("muss")).containsExactly("");
    assertThat(deep.eventNoun("terroranschlag")).isTrue();
    assertThat(deep.eventNoun("anschlags")).isTrue();
    assertThat(deep.eventNoun("flüchtlinge")).isFalse();
    assertThat(p.imperatives().get("raus")).containsExactly("mit");
    assertThat(p.words("policy")).contains("kriminell", "illegal");
    assertThat(p.reach()).containsEntry("policy", 3);
    assertThat(deep.pipeline(true))
        .isEqualTo("tokenize,ssplit,mwt,pos(german-ud),ner(german.distsim)");
    assertThat(deep.pipeline(false)).startsWith("tokenize,ssplit,mwt,pos(german-ud) (no call");
  }

  @Test
  void theFrenchProfileReadsCliticsRulesAndHyphenatedPronouns() {
    ProfileDeepAnalyzer deep = (ProfileDeepAnalyzer) DeepStages.of("fr");
    DeepProfile p = deep.profile();
    assertThat(p.rule("modal-question")).isTrue();
    assertThat(p.rule("modal-neg")).isTrue();
    assertThat(p.words("clitic")).contains("les", "l'");
    assertThat(p.words("target")).contains("-les", "tous");
    assertThat(p.imperatives().get("mort")).containsExactly("les");
    assertThat(p.modals().get("temps")).contains("de");
    assertThat(p.words("inf")).contains("egorger", "bruler");
    assertThat(deep.eventNoun("attentats")).isTrue();
    assertThat(deep.eventNoun("migrants")).isFalse();
    assertThat(deep.pipeline(true))
        .isEqualTo("tokenize,ssplit,mwt,pos(french-ud),ner(french-wikiner-4class)");
    DeepProfile german = ((ProfileDeepAnalyzer) DeepStages.of("de")).profile();
    assertThat(german.rule("modal-question")).isFalse();
    assertThat(german.words("clitic")).isEmpty();
  }

  @Test
  void theArabicProfileReadsTwoWordModalsEventNounsAndNoNer() {
    ProfileDeepAnalyzer deep = (ProfileDeepAnalyzer) DeepStages.of("ar");
    DeepProfile p = deep.profile();
    assertThat(p.modals().get("لا")).containsExactly("بد");
    assertThat(p.modals().get("بد")).containsExactlyInAnyOrder("هم", "ها");
    assertThat(p.ner()).isEmpty();
    assertThat(p.words("fused")).contains("اقتلوهم");
    assertThat(deep.eventNoun("الهجوم")).isTrue();
    assertThat(deep.eventNoun("مجزرة")).isTrue();
    assertThat(deep.eventNoun("اللاجئين")).isFalse();
    assertThat(deep.pipeline(true))
        .isEqualTo("tokenize,ssplit,pos(arabic) (CoreNLP has no NER model for ar)");
  }

  @Test
  void theSpanishProfileReadsEncliticsModalsWithQueAndQuestionMarks() {
    ProfileDeepAnalyzer deep = (ProfileDeepAnalyzer) DeepStages.of("es");
    DeepProfile p = deep.profile();
    assertThat(p.modals().get("hay")).containsExactlyInAnyOrder("que", "q");
    assertThat(p.modals().get("deberían")).containsExactly("");
    assertThat(p.rule("modal-question")).isTrue();
    assertThat(p.rule("modal-neg")).isTrue();
    Set<String> imp = ProfileDeepAnalyzer.folded(p.imperatives().keySet());
    Set<String> inf = ProfileDeepAnalyzer.folded(p.words("inf"));
    // "mátenlos" is "maten" + "los", accents aside; "fusila" is no "fusi" + "la"
    assertThat(deep.enclitic("mátenlos", imp)).isEqualTo("los");
    assertThat(deep.enclitic("matenlos", imp)).isEqualTo("los");
    assertThat(deep.enclitic("degüéllenlos", imp)).isEqualTo("los");
    assertThat(deep.enclitic("fusila", imp)).isNull();
    assertThat(deep.enclitic("degüella", imp)).isNull();
    assertThat(deep.enclitic("gasearlos", inf)).isEqualTo("los");
    assertThat(deep.enclitic("fusilados", inf)).isNull();
    assertThat(ProfileDeepAnalyzer.fold("degüéllenlos")).isEqualTo("deguellenlos");
    assertThat(p.words("qmark")).contains("¿", "??");
    assertThat(deep.eventNoun("atentados")).isTrue();
    assertThat(deep.eventNoun("inmigrantes")).isFalse();
    assertThat(deep.pipeline(true))
        .isEqualTo("tokenize,ssplit,mwt,pos(spanish-ud),ner(spanish.ancora.distsim.s512)");
    assertThat(DeepStages.LANGUAGES).contains("es");
  }

  @Test
  void aLanguageWithoutADeepStageIsRefusedNamingTheOnesThereAre() {
    assertThatThrownBy(() -> DeepStages.of("ja"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no CoreNLP deep stage for ja")
        .hasMessageContaining("de")
        .hasMessageContaining("fr")
        .hasMessageContaining("ar");
  }

  static DeepProfile parse(String text) throws java.io.IOException {
    return DeepProfile.parse("xx", "test.tsv", new BufferedReader(new StringReader(text)));
  }

  static final String MINIMAL =
      "syntax\tannotators\ttokenize,ssplit,pos\nsyntax\tpos.model\tm\nimp\tkill\n";

  @Test
  void aBrokenProfileIsRefusedWithItsLine() throws Exception {
    assertThat(parse(MINIMAL).imperatives()).containsKey("kill");
    assertThatThrownBy(() -> parse("# c\n" + MINIMAL + "imp\tTötet\n"))
        .hasMessageContaining("line 5")
        .hasMessageContaining("lower-case");
    assertThatThrownBy(() -> parse(MINIMAL + "verb\ttöten\n")).hasMessageContaining("unknown kind");
    assertThatThrownBy(() -> parse(MINIMAL + "tag\tnoun\n")).hasMessageContaining("tag<TAB>role");
    assertThatThrownBy(() -> parse(MINIMAL + "tag\tverbs\tVB\n"))
        .hasMessageContaining("role one of");
    assertThatThrownBy(() -> parse(MINIMAL + "reach\tmodal\t0\n")).hasMessageContaining("1..99");
    assertThatThrownBy(() -> parse(MINIMAL + "syntax\tpos.model\n"))
        .hasMessageContaining("property<TAB>value");
    assertThatThrownBy(() -> parse("imp\tkill\n")).hasMessageContaining("annotators and pos.model");
    assertThatThrownBy(() -> parse("syntax\tannotators\ta\nsyntax\tpos.model\tm\n"))
        .hasMessageContaining("no imperative and no modal");
    assertThatThrownBy(() -> parse(MINIMAL + "ner\tannotators\tner\n"))
        .hasMessageContaining("needs ner.model");
    assertThat(parse(MINIMAL + "rule\tmodal-neg\n").rule("modal-neg")).isTrue();
    assertThatThrownBy(() -> parse(MINIMAL + "rule\tmodal-never\n"))
        .hasMessageContaining("line 4")
        .hasMessageContaining("rule<TAB>one of");
  }
}
