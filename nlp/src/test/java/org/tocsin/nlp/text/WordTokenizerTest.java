package org.tocsin.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordTokenizerTest {

  private static List<String> words(String text) {
    return WordTokenizer.tokenize(text).tokens().stream().map(Token::text).toList();
  }

  @Test
  void lowerCasesLettersAndDigitsAndDropsPunctuation() {
    assertThat(words("We MUST act, 2024!  Now..."))
        .containsExactly("we", "must", "act", "2024", "now");
  }

  @Test
  void keepsApostrophesInsideWordsOnly() {
    assertThat(words("Let’s go, don't 'quote' the jews' homes"))
        .containsExactly("let's", "go", "don't", "quote", "the", "jews", "homes");
  }

  @Test
  void splitsHashtagsIntoWords() {
    List<Token> tokens =
        WordTokenizer.tokenize("#StopHindiImposition #rohingya #kill_them #LGBTRights").tokens();
    assertThat(tokens)
        .extracting(Token::text)
        .containsExactly(
            "stop", "hindi", "imposition", "rohingya", "kill", "them", "lgbt", "rights");
    assertThat(tokens).allMatch(Token::hashtag);
    assertThat(tokens.get(0).start()).isEqualTo(1);
  }

  @Test
  void skipsUrlsAndHandles() {
    assertThat(words("@killer see https://example.com/kill?x=1 and www.kill.org now"))
        .containsExactly("see", "and", "now");
  }

  @Test
  void normalisesEvasionsAndKeepsOffsets() {
    String text = "ki\u200Bll ＫＩＬＬ \uD835\uDC24\uD835\uDC22\uD835\uDC25\uD835\uDC25";
    List<Token> tokens = WordTokenizer.tokenize(text).tokens();
    assertThat(tokens).extracting(Token::text).containsExactly("kill", "kill", "kill");
    assertThat(tokens.get(0).start()).isZero();
    assertThat(tokens.get(0).end()).isEqualTo(5);
  }

  @Test
  void keepsWordsOfOtherScripts() {
    assertThat(words("مرحبا بالعالم · ሰላም ዓለም · नमस्ते"))
        .containsExactly("مرحبا", "بالعالم", "ሰላም", "ዓለም", "नमस्ते");
  }

  @Test
  void marksSentenceStarts() {
    List<Token> tokens = WordTokenizer.tokenize("kill them. Burn it\nnow").tokens();
    assertThat(tokens)
        .extracting(Token::sentenceStart)
        .containsExactly(true, false, true, false, true);
  }

  @Test
  void boundsWorkOnHugeInput() {
    String many = "word ".repeat(50_000);
    TokenizedText t = WordTokenizer.tokenize(many);
    assertThat(t.tokens()).hasSize(WordTokenizer.MAX_TOKENS);
    assertThat(t.truncated()).isTrue();

    TokenizedText oneLongWord = WordTokenizer.tokenize("a".repeat(100_000));
    assertThat(oneLongWord.tokens()).isEmpty();
    assertThat(oneLongWord.truncated()).isFalse();

    TokenizedText beyond = WordTokenizer.tokenize("xxxxxxxxx ".repeat(12_000));
    assertThat(beyond.truncated()).isTrue();
    assertThat(beyond.tokens()).hasSize(WordTokenizer.MAX_CHARS / 10);
  }

  @Test
  void handlesEmptyAndSymbolOnlyText() {
    assertThat(words("")).isEmpty();
    assertThat(words("🔥🔥 \u0000\u202E ### @ ' ’")).isEmpty();
  }

  @Test
  void scriptsWithoutSpacesAreCutIntoWords() {
    // myHateSpeech v1.0 line 4 with its word spaces removed, as Burmese is ordinarily written: one
    // 37-char run, which used to be dropped whole
    String burmese = "ကွမ်းယာမှာထည့်စားတဲ့စမုန်စပါးထင်တယ်";
    List<String> my = words(burmese);
    assertThat(my.size()).isGreaterThan(3);
    assertThat(my).contains("ကွမ်းယာ", "စမုန်စပါး");
    assertThat(String.join("", my)).isEqualTo(burmese);
    // the Thai sentence of Lucene's TestICUTokenizer
    assertThat(words("การที่ได้ต้องแสดงว่างานดี"))
        .containsExactly("การ", "ที่", "ได้", "ต้อง", "แสดง", "ว่า", "งาน", "ดี");
    // a zero-width space between Burmese words is not part of a word; offsets stay in the text
    TokenizedText t = WordTokenizer.tokenize("ok ကွမ်းယာ\u200bစမုန်စပါး ok");
    assertThat(t.tokens()).extracting(Token::text).contains("ok", "ကွမ်းယာ", "စမုန်စပါး");
    for (Token tok : t.tokens()) {
      assertThat(tok.end()).isGreaterThan(tok.start());
    }
    // scripts with spaces are untouched: Amharic, Hindi, Arabic words stay whole
    assertThat(words("ጠላት ናቸው")).containsExactly("ጠላት", "ናቸው");
    assertThat(words("मुसलमानों को")).containsExactly("मुसलमानों", "को");
    assertThat(words("اكره الفلسطينيين")).containsExactly("اكره", "الفلسطينيين");
  }
}
