package org.tocsin.crawler.parse.rss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tocsin.core.evidence.ParseResult;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.post.Post;
import org.tocsin.crawler.parse.Captures;
import org.tocsin.testkit.fixtures.Fixtures;

class FeedParserTest {
  private static final String DIR = "feeds/rome/";
  private static final String URL = "https://example.org/feed.xml";
  private final FeedParser parser = new FeedParser();

  private List<Post> parse(String file) throws PostFormatException {
    return parser.parse(Captures.fixture(FeedParser.FORMAT, URL, DIR + file));
  }

  @Test
  void everyFeedParses() throws PostFormatException {
    for (String p : Fixtures.pathsUnder(DIR)) {
      assertThat(parser.parse(Captures.fixture(FeedParser.FORMAT, URL, p))).as(p).isNotEmpty();
    }
    assertThat(parse("usgs-gov-earthquakes-all-hour-atom.xml")).hasSize(6);
    assertThat(parse("geo-rss-issue-27.rss")).hasSize(10);
    assertThat(parse("atom_1.0_b.xml")).hasSize(16);
  }

  @Test
  void rss2ItemFields() throws PostFormatException {
    Post p = parse("rss_2.0.xml").get(0);
    assertThat(p.platform()).isEqualTo("rss");
    assertThat(p.id()).isEqualTo("example.org/rss_2.0.channel.item[0].guid");
    assertThat(p.text()).startsWith("rss_2.0.channel.item[0].title\n\n").contains("content");
    assertThat(p.hashtags())
        .containsExactly(
            "rss_2.0.channel.item[0].category[0]", "rss_2.0.channel.item[0].category[1]");
    assertThat(p.createdAt()).isEqualTo(Instant.parse("2001-01-01T00:00:00Z"));
    assertThat(p.author().id()).isEqualTo(URL);
  }

  @Test
  void htmlDescriptionBecomesTextWithLinks() throws PostFormatException {
    Post p = parse("geo-rss-issue-27.rss").get(0);
    assertThat(p.text()).doesNotContain("<p>").doesNotContain("&amp;");
    assertThat(p.url()).startsWith("http");
    assertThat(parse("CDATATestFeed.xml").get(0).url()).contains("&paytype=ppv");
  }

  @Test
  void doctypesAndGarbageAreRefused() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss version=\"2.0\"><channel><title>&x;</title></channel></rss>";
    for (String bad : List.of(xxe, "", "<html/>", "{\"a\":1}")) {
      assertThatThrownBy(
              () ->
                  parser.parse(
                      Captures.of(FeedParser.FORMAT, URL, bad.getBytes(StandardCharsets.UTF_8))))
          .as(bad)
          .isInstanceOf(PostFormatException.class)
          .hasMessageContaining("rss");
    }
  }

  private static String fixture(String file) {
    return new String(Fixtures.bytes(DIR + file), StandardCharsets.UTF_8);
  }

  private ParseResult parseText(String url, String xml) throws PostFormatException {
    return parser.parseResult(
        Captures.of(FeedParser.FORMAT, url, xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aControlCharacterInOneEntryNoLongerRejectsTheFeed() throws PostFormatException {
    String feed = fixture("geo-rss-issue-27.rss");
    int title = feed.indexOf("<title>", feed.indexOf("<item>")) + "<title>".length();
    String bad = feed.substring(0, title) + "\u0008" + feed.substring(title);
    ParseResult r = parseText(URL, bad);
    assertThat(r.posts()).hasSize(10);
    assertThat(r.posts().get(0).text()).startsWith("\uFFFD");
    assertThat(r.warnings()).singleElement().asString().contains("1 characters that XML forbids");
  }

  @Test
  void relativeXmlBaseLinksAreResolved() throws PostFormatException {
    String url = "https://earthquake.usgs.gov/earthquakes/feed/v1.0/summary/all_hour.atom";
    String feed =
        fixture("usgs-gov-earthquakes-all-hour-atom.xml")
            .replace(
                "<feed xmlns=\"http://www.w3.org/2005/Atom\"",
                "<feed xml:base=\"/earthquakes/\" xmlns=\"http://www.w3.org/2005/Atom\"")
            .replace(
                "href=\"https://earthquake.usgs.gov/earthquakes/eventpage/", "href=\"eventpage/");
    assertThat(feed).contains("href=\"eventpage/ci38138255\"");
    ParseResult r = parseText(url, feed);
    assertThat(r.posts()).hasSize(6);
    assertThat(r.posts().get(0).url())
        .isEqualTo("https://earthquake.usgs.gov/earthquakes/eventpage/ci38138255");
    // an absolute xml:base (ROME's own resolution) and one relative to it on the entry
    String nested =
        feed.replace("xml:base=\"/earthquakes/\"", "xml:base=\"https://earthquake.usgs.gov/\"")
            .replaceFirst("<entry>", "<entry xml:base=\"earthquakes/\">");
    List<Post> posts = parseText(url, nested).posts();
    assertThat(posts.get(0).url())
        .isEqualTo("https://earthquake.usgs.gov/earthquakes/eventpage/ci38138255");
    assertThat(posts.get(1).url()).isEqualTo("https://earthquake.usgs.gov/eventpage/ak20384107");
  }
}
