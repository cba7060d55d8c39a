package org.tocsin.nlp.harm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tocsin.nlp.baseline.LexiconScorer;

/** Each transform of the normaliser, and what it must leave alone. */
class DeobfuscatorTest {

  private static final HarmGrammar EN = HarmGrammarTest.grammar("en");

  private static String read(String text) {
    HarmText t =
        HarmText.of(
            text,
            new Deobfuscator(
                HarmVocabulary.bundled("en", LexiconScorer.loadDefault().lexicons().get("en"))),
            "en");
    return String.join(" ", t.words);
  }

  @Test
  void leetspeak() {
    assertThat(read("k1ll all g4ys")).isEqualTo("kill all gays");
    assertThat(read("3xt3rm1n4t3 the mu$lim$")).isEqualTo("exterminate the muslims");
    assertThat(read("k!ll the j3w5")).isEqualTo("kill the jews");
    assertThat(read("2020 was 1 year")).isEqualTo("2020 was 1 year");
  }

  @Test
  void lookAlikeLettersAndInvisibleCharacters() {
    assertThat(read("k\u0456ll all jews")).isEqualTo("kill all jews"); // Cyrillic і
    assertThat(read("kill all \u0458ews")).isEqualTo("kill all jews"); // Cyrillic ј
    assertThat(read("ki\u200Bll all mus\u200Dlims")).isEqualTo("kill all muslims");
    assertThat(read("\uFF4B\uFF49\uFF4C\uFF4C all gays")).isEqualTo("kill all gays"); // full width
  }

  @Test
  void repeatedLetters() {
    assertThat(read("kiiiill all jewwws")).isEqualTo("kill all jews");
    assertThat(read("muslimsss are verminnn")).isEqualTo("muslims are vermin");
  }

  @Test
  void spacedAndDottedLetters() {
    assertThat(read("k i l l all muslims")).isEqualTo("kill all muslims");
    assertThat(read("k.i.l.l the gays")).isEqualTo("kill the gays");
  }

  @Test
  void wordsRunTogether() {
    assertThat(read("killallgays")).isEqualTo("kill all gays");
    assertThat(read("#killthejews")).isEqualTo("kill the jews");
    assertThat(read("#KillAllMuslims")).isEqualTo("kill all muslims");
    assertThat(read("understanding")).isEqualTo("understanding");
  }

  @Test
  void oneLetterOffInLongWordsOnly() {
    assertThat(read("exterminte the jews")).isEqualTo("exterminate the jews"); // dropped
    assertThat(read("the rohingya are vremin")).isEqualTo("the rohingya are vermin"); // swapped
    assertThat(read("muslimms")).isEqualTo("muslims"); // added (also a repeat)
    assertThat(read("the jewsih people")).isEqualTo("the jewish people");
    assertThat(read("kil the rats")).isEqualTo("kil the rats"); // short words are left alone
    assertThat(read("grapes")).isEqualTo("grapes"); // never the first letter
    // ordinary words one letter off a vocabulary word are left alone (harm-known-en-v1.txt)
    assertThat(read("money")).isEqualTo("money"); // not "monkey"
  }

  @Test
  void theGrammarReadsObfuscatedPostsAndSaysHow() {
    HarmAnalysis a = EN.analyse("k1ll all g4ys");
    assertThat(a.fired()).hasSize(1);
    assertThat(a.readings()).contains("'k1ll' read as 'kill' (leetspeak)");
  }
}
