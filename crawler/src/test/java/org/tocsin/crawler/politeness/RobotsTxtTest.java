package org.tocsin.crawler.politeness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RobotsTxtTest {

  private static final String ROBOTS =
      """
      # comment
      User-agent: *
      Disallow: /private
      Allow: /private/open$
      Crawl-delay: 2

      User-agent: Tocsin
      User-agent: OtherBot
      Disallow: /s/*/secret
      Disallow: /*.json$
      Allow: /s/
      Crawl-delay: 7.5
      """;

  @Test
  void theAgentsOwnGroupWinsOverTheStarGroup() {
    RobotsTxt r = RobotsTxt.parse(ROBOTS, "Tocsin");
    assertThat(r.allowed("/private")).isTrue();
    assertThat(r.allowed("/s/chan")).isTrue();
    assertThat(r.allowed("/s/chan/secret")).isFalse();
    assertThat(r.allowed("/a/b.json")).isFalse();
    assertThat(r.allowed("/a/b.json?x=1")).isTrue();
    assertThat(r.crawlDelay()).isEqualTo(Duration.ofMillis(7500));
  }

  @Test
  void otherAgentsGetTheStarGroupWithLongestMatchAndAnchors() {
    RobotsTxt r = RobotsTxt.parse(ROBOTS, "SomeoneElse");
    assertThat(r.allowed("/private/x")).isFalse();
    assertThat(r.allowed("/private/open")).isTrue();
    assertThat(r.allowed("/private/open/more")).isFalse();
    assertThat(r.allowed("/")).isTrue();
    assertThat(r.crawlDelay()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void emptyOrHostileBodiesNeverThrow() {
    assertThat(RobotsTxt.parse("", "Tocsin").allowed("/x")).isTrue();
    assertThat(RobotsTxt.parse("User-agent: *\nDisallow:\n", "Tocsin").allowed("/x")).isTrue();
    assertThat(RobotsTxt.parse("User-agent: *\nDisallow: /\n", "Tocsin").allowed("/x")).isFalse();
    assertThat(RobotsTxt.parse("\u0000:::\n*****\nCrawl-delay: NaN", "T").crawlDelay()).isNull();
    String stars = "User-agent: *\nDisallow: /" + "*a".repeat(20) + "b\n";
    assertThat(RobotsTxt.parse(stars, "Tocsin").allowed("/" + "a".repeat(30))).isTrue();
    assertThat(RobotsTxt.disallowAll().allowed("/")).isFalse();
    assertThat(RobotsTxt.allowAll().allowed("/anything")).isTrue();
  }
}
