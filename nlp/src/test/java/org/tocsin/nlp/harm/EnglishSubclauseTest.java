package org.tocsin.nlp.harm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tocsin.nlp.baseline.LexiconScorer;

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
    // a member of the group who is not bad, denied to exist; a decent member denied
    {"DEROGATION", "I've never met Muslims who weren't liars."},
    {"DEROGATION", "Refugees? Never met one who wasn't a criminal."},
    {"DEROGATION", "There is not a single decent person among Muslims."},
    {"DEROGATION", "Refugees? I've never met an honest one."},
    {"DEROGATION", "Gay people have never done anything good for anyone."},
    {"-", "I've never met Muslims who were rude to me."},
    {"-", "There is not a single reason to fear refugees."},
    {"-", "Not one of the Jews was hurt in the fire."},
    // a threat said of the group's future
    {"DEROGATION", "Muslims, you're next."},
    {"DEROGATION", "Gay people, watch your backs."},
    {"-", "You're next in the queue."},
    {"-", "Refugees won't survive the winter without blankets, please donate."},
    // a group made the worst of all
    {"DEROGATION", "There is nothing more disgusting than gay people."},
    {"DEROGATION", "Nothing is lower than black people."},
    {"-", "Nothing is worse than being a refugee in winter."},
    // a relative clause or a cleft between the group and its predicate
    {"DEHUMANISATION", "Jews who live in this town are parasites."},
    {"DEROGATION", "It's the Muslims who are disgusting."},
    {"NORMATIVE_THREAT", "Muslims are the kind of people who should be shot."},
    {"-", "The refugees who arrived yesterday are exhausted."},
    {"-", "It's the Roma who suffer most from the housing crisis."},
    // a counterfactual wish, a world better without the group
    {"CALL", "If it were up to me, Jews would all be gassed."},
    {"DEROGATION", "We'd be better off without refugees."},
    {"-", "If it were up to me, refugees would be welcomed with open arms."},
    {"-", "This neighbourhood would be poorer without its Muslim shops."},
    // a group named alone, answered by a predicate alone
    {"DEHUMANISATION", "Tutsi people? Cockroaches, all of them."},
    {"-", "Tutsi people? Survivors, all of them."},
    // crimes pinned on the whole group, through a pronoun
    {"DEROGATION", "Refugees come here and they rape our women."},
    {"-", "People who say refugees rape our women are spreading lies."},
    // a group addressed by name: the second person stands for it
    {"DEROGATION", "Jews, your days are numbered."},
    {"DIRECT_THREAT", "Watch your backs, Jews. We're coming for you."},
    {"DEROGATION", "Fuck off, Muslims, nobody wants you here."},
    {"CALL", "Piss off back home, refugees."},
    {"-", "Muslims, we stand with you."},
    {"-", "Refugees, welcome! We will protect you."},
    {"DIRECT_THREAT", "Gay people make me want to kill them all."},
    // strong slurs in the plural that the lexicon weighs lower
    {"DEROGATION", "Too many towelheads in this town."},
    {"DEROGATION", "The bus was full of yids again."},
    {"-", "As a Tottenham fan I'm not bothered by the yid chant debate."},
  };

  @Test
  void aPronounContractedWithItsVerbIsReadAsTwoWords() {
    HarmText t =
        HarmText.of(
            "theyre vermin, they'll see",
            new Deobfuscator(
                HarmVocabulary.bundled("en", LexiconScorer.loadDefault().lexicons().get("en"))),
            "en");
    assertThat(String.join(" ", t.words)).isEqualTo("they are vermin they will see");
  }

  @TestFactory
  Stream<DynamicTest> pronounsSubclausesAndDeniedQualities() {
    return HarmGrammarTest.cases(
        Stream.of(CASES).map(c -> new String[] {"en", c[0], c[1]}).toArray(String[][]::new));
  }
}
