package org.tocsin.testkit.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IraTweetsTest {

  @Test
  void readsBothDateFormatsAsUtc() {
    assertThat(IraTweets.parseTime("2016-03-22 18:16:00"))
        .isEqualTo(Instant.parse("2016-03-22T18:16:00Z"));
    assertThat(IraTweets.parseTime("3/22/2016 18:16"))
        .isEqualTo(Instant.parse("2016-03-22T18:16:00Z"));
    assertThat(IraTweets.parseTime("11/6/2015 9:05"))
        .isEqualTo(Instant.parse("2015-11-06T09:05:00Z"));
  }

  @Test
  void rejectsOtherDates() {
    assertThatThrownBy(() -> IraTweets.parseTime("22.03.2016"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("22.03.2016");
  }

  @Test
  void stableIdIsSixteenHexDigitsOfSha256() {
    String id = IraTweets.stableId("BeccyWill", "2016-03-22 18:16:00", "text");
    assertThat(id).matches("ira-[0-9a-f]{16}");
    assertThat(id).isEqualTo(IraTweets.stableId("BeccyWill", "2016-03-22 18:16:00", "text"));
    assertThat(id)
        .isEqualTo(
            "ira-" + IraTweets.sha256Hex("BeccyWill|2016-03-22 18:16:00|text").substring(0, 16));
    assertThat(id).isNotEqualTo(IraTweets.stableId("BeccyWill", "2016-03-22 18:17:00", "text"));
  }

  @Test
  void mapsLanguageNames() {
    assertThat(IraLanguages.tag("English")).isEqualTo("en");
    assertThat(IraLanguages.tag("Russian")).isEqualTo("ru");
    assertThat(IraLanguages.tag("German")).isEqualTo("de");
    assertThat(IraLanguages.tag("Farsi (Persian)")).isEqualTo("fa");
    assertThat(IraLanguages.tag("LANGUAGE UNDEFINED")).isNull();
  }
}
