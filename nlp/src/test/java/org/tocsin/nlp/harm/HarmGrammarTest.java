package org.tocsin.nlp.harm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tocsin.nlp.baseline.LexiconScorer;

/**
 * Each construction and each blocker, in each language the grammar has. A case is {@code language,
 * expectation, text}; the expectation is the construction that must fire, {@code -} for nothing
 * fired, or {@code blocked:<kind>} for a construction found and stopped by that kind of blocker.
 */
class HarmGrammarTest {

  private static final LexiconScorer LEXICON = LexiconScorer.loadDefault();
  private static final Map<String, HarmGrammar> GRAMMARS = new ConcurrentHashMap<>();

  static HarmGrammar grammar(String lang) {
    return GRAMMARS.computeIfAbsent(
        lang, l -> new HarmGrammar(HarmVocabulary.bundled(l, LEXICON.lexicons().get(l))));
  }

  private static final String[][] CASES = {
    // English: constructions
    {"en", "CALL", "kill all gays"},
    {"en", "CALL", "we must kill all muslims #StopIslam"},
    {"en", "CALL", "Let's get rid of the Roma"},
    {"en", "CALL", "Time to exterminate the Uyghurs"},
    {"en", "CALL", "someone should gas the jews"},
    {"en", "CALL", "deport all immigrants now"},
    {"en", "CALL", "Death to the Jews"},
    {"en", "CALL", "the only good muslim is a dead muslim"},
    {"en", "DIRECT_THREAT", "I will kill every Jew I see"},
    // English, round 3: real posts' shapes (the incitement set's dev half, the demo corpus)
    {"en", "DIRECT_THREAT", "i d kill all the jews lmao good luck with that"},
    {"en", "NORMATIVE_THREAT", "and all jews guilty of genocide must be exterminated by communism"},
    {"en", "NORMATIVE_THREAT", "Jews who run the banks must be exterminated"},
    {"en", "NORMATIVE_THREAT", "every moslem should have been expelled by now"},
    {"en", "CALL", "send the troops in and just shoot all the muslims"},
    {"en", "CALL", "the option to shoot that nigger dead on the spot"},
    {"en", "CALL", "I would prefer that the jews are rounded up and deported"},
    {"en", "CALL", "I want all muslims deported"},
    {"en", "CALL", "the jews again. We should start gangs of our own and kill them"},
    {"en", "-", "They want to kill all muslims"},
    {"en", "-", "these mfs never start on time land of the free home of the jews"},
    {"en", "-", "Muslims who say gays should be killed are wrong"},
    {"en", "-", "I hope the jews are not harmed"},
    {"en", "-", "i hope joe exotic gets gay raped to death by a tiger"},
    {"en", "-", "i will make mexico pay for women"},
    {"en", "-", "someone is gonna bash me for being muslim"},
    {"en", "-", "I'd love to see gay people happy and free"},
    {"en", "blocked:negation", "I would never kill all the jews"},
    // English, round 5: threats and norms in one phrase
    {"en", "NORMATIVE_THREAT", "Gays belong in mass graves"},
    {"en", "NORMATIVE_THREAT", "Muslims are better off dead"},
    {"en", "NORMATIVE_THREAT", "The Tutsi will all be dead soon"},
    {"en", "NORMATIVE_THREAT", "Refugees will get a bullet"},
    {"en", "DIRECT_THREAT", "We know where the Jews live"},
    {"en", "DIRECT_THREAT", "The Roma again. We know where they sleep"},
    {"en", "DIRECT_THREAT", "I'm going to make the refugees suffer"},
    {"en", "-", "Muslims are better off in their own neighbourhood clinics"},
    {"en", "-", "We know where the best restaurants are"},
    {"en", "-", "Jews will soon be a majority here"},
    // English, round 5: the predicate before the group, or after a question; a dismissed report
    {"en", "DEHUMANISATION", "Vermin, that's what the Jews are"},
    {"en", "DEROGATION", "How disgusting the Roma are"},
    {"en", "DEHUMANISATION", "You know what women are? Trash."},
    {"en", "DEHUMANISATION", "I don't care what anyone says, Muslims are parasites"},
    {"en", "-", "How kind the Roma are"},
    {"en", "-", "Who are the Rohingya? Refugees."},
    {"en", "blocked:reported speech", "People say Muslims are parasites"},
    {"en", "DIRECT_THREAT", "We are going to wipe out the Tutsi"},
    {"en", "NORMATIVE_THREAT", "Muslims should be shot"},
    {"en", "NORMATIVE_THREAT", "Jews deserve to die"},
    {"en", "NORMATIVE_THREAT", "Roma deserve nothing but a bullet."},
    {"en", "NORMATIVE_THREAT", "Refugees need to be deported"},
    {"en", "NORMATIVE_THREAT", "Immigrants don't deserve to live"},
    {"en", "NORMATIVE_THREAT", "The Rohingya are vermin and must be exterminated"},
    {"en", "NORMATIVE_THREAT", "The Roma are here. They should all be thrown out."},
    {"en", "DEHUMANISATION", "The Rohingya are vermin"},
    {"en", "DEHUMANISATION", "Women are nothing but animals"},
    {"en", "DEHUMANISATION", "Black people are like rats"},
    {"en", "DEHUMANISATION", "Muslims are not human"},
    {"en", "DEHUMANISATION", "Aren't Muslims just vermin?"},
    {"en", "DEROGATION", "Trans people are disgusting"},
    {"en", "DEROGATION", "I hate Muslims"},
    {"en", "DEROGATION", "Disabled people are a burden"},
    // a strong slur is derogation of its group by itself, negated or not; not after a guard word
    {"en", "DEROGATION", "There are too many ragheads in this neighbourhood now."},
    {"en", "DEROGATION", "I'm not sitting next to kikes on the bus."},
    {"en", "-", "That's my nigga right there, love him to death."},
    {"en", "blocked:quotation", "Calling them \"ragheads\" is racist."},
    // English: blockers and plain mentions
    {"en", "blocked:negation", "Gay people do not deserve to die"},
    {"en", "blocked:negation", "No one should hurt Muslims"},
    {"en", "blocked:negation", "Jews are not vermin"},
    {"en", "blocked:negation", "We will never kill Muslims"},
    {"en", "blocked:reported speech", "He said that Jews are rats"},
    {"en", "blocked:quotation", "\"Kill all gays\" is what they chanted"},
    {"en", "blocked:counter-speech", "Stop saying that refugees are vermin"},
    {"en", "blocked:counter-speech", "I hate it when people call Muslims rats"},
    {"en", "blocked:news", "100 Rohingya were killed in an attack on the village"},
    {"en", "blocked:a question", "Is it true that Jews are rats?"},
    {"en", "-", "I love my Muslim neighbours"},
    {"en", "-", "Muslims pray five times a day"},
    {"en", "-", "Muslims will kill us all"},
    {"en", "-", "Kill the lights please"},
    {"en", "-", "I'm going to kill this bug"},
    // German
    {"de", "CALL", "Juden vergasen!"},
    {"de", "CALL", "Roma vertreiben, alle, sofort!"},
    {"de", "-", "Muslime beten am Freitag."},
    {"de", "CALL", "Tötet alle Juden"},
    {"de", "CALL", "Schmeißt die Ausländer raus"},
    {"de", "CALL", "Ausländer raus!"},
    {"de", "CALL", "Man sollte die Roma ausrotten"},
    {"de", "CALL", "Es ist Zeit, die Schwulen zu vernichten"},
    {"de", "DIRECT_THREAT", "Wir werden alle Flüchtlinge vergasen"},
    {"de", "NORMATIVE_THREAT", "Die Juden sollten vergast werden"},
    {"de", "NORMATIVE_THREAT", "Muslime müssen sterben"},
    {"de", "DEHUMANISATION", "Die Juden sind Ratten"},
    {"de", "DEHUMANISATION", "Muslime sind keine Menschen"},
    {"de", "DEROGATION", "Frauen sind widerlich"},
    {"de", "blocked:negation", "Juden verdienen es nicht zu sterben"},
    {"de", "blocked:negation", "Niemand sollte Muslime töten"},
    {"de", "blocked:reported speech", "Er sagte, die Juden seien Ratten"},
    {"de", "blocked:counter-speech", "Hört auf zu sagen, dass Flüchtlinge Ungeziefer sind"},
    {"de", "-", "Ich mag meine muslimischen Nachbarn"},
    {"de", "-", "Die Flüchtlinge werden uns töten"},
    // German, broadened vocabulary (vocab-defr): each of these failed before
    {"de", "NORMATIVE_THREAT", "Die Juden sollten alle erstochen werden"},
    {"de", "NORMATIVE_THREAT", "Flüchtlinge sollen absaufen"},
    {"de", "NORMATIVE_THREAT", "Schwule gehören an den Galgen"},
    {"de", "NORMATIVE_THREAT", "Die Flüchtlinge sind zu vernichten"},
    {"de", "CALL", "Man sollte die Flüchtlinge im Mittelmeer absaufen lassen"},
    {"de", "CALL", "Hoffentlich verrecken die Roma alle"},
    {"de", "CALL", "Ich hoffe, dass alle Migranten abgeschoben werden"},
    {"de", "CALL", "Weg mit den Kanaken!"},
    {"de", "CALL", "Jemand müsste die Zigeuner mal kaltmachen"},
    {"de", "DIRECT_THREAT", "Ich knall die Moslems alle ab"},
    {"de", "DEHUMANISATION", "Flüchtlinge sind schlimmer als Ratten"},
    {"de", "DEHUMANISATION", "Ihr Juden seid Parasiten"},
    {"de", "DEROGATION", "Die Roma sind diebisch und verlogen"},
    {"de", "DEROGATION", "Die Muslime haben nichts beigetragen"},
    {"de", "DEROGATION", "Ich ekle mich vor Schwulen"},
    // French
    {"fr", "CALL", "Tuez tous les juifs"},
    {"fr", "CALL", "Les musulmans, il faut les tuer"},
    {"fr", "CALL", "Il faut les tuer, ces musulmans"},
    {"fr", "CALL", "Mort aux juifs"},
    {"fr", "CALL", "Dehors les migrants"},
    {"fr", "DIRECT_THREAT", "On va exterminer les Roms"},
    {"fr", "NORMATIVE_THREAT", "Les juifs doivent mourir"},
    {"fr", "NORMATIVE_THREAT", "Les migrants devraient être expulsés"},
    {"fr", "DEHUMANISATION", "Les juifs sont des rats"},
    {"fr", "DEHUMANISATION", "Les musulmans ne sont que des cafards"},
    {"fr", "DEROGATION", "Je déteste les gays"},
    {"fr", "blocked:negation", "Les juifs ne méritent pas de mourir"},
    {"fr", "blocked:negation", "Personne ne devrait tuer les musulmans"},
    {"fr", "blocked:reported speech", "Il a dit que les juifs sont des rats"},
    {"fr", "blocked:counter-speech", "Arrêtez de dire que les migrants sont des parasites"},
    {"fr", "blocked:news", "Des musulmans ont été tués dans une attaque"},
    {"fr", "-", "J'aime mes voisins musulmans"},
    // French, broadened vocabulary (vocab-defr): each of these failed before
    {"fr", "CALL", "Il faut flinguer tous les Roms"},
    {"fr", "CALL", "Il faut que les musulmans soient tous expulsés"},
    {"fr", "CALL", "Y'a qu'à tous les gazer, ces juifs"},
    {"fr", "CALL", "Il est temps d'expulser les musulmans"},
    {"fr", "DIRECT_THREAT", "Je buterai tous les juifs"},
    {"fr", "DIRECT_THREAT", "On va leur faire la peau, à ces juifs"},
    {"fr", "NORMATIVE_THREAT", "Les Roms doivent être liquidés"},
    {"fr", "NORMATIVE_THREAT", "Les migrants n'ont qu'à crever"},
    {"fr", "DEHUMANISATION", "Les migrants sont plus sales que les rats"},
    {"fr", "DEHUMANISATION", "Les musulmans sont une bande de parasites"},
    {"fr", "DEROGATION", "Je ne ferai jamais confiance aux musulmans"},
    {"fr", "DEROGATION", "J'en ai ras le bol des musulmans"},
    {"fr", "DEROGATION", "Les musulmans n'ont rien à faire en France"},
    // Spanish
    {"es", "CALL", "Matad a todos los judíos"},
    {"es", "CALL", "Los gitanos, hay que matarlos"},
    {"es", "CALL", "Hay que matarlos a todos, a los gitanos"},
    {"es", "CALL", "Que mueran todos los judíos"},
    {"es", "CALL", "Muerte a los judíos"},
    {"es", "DIRECT_THREAT", "Vamos a exterminar a los musulmanes"},
    {"es", "NORMATIVE_THREAT", "Los judíos deben morir"},
    {"es", "NORMATIVE_THREAT", "Los inmigrantes merecen ser deportados"},
    {"es", "DEHUMANISATION", "Los judíos son ratas"},
    {"es", "DEHUMANISATION", "Los gitanos no son humanos"},
    {"es", "DEROGATION", "Odio a los gays"},
    {"es", "blocked:negation", "Los judíos no merecen morir"},
    {"es", "blocked:negation", "Nadie debería matar a los musulmanes"},
    {"es", "blocked:reported speech", "Dijo que los judíos son ratas"},
    {"es", "blocked:counter-speech", "Dejen de decir que los inmigrantes son parásitos"},
    {"es", "blocked:news", "Varios musulmanes fueron asesinados en un ataque"},
    {"es", "-", "Quiero a mis vecinos musulmanes"},
    {"es", "CALL", "Hay que apedrear a los gitanos"},
    {"es", "DIRECT_THREAT", "Aplastaremos a los inmigrantes"},
    {"es", "NORMATIVE_THREAT", "Los gitanos merecen la hoguera"},
    {"es", "DEHUMANISATION", "Los judíos son sanguijuelas"},
    {"es", "DEROGATION", "Los musulmanes son unos mentirosos"},
    {"es", "DEROGATION", "Los gitanos no son de fiar"},
    {"es", "DEHUMANISATION", "Los inmigrantes son marranos"},
    {"es", "DIRECT_THREAT", "Ahorcaré a los judíos"},
    {"es", "blocked:counter-speech", "Rechazamos a quienes llaman sanguijuelas a los judíos"},
    // Arabic
    {"ar", "CALL", "اقتلوا اليهود"},
    {"ar", "CALL", "يجب قتل اليهود"},
    {"ar", "CALL", "الموت لليهود"},
    {"ar", "CALL", "يجب طرد اللاجئين"},
    {"ar", "CALL", "اليهود أعداء. اقتلوهم"},
    {"ar", "DIRECT_THREAT", "سنقتل الروهينجا"},
    {"ar", "NORMATIVE_THREAT", "اليهود يجب أن يموتوا"},
    {"ar", "NORMATIVE_THREAT", "اليهود يستحقون الموت"},
    {"ar", "DEHUMANISATION", "اليهود حشرات"},
    {"ar", "DEHUMANISATION", "اللاجئين مثل الجرذان"},
    {"ar", "DEHUMANISATION", "المسيحيين ليسوا بشرا"},
    {"ar", "DEROGATION", "اليهود قذرين"},
    {"ar", "blocked:negation", "اليهود ليسوا حشرات"},
    {"ar", "blocked:reported speech", "قال إن اليهود حشرات"},
    {"ar", "blocked:news", "قتل عشرات اللاجئين في هجوم على المخيم"},
    {"ar", "-", "أحب جيراني المسلمين"},
    {"ar", "-", "اقتلوهم"},
    {"ar", "CALL", "اطعنوا اللاجئين"},
    {"ar", "CALL", "اللهم عليك باليهود"},
    {"ar", "DIRECT_THREAT", "سنشنق المثليين"},
    {"ar", "NORMATIVE_THREAT", "اليهود يستحقون المشنقة"},
    {"ar", "DEHUMANISATION", "المسيحيين ديدان"},
    {"ar", "DEROGATION", "اللاجئين كذابين"},
    {"ar", "DEROGATION", "اليهود جشعون"},
    {"ar", "DIRECT_THREAT", "سأطعن اللاجئين"},
    {"ar", "NORMATIVE_THREAT", "المسلمون يستحقون الخنق"},
  };

