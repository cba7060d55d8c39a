package org.tocsin.testkit.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostEntitiesTest {

  @Test
  void extractsHashtagsMentionsAndLinks() {
    PostEntities e =
        PostEntities.of(
            "RT @BeccyWill: #StopIslam #IslamKills see https://t.co/AbC123. and (http://x.co/y) #1"
                + " mail me@example.com #StopIslam #Brüssel");
    assertThat(e.hashtags()).containsExactly("StopIslam", "IslamKills", "Brüssel");
    assertThat(e.mentions()).containsExactly("BeccyWill");
    assertThat(e.links()).containsExactly("https://t.co/AbC123", "http://x.co/y");
  }

  @Test
  void findsNothingInAnonymisedText() {
    PostEntities e = PostEntities.of("<user> <user> this is what they do <number> times");
    assertThat(e.hashtags()).isEmpty();
    assertThat(e.mentions()).isEmpty();
    assertThat(e.links()).isEmpty();
  }

  @Test
  void ignoresMentionsLongerThanAHandle() {
    assertThat(PostEntities.of("@abcdefghijklmnopq hi").mentions()).isEmpty();
  }
}
