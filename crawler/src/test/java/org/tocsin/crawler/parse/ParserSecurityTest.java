package org.tocsin.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tocsin.core.json.Json;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.post.Post;
import org.tocsin.crawler.parse.fourchan.FourchanThreadParser;
import org.tocsin.crawler.parse.rss.FeedParser;
import org.tocsin.crawler.parse.telegram.TelegramPageParser;
import org.tocsin.testkit.fixtures.Fixtures;

/**
 * Hostile markup inside real payloads (issue 16, item 5): XML nested or left open 200,000 levels
 * deep is refused in well under a second, entity declarations stay refused, and HTML with 200,000
 * unclosed tags is read as text (a fragment) or refused (a page), quickly. Item isolation and the
 * other cases are in each parser's test; random input in {@link ParserFuzzTest}.
 */
class ParserSecurityTest {
  private static final String BOMB = "<b>".repeat(200_000);

  private static long millisSince(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static String rss2() {
    return new String(Fixtures.bytes("feeds/rome/rss_2.0.xml"), StandardCharsets.UTF_8);
  }

  private static List<Post> feed(String xml) throws PostFormatException {
    return new FeedParser()
        .parse(
            Captures.of(
                FeedParser.FORMAT,
                "https://example.org/feed.xml",
                xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void deepNestingIsRefusedInWellUnderASecond() {
    String feed = rss2();
    int at = feed.indexOf("</item>");
    String open = "<x>".repeat(200_000);
    String nested = feed.substring(0, at) + open + "</x>".repeat(200_000) + feed.substring(at);
    String unclosed = feed.substring(0, at) + open + feed.substring(at);
    for (String bad : List.of(nested, unclosed)) {
      long t0 = System.nanoTime();
      assertThatThrownBy(() -> feed(bad))
          .isInstanceOf(PostFormatException.class)
          .hasMessageContaining("nested too deeply");
      assertThat((System.nanoTime() - t0) / 1_000_000).as("ms to refuse").isLessThan(1_000);
    }
  }

  @Test
  void entityExpansionIsStillRefused() {
    String laughs =
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
            + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
            + rss2().replaceFirst("<\\?xml[^>]*>", "").replace("rss_2.0.channel.title", "&lol2;");
    assertThatThrownBy(() -> feed(laughs))
        .isInstanceOf(PostFormatException.class)
        .hasMessageContaining("DOCTYPE");
  }

  @Test
  void aCommentWithTooManyTagsKeepsItsTextQuickly() throws Exception {
    ObjectNode thread =
        (ObjectNode)
            Json.mapper()
                .readTree(Fixtures.bytes("4chan/4chan-API_docs_examples/threads_example_0.json"));
    ObjectNode op = (ObjectNode) thread.get("posts").get(0);
    op.put("com", BOMB + "Welcome &amp; hello" + op.get("com").asText());
    long t0 = System.nanoTime();
    List<Post> posts =
        new FourchanThreadParser()
            .parse(
                Captures.of(
                    FourchanThreadParser.FORMAT,
                    "https://a.4cdn.org/po/thread/570368.json",
                    Json.mapper().writeValueAsBytes(thread)));
    assertThat(millisSince(t0)).as("ms").isLessThan(1_000);
    assertThat(posts.get(0).text()).contains("Welcome & hello");
    assertThat(posts).hasSize(thread.get("posts").size());
  }

  @Test
  void aChannelPageWithTooManyTagsIsRefusedQuickly() {
    String html =
        new String(
            Fixtures.bytes("telegram/any2feed_telegram_preview/full.html"), StandardCharsets.UTF_8);
    int at = html.indexOf("tgme_widget_message_text");
    at = html.indexOf('>', at) + 1;
    byte[] bad =
        (html.substring(0, at) + BOMB + html.substring(at)).getBytes(StandardCharsets.UTF_8);
    long t0 = System.nanoTime();
    assertThatThrownBy(
            () ->
                new TelegramPageParser()
                    .parse(Captures.of(TelegramPageParser.FORMAT, "https://t.me/s/x", bad)))
        .isInstanceOf(PostFormatException.class)
        .hasMessageContaining("too many HTML tags");
    assertThat(millisSince(t0)).as("ms").isLessThan(1_000);
  }
}
