package org.tocsin.nlp.harm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * English hate carried by a pronoun, a subordinate clause or a denied quality (harm grammar round
 * 6), and the contrasts that must stay unflagged. A case is {@code expectation, text}, read as in
 * {@link HarmGrammarTest}: the construction that must fire, {@code -} for nothing fired, {@code
 * blocked:<kind>} for a construction stopped by that blocker. Every hateful case here fired nothing
 * before round 6; the sentences are the authors' own.
 */
class EnglishSubclauseTest {

  private static final String[][] CASES = {
    // a pronoun contracted with its verb, resolved to the group named before it
    {"DEROGATION", "The trouble with black people is that they're criminals."},
    {"DEHUMANISATION", "Refugees - they're all parasites."},
    {"DEHUMANISATION", "What do you expect from Muslims? They're savages."},
    {"DEHUMANISATION", "They're parasites, the lot of them, these Jews."},
    {"NORMATIVE_THREAT", "Gay people? Theyll all be shot one day."},
    {"-", "Refugees? They're welcome here, they're our neighbours."},
    // a relative clause set off by commas stands for the group
    {"DEROGATION", "Muslims, who are all terrorists, should not be allowed here."},
    {"DEHUMANISATION", "Refugees, who are nothing but parasites, keep flooding in."},
    {"-", "Muslims, who make up a tenth of the city, celebrate Eid this week."},
    // a group inside someone else's relative clause is not what the predicate is said of
    {"-", "The men who killed the refugees must be punished."},
    {"-", "The thugs who attacked the Jews are animals."},
    // "no" that asserts: "it's no secret that ..."
    {"DEROGATION", "It's no secret that gay people are perverts."},
    {"blocked:negation", "It's not true that gay people are perverts."},
    // a report answered by the speaker's own clause after "but"
    {"DEROGATION", "Refugees say they are fleeing war, but they are all rapists."},
    {"DEHUMANISATION", "Say what you want about Jews, but they are vermin."},
    {"blocked:reported speech", "He says refugees are rapists, but he has never met one."},
    // the group inside the verb of hatred
    {"DEROGATION", "Trans people are everywhere now. I want them dead."},
    // a good quality denied, the group after it or denied to every member
    {"DEROGATION", "I've never met an honest Muslim."},
    {"DEROGATION", "You can never trust a Jew."},
    {"DEROGATION", "There is no such thing as a decent refugee."},
    {"DEROGATION", "No refugee is decent."},
    {"DEROGATION", "None of the Roma are honest people."},
    {"DEROGATION", "Not a single Roma person can be trusted."},
    {"DEROGATION", "Jews have no morals."},
    {"DEROGATION", "Disabled people contribute nothing to society."},
    {"DEROGATION", "Women are incapable of rational thought."},
    {"DEHUMANISATION", "The Tutsi are anything but human."},
    {"-", "No refugee should be treated like a criminal."},
    {"-", "Not all men are bad."},
    {"-", "There is no evidence that refugees commit more crime."},
    {"-", "Jews have no reason to be afraid here."},
    // a group made the worst of all
    {"DEROGATION", "There is nothing more disgusting than gay people."},
    {"DEROGATION", "Nothing is lower than black people."},
    {"-", "Nothing is worse than being a refugee in winter."},
    // strong slurs in the plural that the lexicon weighs lower
    {"DEROGATION", "Too many towelheads in this town."},
    {"DEROGATION", "The bus was full of yids again."},
    {"-", "As a Tottenham fan I'm not bothered by the yid chant debate."},
  };

  @TestFactory
  Stream<DynamicTest> pronounsSubclausesAndDeniedQualities() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String[] c : CASES) {
      tests.add(DynamicTest.dynamicTest(c[0] + ": " + c[1], () -> check(c)));
    }
    return tests.stream();
  }

  private static void check(String[] c) {
    HarmAnalysis a = HarmGrammarTest.grammar("en").analyse(c[1]);
    if (c[0].equals("-")) {
      assertThat(a.fired()).as("nothing fires").isEmpty();
    } else if (c[0].startsWith("blocked:")) {
      assertThat(a.fired()).as("nothing fires").isEmpty();
      assertThat(a.blocked()).as("a blocked construction").isNotEmpty();
      assertThat(a.blocked().get(0).blocker()).startsWith(c[0].substring(8));
    } else {
      assertThat(a.fired())
          .as("fired constructions")
          .extracting(f -> f.construction().name())
          .contains(c[0]);
    }
  }
}
