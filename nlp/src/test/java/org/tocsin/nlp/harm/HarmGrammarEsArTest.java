package org.tocsin.nlp.harm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Spanish and Arabic forms the grammar reads since 2026-12-08, in the authors' own sentences (not
 * the functional suite's): Spanish futures and conditionals, subjunctive calls, a topic named
 * before its call, dropped subjects, relative clauses, idioms that hold an act's word; Arabic
 * future prefixes, imperatives written like the past, pronouns on prepositions, the usual names of
 * the groups. Cases as in {@link HarmGrammarTest}: the construction that must fire, {@code -} for
 * nothing, {@code blocked:<kind>}.
 */
class HarmGrammarEsArTest {

  private static final String[][] CASES = {
    {"es", "DIRECT_THREAT", "Sacaremos a patadas a los homosexuales de este pueblo."},
    {"es", "DIRECT_THREAT", "A los gitanos los degollaríamos a todos."},
    {"es", "CALL", "Los musulmanes merecen que los maten."},
    {"es", "CALL", "Que se mueran los gitanos."},
    {"es", "CALL", "Los romaníes, que se vayan todos de aquí."},
    {"es", "CALL", "Los romaníes, fuera de nuestro país."},
    {"es", "NORMATIVE_THREAT", "Mi barrio está lleno de gitanos. Merecen morir todos."},
    {"es", "NORMATIVE_THREAT", "Todos los gitanos deberían ser encerrados y deportados."},
    {"es", "NORMATIVE_THREAT", "Los solicitantes de asilo tendrían que ser expulsados ya."},
    {"es", "DEHUMANISATION", "Los refugiados que llegan cada día a nuestras costas son una plaga."},
    {"es", "DEROGATION", "Los homosexuales no son normales."},
    {"es", "DEROGATION", "No me fío de los judíos, siempre mienten."},
    {"es", "DEROGATION", "Hijos de puta los musulmanes, todos."},
    {"es", "DEROGATION", "Odio profundamente a las personas trans."},
    {"es", "DEROGATION", "Las mujeres no valen para nada."},
    {"es", "DEROGATION", "Los refugiados de los cojones nos están jodiendo."},
    {"es", "-", "Los vamos a echar de menos, a los refugiados que se marchan."},
    {"es", "-", "Os echaremos de menos, refugiados."},
    {"es", "-", "Los refugiados que llegan cada día a nuestras costas son valientes."},
    {"es", "-", "Los homosexuales son normales."},
    {"es", "blocked:negation", "Ningún inmigrante merece ser deportado así."},
    {"es", "-", "Los refugiados, que se queden todos."},
    {"es", "-", "Mañana limpiaré la casa con los refugiados."},
    {"ar", "DIRECT_THREAT", "هنضرب المثليين"},
    {"ar", "DIRECT_THREAT", "بنذبح كل الغجر"},
    {"ar", "DIRECT_THREAT", "هنطرد الروما من البلد"},
    {"ar", "DIRECT_THREAT", "سوف أطلق النار على كل لاجئ"},
    {"ar", "CALL", "فلنقتل اليهود"},
    {"ar", "CALL", "يلا نضرب الشواذ"},
    {"ar", "CALL", "وقاتلوا اليهود"},
    {"ar", "DIRECT_THREAT", "نحن قادمون لذبح اليهود"},
    {"ar", "CALL", "على الدولة أن تطرد اللاجئين"},
    {"ar", "DEHUMANISATION", "اللاجئون الذين يأتون إلى بلادنا حشرات"},
    {"ar", "DEROGATION", "أعرف الغجر جيدا، كلهم لصوص."},
    {"ar", "DEROGATION", "الروما لصوص"},
    {"ar", "DEHUMANISATION", "أصحاب البشرة السوداء قرود"},
    {"ar", "DEROGATION", "المثليون ليسوا أسوياء"},
    {"ar", "DEROGATION", "اليهود لا يمكن الوثوق بهم"},
    {"ar", "DEROGATION", "اللعنة على المهاجرين"},
    {"ar", "DEROGATION", "ولاد الكلب اليهود"},
    {"ar", "DIRECT_THREAT", "والله سنحرقكم يا يهود"},
    {"ar", "-", "أصحاب البشرة السوداء جيراننا"},
    {"ar", "-", "سنساعد اللاجئين"},
    {"ar", "-", "هنا يعيش اللاجئون"},
    {"ar", "-", "بنات الحي يدرسن في الجامعة"},
    {"ar", "-", "سنقتل الوقت بلعب الورق مع اللاجئين"},
    {"ar", "-", "اللاجئون الذين يأتون إلى بلادنا ليسوا حشرات"},
    {"ar", "blocked:reported speech", "قال الرئيس إن اللاجئين الذين يأتون إلى بلادنا حشرات"},
    // round 2: addressed groups, more norms, subjunctive calls, pronouns on conjunctions
    {"es", "DIRECT_THREAT", "Judíos, os vamos a degollar a todos."},
    {"es", "DIRECT_THREAT", "Sé dónde vivís, musulmanes. Pronto os vamos a fusilar."},
    {"es", "DIRECT_THREAT", "Preparaos, romaníes: esta noche vamos a por vosotros."},
    {"es", "DIRECT_THREAT", "Mañana me cargo a todos los refugiados del barrio."},
    {"es", "NORMATIVE_THREAT", "Pronto todos los uigures estarán muertos."},
    {"es", "NORMATIVE_THREAT", "Los tutsis deberían arder en una hoguera."},
    {"es", "NORMATIVE_THREAT", "Los gitanos merecen acabar en una fosa común."},
    {"es", "NORMATIVE_THREAT", "Los rohinyás no merecen otra cosa que la muerte."},
    {"es", "NORMATIVE_THREAT", "Las mujeres merecen una paliza."},
    {"es", "CALL", "A los homosexuales, fusilarlos a todos."},
    {"es", "CALL", "Hace falta que alguien mate a los refugiados."},
    {"es", "DEHUMANISATION", "Los musulmanes viven entre nosotros, pero son unas ratas."},
    {"es", "DEHUMANISATION", "Joder con los musulmanes, son una puta plaga."},
    {"es", "-", "Judíos, os queremos mucho."},
    {"es", "-", "Os vamos a ayudar a todos, refugiados."},
    {"es", "-", "Los homosexuales merecen ser felices."},
    {"es", "-", "Los refugiados llegaron a la fuerza del mar."},
    {"ar", "DIRECT_THREAT", "اليهود، سوف نبيدهم عن بكرة أبيهم"},
    {"ar", "CALL", "يجب أن يعدم المثليون"},
    {"ar", "NORMATIVE_THREAT", "اللاجئون لا يستحقون سوى الموت"},
    {"ar", "CALL", "الأفضل أن يموت كل اليهود"},
    {"ar", "CALL", "فليمت اليهود"},
    {"ar", "DEROGATION", "لا تصدقوا المهاجرين، فهم كذابون"},
    {"ar", "DEHUMANISATION", "يعيش اللاجئون بيننا لكنهم حثالة"},
    {"ar", "DEROGATION", "النساء لا عقل لهن"},
    {"ar", "DIRECT_THREAT", "عندي سكين، وأعرف أين تسكن النساء"},
    {"ar", "-", "أيها اللاجئون، سنساعدكم"},
    {"ar", "-", "المثليون يستحقون الاحترام"},
    {"ar", "-", "اطردوا الخوف من قلوبكم"},
    {"ar", "blocked:negation", "المسلمون ليسوا حشرات بل بشر مثلنا"},
    {"ar", "-", "قتلة اللاجئين يجب أن يحاكموا"},
    {"ar", "-", "رأيت قطا أسود قرب بيت اللاجئين"},
  };

