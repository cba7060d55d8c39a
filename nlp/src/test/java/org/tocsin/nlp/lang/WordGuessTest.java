package org.tocsin.nlp.lang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Real sentences: tweets from the labelled corpora in {@code ../shared/data} (file and line given),
 * and Article 1 of the Universal Declaration of Human Rights in its official translations where the
 * corpora hold no clean text of a language (Polish, Portuguese, Dutch, Italian).
 */
class WordGuessTest {

  static String guess(String text) {
    WordGuess g = WordGuess.of(text);
    return g == null ? null : g.language();
  }

  @Test
  void germanTweetsFromGermEval() {
    // germeval2018.test.txt lines 2 and 10
    assertThat(
            guess(
                "@Tom174_ @davidbest95 Meine Reaktion; |LBR| Nicht jeder Moslem ist ein Terrorist."
                    + " Aber jeder Moslem glaubt an Überlieferungen, die Gewalt und Terror"
                    + " begünstigen."))
        .isEqualTo("de");
    assertThat(
            guess(
                "@FeePatzer Frauen zu einem \"Ja\" zu überreden, ist nicht selten erfolgreich."
                    + " Viele Frauen wollen nicht als zu leicht zu haben angesehen werden."))
        .isEqualTo("de");
    WordGuess g = WordGuess.of("Ich weiß halt, wie man Frauen zum Miauen bringt");
    assertThat(g.language()).isEqualTo("de");
    assertThat(g.reason()).startsWith("German function words");
  }

  @Test
  void frenchTweetsFromMlma() {
    // fr_dataset.csv, HITId 4 and 6
    assertThat(
            guess(
                "@user @user c...est vrai que les anchois sont aller sur la lune et invente de"
                    + " million de technologie !"))
        .isEqualTo("fr");
    assertThat(
            guess(
                "@user @user en algerie les migrants sont expulsés dans le désert je crois bien"
                    + " qu'ils ont une autre vision… @url"))
        .isEqualTo("fr");
  }

  @Test
  void englishTweetsStayEnglish() {
    // hatexplain 23107796_gab (the start), and IRA headlines whose "N.J." once read as French
    assertThat(
            guess(
                "u really think i would not have been raped by feral hindu or muslim back in"
                    + " india or bangladesh and a neo nazi would rape me as well"))
        .isEqualTo("en");
    assertThat(guess("N.J. gym teacher suspended after arrest, district says")).isNotEqualTo("fr");
    assertThat(guess("Global markets plunge as Britain votes to leave EU, Cameron quits"))
        .isNotEqualTo("pt");
  }

  @Test
  void spanishItalianPortugueseAndDutchTweetsFromTheIraSet() {
    // tweets/C/CornellBurchet.csv, tweets/W/WatchMeWalkin.csv, tweets/A/AmandaVGreen.csv
    assertThat(guess("El huracán Matthew sube a categoría 3 en su avance por el Caribe."))
        .isEqualTo("es");
    assertThat(guess("Quelle che dice Lei, Martina non hanno nazionalità, ogni mondo è paese"))
        .isEqualTo("it");
    assertThat(
            guess(
                "mas bora ver a hashtag da noite.. o povo tá preocupado com reality show enquanto"
                    + " milhares morrem na síria"))
        .isEqualTo("pt");
    assertThat(
            guess(
                "Dit verbaast mij niets. Hij zou in de DDR de 'Honecker' opvolger zijn geworden."))
        .isEqualTo("nl");
  }

  @Test
  void udhrArticleOneInPolishPortugueseDutchAndItalian() {
    assertThat(
            guess(
                "Wszyscy ludzie rodzą się wolni i równi pod względem swej godności i swych praw."
                    + " Są oni obdarzeni rozumem i sumieniem i powinni postępować wobec innych w"
                    + " duchu braterstwa."))
        .isEqualTo("pl");
    assertThat(
            guess(
                "Todos os seres humanos nascem livres e iguais em dignidade e em direitos."
                    + " Dotados de razão e de consciência, devem agir uns para com os outros em"
                    + " espírito de fraternidade."))
        .isEqualTo("pt");
    assertThat(
            guess(
                "Alle mensen worden vrij en gelijk in waardigheid en rechten geboren. Zij zijn"
                    + " begiftigd met verstand en geweten, en behoren zich jegens elkander in een"
                    + " geest van broederschap te gedragen."))
        .isEqualTo("nl");
    assertThat(
            guess(
                "Tutti gli esseri umani nascono liberi ed eguali in dignità e diritti. Essi sono"
                    + " dotati di ragione e di coscienza e devono agire gli uni verso gli altri in"
                    + " spirito di fratellanza."))
        .isEqualTo("it");
  }

  @Test
  void shortHashtagAndUrlOnlyPostsGetNoGuess() {
    assertThat(guess(null)).isNull();
    assertThat(guess("")).isNull();
    assertThat(guess("labrador puppies!!!!! http://t.co/QkLs4i4mpF labrador puppies!!!!!"))
        .isNull();
    // hashtags and handles are skipped, however German they look
    assertThat(guess("#die #der #das #und @ist @nicht https://de.example/der/die/das")).isNull();
    assertThat(guess("x".repeat(100_000))).isNull();
  }
}