  @TestFactory
  Stream<DynamicTest> everyConstructionAndBlockerPerLanguage() {
    return cases(CASES);
  }

  /**
   * One dynamic test per case {@code {language, expectation, text}}: the construction that must
   * fire, {@code -} for nothing fired, {@code blocked:<kind>} for a construction stopped by that
   * blocker.
   */
  static Stream<DynamicTest> cases(String[][] cases) {
    return Stream.of(cases)
        .map(c -> DynamicTest.dynamicTest(c[0] + " " + c[1] + ": " + c[2], () -> check(c)));
  }

  private static void check(String[] c) {
    HarmAnalysis a = grammar(c[0]).analyse(c[2]);
    String expected = c[1];
    if (expected.equals("-")) {
      assertThat(a.fired()).as("nothing fires").isEmpty();
    } else if (expected.startsWith("blocked:")) {
      assertThat(a.fired()).as("nothing fires").isEmpty();
      assertThat(a.blocked()).as("a blocked construction").isNotEmpty();
      assertThat(a.blocked().get(0).blocker()).startsWith(expected.substring(8));
    } else {
      assertThat(a.fired())
          .as("fired constructions")
          .extracting(f -> f.construction().name())
          .contains(expected);
    }
  }

  @Test
  void aFindingNamesItsGroupActAndWords() {
    HarmFinding f = grammar("en").analyse("Time to exterminate the Uyghurs").fired().get(0);
    assertThat(f.construction()).isEqualTo(Construction.CALL);
    assertThat(f.act()).isEqualTo(Act.EXTERMINATION);
    assertThat(f.group()).isEqualTo("uyghur");
    assertThat(f.words()).isEqualTo("Time to exterminate the Uyghurs");
    assertThat(f.describe())
        .isEqualTo("call (extermination) on 'Time to exterminate the Uyghurs' aimed at uyghur");
  }