  @TestFactory
  Stream<DynamicTest> spanishAndArabicForms() {
    return HarmGrammarTest.cases(CASES);
  }

  @Test
  void aSpanishFutureIsReadAsItsPeriphrasisAndSaysSo() {
    HarmAnalysis a = HarmGrammarTest.grammar("es").analyse("Estrangularíamos a los refugiados");
    assertThat(a.fired())
        .extracting(HarmFinding::construction)
        .contains(Construction.DIRECT_THREAT);
    assertThat(a.readings())
        .contains("'Estrangularíamos' read as 'vamos a estrangular' (future or conditional)");
  }

  @Test
  void anArabicFuturePrefixIsSplitOnlyBeforeAnAct() {
    HarmAnalysis a =
        HarmGrammarTest.grammar("ar").analyse("\u0633\u0646\u0636\u0631\u0628\u0647\u0645");
    assertThat(a.readings())
        .anyMatch(r -> r.contains("\u0633\u0648\u0641 \u0646\u0636\u0631\u0628"));
    // سنة (a year), هنا (here), بنات (girls): ordinary words, never cut
    for (String w :
        List.of("\u0633\u0646\u0629", "\u0647\u0646\u0627", "\u0628\u0646\u0627\u062a")) {
      assertThat(HarmGrammarTest.grammar("ar").analyse(w).readings()).as(w).isEmpty();
    }
  }

  @Test
  void ordinaryWordsAreNotReadAsVocabularyWords() {
    // "a la fuerza" is not "a la fuera" (an expulsion); واحد is not و + احد; قتلة (killers) is not
    // قتل + a pronoun
    assertThat(
            HarmGrammarTest.grammar("es").analyse("Los refugiados llegaron a la fuerza").readings())
        .isEmpty();
    assertThat(HarmGrammarTest.grammar("ar").analyse("\u0648\u0627\u062d\u062f").readings())
        .isEmpty();
    assertThat(
            HarmGrammarTest.grammar("ar")
                .analyse(
                    "\u0642\u062a\u0644\u0629 \u0627\u0644\u0644\u0627\u062c\u0626\u064a\u0646")
                .readings())
        .isEmpty();
  }
}
