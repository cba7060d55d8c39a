package org.tocsin.nlp.harm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tocsin.nlp.baseline.LexiconScorer;

/**
 * The German and French constructions of {@link FrenchClauses}, {@link GermanClauses} and {@link
 * SharedClauses}, and the readings of {@link FrenchVerbs} and {@link GermanWords}: sentences
 * written for these tests (not from any suite), each hateful one missed before the 2026-12-08
 * round, and the negations, reports, news and friendly sentences that must stay unflagged.
 */
class GermanFrenchClausesTest {

  private static final String[][] CASES = {
    // French: a wish in the subjunctive
    {"fr", "CALL", "Qu'ils crèvent, ces sales réfugiés."},
    {"fr", "CALL", "Qu'elles brûlent toutes en enfer, les personnes trans."},
    {"fr", "CALL", "Qu'on les chasse de nos villes, les Roms."},
    {"fr", "CALL", "Ce serait bien que les Roms disparaissent pour de bon."},
    {"fr", "-", "C'est triste qu'ils meurent dans la Méditerranée, ces migrants."},
    {"fr", "-", "t'es qu'un juif de tes morts"},
    {"fr", "blocked:negation", "Qu'ils ne crèvent pas, ces réfugiés, voilà ce que je veux."},
    // French: a threat in the future tense, the group a clitic before the verb
    {"fr", "DIRECT_THREAT", "Un jour on les massacrera tous, ces Rohingyas."},
    {"fr", "DIRECT_THREAT", "Je tuerai chaque musulman de ce quartier."},
    {"fr", "DIRECT_THREAT", "On finira par tous les fusiller, ces Tutsis."},
    {"fr", "DIRECT_THREAT", "Je vous préviens, les migrants : vous allez tous crever."},
    {"fr", "blocked:negation", "On ne les massacrera jamais, les Rohingyas."},
    // French: insults naming the group, denied qualities, answers
    {"fr", "DEROGATION", "Ces putains de musulmans détruisent tout."},
    {"fr", "DEROGATION", "J'en ai marre de ces connards de migrants."},
    {"fr", "DEROGATION", "Ras-le-bol de ces Roms de merde."},
    {"fr", "DEROGATION", "Les Tutsis, ces enfoirés, méritent de crever."},
    {"fr", "DEHUMANISATION", "Les Rohingyas ? Des cafards, rien de plus."},
    {"fr", "DEROGATION", "Les homosexuels ne seront jamais des gens normaux."},
    {"fr", "DEROGATION", "Je n'ai jamais rencontré un Rom honnête."},
    {"fr", "DEROGATION", "Les Ouïghours ne sont-ils pas tous des terroristes ?"},
    {"fr", "-", "Les musulmans ne sont pas des terroristes."},
    {"fr", "-", "Je n'ai jamais eu de problème avec les Roms."},
    {"fr", "-", "Les Tutsis ont survécu au génocide de 1994."},
    // German: a split verb of dislike, a death foretold, the speaker's present
    {"de", "DEROGATION", "Ich kann die Muslime nicht ausstehen."},
    {"de", "DEROGATION", "Ausländer kann ich nicht leiden."},
    {"de", "NORMATIVE_THREAT", "Bis Weihnachten sind die Roma hier alle erschossen."},
    {"de", "DIRECT_THREAT", "Heute hängen wir die Schwulen."},
    {"de", "CALL", "Es wäre gut, wenn die Roma endlich verschwinden würden."},
    {"de", "CALL", "Und Ausländer raus!"},
    {"de", "-", "Gestern wurden die Migranten abgeschoben."},
    {"de", "-", "Die Roma wurden alle getötet, so berichtet der Zeuge."},
    {"de", "blocked:negation", "Bis Weihnachten sind die Roma hier nicht alle erschossen."},
    // German: denied qualities, appositions, answers, attributes, addressed threats
    {"de", "DEROGATION", "Man kann Juden nicht trauen."},
    {"de", "DEROGATION", "Flüchtlinge bringen diesem Land nichts Gutes."},
    {"de", "DEROGATION", "Ich habe noch nie einen ehrlichen Roma getroffen."},
    {"de", "DEROGATION", "Ihr faulen Flüchtlinge macht nichts."},
    {"de", "DEHUMANISATION", "Die Rohingya? Kakerlaken, nichts weiter."},
    {"de", "DEROGATION", "Sind die Uiguren nicht alle Terroristen?"},
    {"de", "DIRECT_THREAT", "Hört zu, ihr Flüchtlinge: ihr werdet alle vergast."},
    {"de", "-", "Muslime sind keine Terroristen."},
    {"de", "-", "Ich hatte nie ein Problem mit Roma."},
    {"de", "-", "Die Tutsi haben den Völkermord überlebt."},
  };

  private static HarmVocabulary vocabulary(String lang) {
    return HarmVocabulary.bundled(lang, LEXICON.lexicons().get(lang));
  }

  private static final LexiconScorer LEXICON = LexiconScorer.loadDefault();

  @TestFactory
  Stream<DynamicTest> germanAndFrenchConstructions() {
    return HarmGrammarTest.cases(CASES);
  }

  @Test
  void frenchVerbFormsAreReadAsTheListedInfinitiveOrParticiple() {
    HarmVocabulary fr = vocabulary("fr");
    assertThat(FrenchVerbs.base("massacrera", fr)).isEqualTo("massacrer");
    assertThat(FrenchVerbs.base("chassent", fr)).isEqualTo("chasser");
    assertThat(FrenchVerbs.base("massacrees", fr)).isIn("massacres", "massacree", "massacre");
    assertThat(FrenchVerbs.base("mangera", fr)).isNull(); // not an act
    assertThat(FrenchVerbs.base("pendant", fr)).isNull();
  }

  @Test
  void germanDeclinedAdjectivesAreReadAsTheListedForm() {
    HarmVocabulary de = vocabulary("de");
    assertThat(GermanWords.base("dreckigen", de)).startsWith("dreckig");
    assertThat(GermanWords.base("ehrlichen", de)).isEqualTo("ehrlich");
    assertThat(GermanWords.base("freundlichen", de)).isNull();
  }

  @Test
  void ordinaryWordsAreNotReadAsMisspelledVocabularyWords() {
    // "couille" is one letter off a French slur, "prendre" off "pendre": both are ordinary words
    HarmGrammar fr = HarmGrammarTest.grammar("fr");
    assertThat(fr.analyse("ça part en couille sur des délires complotistes").readings())
        .noneMatch(r -> r.contains("crouille"));
    assertThat(fr.analyse("prendre les giratoires en quatrième").readings()).isEmpty();
  }

  @Test
  void groupNamesSayWhetherAHostileWordStandsBesideTheGroup() {
    HarmGrammar de = HarmGrammarTest.grammar("de");
    HarmGrammar.GroupNames friendly = de.groupNames("Viele Migranten arbeiten in der Pflege.");
    assertThat(friendly.written()).containsExactly("Migranten");
    assertThat(friendly.hostile()).isFalse();
    assertThat(de.groupNames("Migranten sind dreckig.").hostile()).isTrue();
    assertThat(de.groupNames("Kein Muslim ist vertrauenswürdig.").hostile()).isTrue();
    assertThat(de.groupNames("Das Wetter ist schön.").written()).isEmpty();
  }
}
