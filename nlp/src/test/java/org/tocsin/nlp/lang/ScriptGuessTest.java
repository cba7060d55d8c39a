package org.tocsin.nlp.lang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptGuessTest {

  // myHateSpeech 1.0, myHateSpeech_ver1.0.txt line 4 (label "no")
  static final String BURMESE = "ကွမ်းယာ မှာ ထည့် စား တဲ့ စမုန်စပါး ထင် တယ်";
  // Ayele et al. RANLP 2023, Data/RANLP2023/test.csv line 2 (normal)
  static final String AMHARIC = "@USER እንደ ትንሿ ወር ልክ እንደ ጳጉሜ . ይጠርልሽ ትግራይ የሀዘንሽ እድሜ #Tigray";
  // L-HSAB, line 3 (normal)
  static final String ARABIC =
      "صديقي انت ابن جامعه اللعبه اكبر من داعش اللعبه سنيه شيعية واعادة توزيع ديموغرافي بسوريا";

  @Test
  void scriptsThatDecideTheLanguageAreGuessed() {
    assertThat(ScriptGuess.of(BURMESE).language()).isEqualTo("my");
    assertThat(ScriptGuess.of(BURMESE).reason()).contains("Myanmar script");
    ScriptGuess am = ScriptGuess.of(AMHARIC);
    assertThat(am.language()).isEqualTo("am");
    assertThat(am.reason()).contains("Tigrinya"); // the reason says the script is shared
    assertThat(ScriptGuess.of(ARABIC).language()).isEqualTo("ar");
  }

  @Test
  void persianAndUrduLettersKeepArabicScriptUnguessed() {
    // hand-written Persian ("this is a test message for the program") and Urdu ("this is a
    // sentence")
    assertThat(ScriptGuess.of("این یک پیام آزمایشی برای برنامه است")).isNull();
    assertThat(ScriptGuess.of("یہ ایک جملہ ہے اور بس")).isNull();
  }

  @Test
  void latinShortMixedAndEmptyTextsGetNoGuess() {
    assertThat(ScriptGuess.of("Tötet sie alle, das ist ein deutscher Satz")).isNull();
    assertThat(ScriptGuess.of("ကွမ်းယာ")).isNull(); // fewer than 8 letters
    // a Burmese word inside a mostly English post
    assertThat(ScriptGuess.of("look at this word ကွမ်းယာ in the middle of an English post"))
        .isNull();
    assertThat(ScriptGuess.of("")).isNull();
    assertThat(ScriptGuess.of(null)).isNull();
    assertThat(ScriptGuess.of("1234 5678 !!! 🤣🤣🤣")).isNull();
  }
}