  @Test
  void aPronounNamesTheGroupItStandsFor() {
    HarmFinding f =
        grammar("en").analyse("The Roma are here. They should all be thrown out.").fired().get(0);
    assertThat(f.group()).isEqualTo("roma");
    assertThat(f.viaPronoun()).isTrue();
    assertThat(f.act()).isEqualTo(Act.EXPULSION);
  }

  @Test
  void aCallAfterAnAnonymisedOrRealHandleStillOpensItsSentence() {
    for (String text :
        List.of("<user> gas the jews", "<user> <user> gas the jews", "@someone gas the jews")) {
      HarmFinding f = grammar("en").analyse(text).fired().get(0);
      assertThat(f.construction()).as(text).isEqualTo(Construction.CALL);
      assertThat(f.group()).as(text).isEqualTo("jewish");
    }
  }

  @Test
  void aThreatWithoutAGroupIsNotHate() {
    assertThat(grammar("en").analyse("I will kill you").findings()).isEmpty();
    assertThat(grammar("en").analyse("kill them all").findings()).isEmpty();
  }

  @Test
  void hostileInputIsReadWithoutFailing() {
    HarmGrammar en = grammar("en");
    assertThat(en.analyse("").findings()).isEmpty();
    assertThat(en.analyse("\u200B\u200B\u0000 \uD83D\uDE00 ??? ... \"\"\" '''").findings())
        .isEmpty();
    String longText = "kill all the muslims ".repeat(20_000);
    HarmAnalysis a = en.analyse(longText);
    assertThat(a.fired()).isNotEmpty();
    String noise = "a".repeat(100_000);
    assertThat(en.analyse(noise).findings()).isEmpty();
  }
}
